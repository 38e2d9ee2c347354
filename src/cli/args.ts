import { parseArgs } from 'node:util';
import { ENGINES, type Engine } from '../cors/index.js';
import { readDataArgument } from './data-file.js';
import { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, parseOptions, type Command } from './flags.js';
import { checkExplainUrl, checkProbeUrl } from './url-argument.js';
import { UsageError } from './usage-error.js';

/** The call both commands take, in curl's words. */
export interface RequestArgs {
  url: string;
  method: string | undefined;
  headers: [string, string][];
  /** The body: `-d` (a file's content for `@file`) or `--data-raw`. */
  data: string | undefined;
  origin: string | undefined;
  engines: Engine[];
  json: boolean;
  mode: string | undefined;
  credentials: string | undefined;
}

/** `probe` also needs the page origin (without one nothing is cross-origin), a deadline, and leave to send a non-GET call. */
export interface ProbeArgs extends RequestArgs {
  origin: string;
  /** Milliseconds the whole probe may take: connecting, every round trip, the answers' heads and bodies. */
  timeout: number;
  /** True to send a call other than GET or HEAD; without it the probe stops after the preflight. */
  send: boolean;
}

const OPTIONS = parseOptions();

export type Parsed = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

/** The command line as node:util parses it against the flag table; a bad flag is a one-line UsageError. */
export function parse(argv: readonly string[]): Parsed {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    // node:util's messages can run over several lines: the CLI's errors are one line each.
    throw new UsageError((error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' '));
  }
}

export const text = (values: Parsed['values'], name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export function oneOf(flag: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value !== undefined && !allowed.includes(value))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value;
}

function body(values: Parsed['values']): string | undefined {
  const data = text(values, 'data');
  const raw = text(values, 'data-raw');
  if (data !== undefined && raw !== undefined) throw new UsageError('give one body: -d or --data-raw, not both');
  return raw ?? (data === undefined ? undefined : readDataArgument(data));
}

function requestArgs(values: Parsed['values'], positionals: string[], defaultEngine: Engine | 'all'): RequestArgs {
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? 'a URL is required' : `one URL only, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  const engine = oneOf('engine', text(values, 'engine'), [...ENGINES, 'all']) ?? defaultEngine;
  const lines = values.header;
  const headers = (Array.isArray(lines) ? lines : [])
    .filter((line): line is string => typeof line === 'string')
    .map((line): [string, string] => {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new UsageError(`-H expects 'Name: value', got ${JSON.stringify(line)}`);
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
  return {
    url: positionals[0] ?? '',
    method: text(values, 'request'),
    headers,
    data: body(values),
    origin: text(values, 'origin'),
    engines: engine === 'all' ? [...ENGINES] : [engine as Engine],
    json: values.json === true,
    mode: oneOf('mode', text(values, 'mode'), ['cors', 'no-cors', 'same-origin', 'navigate']),
    credentials: oneOf('credentials', text(values, 'credentials'), ['omit', 'same-origin', 'include']),
  };
}

/** True when the command line asks for the command's help (`-h` or `--help` anywhere before `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  return flags.includes('--help') || flags.includes('-h');
}

function probeOnly(values: Parsed['values'], command: Command): void {
  if (command === 'probe') return;
  if (values.timeout !== undefined) throw new UsageError('--timeout is for probe: explain sends nothing');
  if (values.send !== undefined) throw new UsageError('--send is for probe: explain sends nothing');
}

/** curl-like flags for `explain`; one engine (the standard) unless asked. */
export function parseExplainArgs(argv: readonly string[]): RequestArgs {
  const { values, positionals } = parse(argv);
  probeOnly(values, 'explain');
  const args = requestArgs(values, positionals, 'standard');
  checkExplainUrl(args.url, args.origin);
  return args;
}

function timeoutOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const timeout = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(timeout) || timeout <= 0)
    throw new UsageError(`--timeout must be a positive whole number of milliseconds, got ${JSON.stringify(value)}`);
  if (timeout > MAX_TIMEOUT_MS)
    throw new UsageError(`--timeout must be at most ${MAX_TIMEOUT_MS} ms (${MAX_TIMEOUT_MS / 60_000} minutes), got ${value}`);
  return timeout;
}

/** curl-like flags for `probe`: the page origin is required, and every engine is judged unless one is named. */
export function parseProbeArgs(argv: readonly string[]): ProbeArgs {
  const { values, positionals } = parse(argv);
  const timeout = timeoutOf(text(values, 'timeout'));
  const args = requestArgs(values, positionals, 'all');
  if (args.origin === undefined) throw new UsageError('probe needs --origin, the page origin the browser would send');
  let origin: string;
  try {
    origin = new URL(args.origin).origin;
  } catch {
    throw new UsageError(`--origin must be an origin such as https://app.example, got ${JSON.stringify(args.origin)}`);
  }
  if (origin === 'null') throw new UsageError(`--origin must be an http(s) origin, got ${JSON.stringify(args.origin)}`);
  checkProbeUrl(args.url);
  return { ...args, origin, timeout, send: values.send === true };
}
