// The `crosswise` command: the only place that reads argv and writes to stdout.
// Exit codes: server-config — 0 the configuration was written, 2 a usage error; explain — 0 the call goes out, 1 the browser would refuse it; probe — 0 every engine lets the page
// read the answer, 1 some engine blocks it; both — 2 a usage or network error, or (probe) a call held back without
// --send. No path prints a stack trace: whatever goes wrong is one line on stderr.
import { parseExplainArgs, parseProbeArgs, wantsHelp } from './args.js';
import { explain } from './explain.js';
import { formatJson, formatText } from './format.js';
import { isCommand, type Command } from './flags.js';
import { formatProbe } from './format-probe.js';
import { commandHelp, mainHelp, USAGE } from './help.js';
import { probe } from './probe.js';
import { parseServerConfigArgs, serverConfig } from './server-config.js';
import { ProbeNetworkError, sendOverHttp, type Send } from './send.js';
import { UsageError } from './usage-error.js';
import { packageVersion } from './version.js';

export type Write = (text: string) => void;

async function run(command: Command, rest: readonly string[], write: Write, writeError: Write, send: Send): Promise<number> {
  if (command === 'explain') {
    const args = parseExplainArgs(rest);
    const predictions = explain(args);
    write(args.json ? formatJson(predictions) : formatText(predictions));
    return predictions.some((prediction) => prediction.kind === 'rejected') ? 1 : 0;
  }
  if (command === 'server-config') {
    write(serverConfig(parseServerConfigArgs(rest)).text);
    return 0;
  }
  const args = parseProbeArgs(rest);
  const report = await probe(args, send);
  write(args.json ? JSON.stringify(report, null, 2) : formatProbe(report));
  if (report.verdicts.some((verdict) => verdict.blockedAt !== null)) return 1;
  if (report.heldBack !== null) {
    writeError(`crosswise: the ${report.heldBack.method} was not sent, so its answer is not judged: add --send to send it`);
    return 2;
  }
  return report.allowed ? 0 : 1;
}

export async function main(argv: readonly string[], write: Write, writeError: Write, send: Send = sendOverHttp): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || (command === 'help' && rest.length === 0)) {
      write(mainHelp());
      return 0;
    }
    if (command === '--version') {
      write(packageVersion() ?? 'unknown');
      return 0;
    }
    if (command === 'help' && isCommand(rest[0])) {
      write(commandHelp(rest[0]));
      return 0;
    }
    if (!isCommand(command)) {
      const named = command === 'help' ? rest[0] : command;
      writeError(`crosswise: ${named === undefined ? 'a command is required' : `unknown command ${JSON.stringify(named)}`}\n${USAGE}`);
      return 2;
    }
    if (wantsHelp(rest)) {
      write(commandHelp(command));
      return 0;
    }
    return await run(command, rest, write, writeError, send);
  } catch (error) {
    if (error instanceof ProbeNetworkError) {
      writeError(`crosswise: network error, nothing judged: ${error.message}`);
      return 2;
    }
    if (error instanceof UsageError) {
      writeError(`crosswise: ${error.message} (crosswise ${String(command)} --help lists the flags)`);
      return 2;
    }
    // A bug or an input nobody foresaw: one line, never a stack trace, and the exit code that claims no verdict.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    writeError(`crosswise: unexpected error, nothing judged: ${message.split('\n')[0] ?? ''}`);
    return 2;
  }
}
