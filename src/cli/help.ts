import { docsUrl } from './docs-url.js';
import { FLAGS, type Command } from './flags.js';

// The help texts: the usage line printed with every usage error, and one page per command with a line per flag.

export const USAGE = `usage: crosswise explain <url> [flags]   what will the browser do with this call? (sends nothing)
       crosswise probe <url> --origin URL [flags]   would the browser let the page read the answer? (asks the server)
       crosswise server-config <session.json|url> [flags]   the CORS configuration the server needs
       crosswise <command> --help   the flags of a command;  crosswise --version`;

const SUMMARY: Record<Command, string> = {
  explain: 'crosswise explain <url> [flags]\n\nPredicts what the browser does with this call, per engine. Sends nothing.',
  'server-config':
    "crosswise server-config <session.json | - | url> [flags]\n\nFrom the calls of a session (the JSON of api.stats() from a client made with stats: sessionStats(),\nor a list of calls) or one call in curl's words, writes the CORS configuration the server needs, per\norigin: methods, request headers, credentials, exposed headers and max-age, no more. --format table (default), express, fastify, nginx, headers or all.",
  probe:
    'crosswise probe <url> --origin URL [flags]\n\nSends the preflight a browser would send, then the call (GET and HEAD only, unless --send), and judges\nthe answers per engine.',
};

const EXIT_CODES: Record<Command, string> = {
  explain: 'exit codes: 0 the call goes out, 1 the browser would refuse it, 2 a usage error',
  'server-config': 'exit codes: 0 the configuration was written, 2 a usage error (a session that does not parse names its problem)',
  probe:
    'exit codes: 0 every engine lets the page read the answer, 1 some engine blocks it, 2 a usage or network error\n            (or the call was held back without --send: only its preflight was judged)',
};

function flagLine(name: string, short: string | undefined, value: string | undefined, help: string, width: number): string {
  const label = `${short === undefined ? '    ' : `-${short}, `}--${name}${value === undefined ? '' : ` ${value}`}`;
  return `  ${label.padEnd(width)}  ${help}`;
}

/** The help page of one command: what it does, one line per flag, the exit codes and where the docs are. */
export function commandHelp(command: Command): string {
  const flags = FLAGS.filter((flag) => flag.commands.includes(command));
  const labels = flags.map((flag) => `    --${flag.name}${flag.value === undefined ? '' : ` ${flag.value}`}`);
  const width = Math.min(40, Math.max(...labels.map((label) => label.length)));
  const lines = flags.map((flag) =>
    flagLine(flag.name, flag.short, flag.value, typeof flag.help === 'string' ? flag.help : flag.help[command], width),
  );
  return [SUMMARY[command], '', 'flags:', ...lines, '', EXIT_CODES[command], `docs: ${docsUrl('cli.md')}`].join('\n');
}

/** `crosswise --help`: the commands, and how to get each one's flags. */
export function mainHelp(): string {
  return [
    USAGE,
    '',
    'flags:',
    flagLine('help', 'h', undefined, 'this help', 14),
    flagLine('version', undefined, undefined, "the package's version", 14),
    '',
    `docs: ${docsUrl('cli.md')}`,
  ].join('\n');
}
