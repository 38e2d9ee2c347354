import { ENGINES } from '../cors/index.js';
import { SERVER_CONFIG_FORMATS } from './format-server-config.js';

// Every flag of every command, once: the parser's options and each command's help are read from this table.

/** The commands, in the order the help lists them. */
export const COMMANDS = ['explain', 'probe', 'server-config'] as const;
export type Command = (typeof COMMANDS)[number];

export const isCommand = (value: string | undefined): value is Command => COMMANDS.some((command) => command === value);

export interface Flag {
  /** The long name, without `--`. */
  name: string;
  short?: string;
  /** The value's placeholder in the help; absent for a switch. */
  value?: string;
  multiple?: boolean;
  commands: readonly Command[];
  /** One line of help, or one per command where they differ. */
  help: string | Record<Command, string>;
}

/** The longest `--timeout` accepted: a probe that could wait longer is a typo, and timers overflow past 2^31 - 1 ms. */
export const MAX_TIMEOUT_MS = 600_000;

/** The default `--timeout`: the whole probe, every round trip included. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export const FLAGS: readonly Flag[] = [
  {
    name: 'request',
    short: 'X',
    value: 'METHOD',
    commands: ['explain', 'probe', 'server-config'],
    help: 'the method (default GET, or POST with a body, as in curl)',
  },
  {
    name: 'header',
    short: 'H',
    value: "'Name: value'",
    multiple: true,
    commands: ['explain', 'probe', 'server-config'],
    help: 'a request header; repeat for more',
  },
  {
    name: 'data',
    short: 'd',
    value: 'BODY',
    commands: ['explain', 'probe'],
    help: 'a string body; @FILE reads a file, @- standard input (as in curl)',
  },
  { name: 'data-raw', value: 'BODY', commands: ['explain', 'probe'], help: 'a string body taken as written (a leading @ is not a file)' },
  {
    name: 'origin',
    value: 'URL',
    commands: ['explain', 'probe', 'server-config'],
    help: {
      explain: "the page's origin (without it, the call is judged cross-origin)",
      probe: "required: the page's origin, sent as Origin",
      'server-config': "the page's origin: required for a URL, and for a session whose calls do not name it",
    },
  },
  {
    name: 'engine',
    value: 'NAME',
    commands: ['explain', 'probe'],
    help: {
      explain: `whose rules: ${ENGINES.join(', ')} or all (default standard)`,
      probe: `whose rules: ${ENGINES.join(', ')} or all (default all)`,
      'server-config': 'not used: the configuration holds for every engine',
    },
  },
  { name: 'mode', value: 'MODE', commands: ['explain', 'probe'], help: "fetch's mode: cors, no-cors or same-origin (default cors)" },
  {
    name: 'credentials',
    value: 'WHEN',
    commands: ['explain', 'probe', 'server-config'],
    help: "fetch's credentials: omit, same-origin or include (default same-origin)",
  },
  { name: 'send', commands: ['probe'], help: 'also send a call other than GET or HEAD (by default probe stops after its preflight)' },
  {
    name: 'timeout',
    value: 'MS',
    commands: ['probe'],
    help: `the whole probe's deadline in milliseconds (default ${DEFAULT_TIMEOUT_MS}, at most ${MAX_TIMEOUT_MS})`,
  },
  {
    name: 'expose',
    value: 'NAME',
    multiple: true,
    commands: ['server-config'],
    help: 'a response header the app reads (Access-Control-Expose-Headers); repeat for more',
  },
  { name: 'format', value: 'FORMAT', commands: ['server-config'], help: `${SERVER_CONFIG_FORMATS.join(', ')} or all (default table)` },
  { name: 'json', commands: ['explain', 'probe', 'server-config'], help: 'the result as JSON, for scripts' },
  { name: 'help', short: 'h', commands: ['explain', 'probe', 'server-config'], help: 'this help' },
];

type ParseOption = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };

/** The table as node:util parseArgs options. */
export function parseOptions(): Record<string, ParseOption> {
  return Object.fromEntries(
    FLAGS.map((flag): [string, ParseOption] => {
      const option: ParseOption = { type: flag.value === undefined ? 'boolean' : 'string' };
      if (flag.short !== undefined) option.short = flag.short;
      if (flag.multiple === true) option.multiple = true;
      return [flag.name, option];
    }),
  );
}
