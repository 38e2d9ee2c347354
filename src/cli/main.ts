// The `crosswise` command: the only place that reads argv and writes to stdout.
// Exit codes: explain — 0 the call goes out, 1 the browser would refuse it; probe — 0 every engine lets the page
// read the answer, 1 some engine blocks it; both — 2 a usage or network error.
import { parseExplainArgs, parseProbeArgs, USAGE, UsageError } from './args.js';
import { explain } from './explain.js';
import { formatJson, formatText } from './format.js';
import { formatProbe } from './format-probe.js';
import { probe } from './probe.js';
import { ProbeNetworkError, sendOverHttp, type Send } from './send.js';

export type Write = (text: string) => void;

export async function main(argv: readonly string[], write: Write, writeError: Write, send: Send = sendOverHttp): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'explain') {
      const args = parseExplainArgs(rest);
      const predictions = explain(args);
      write(args.json ? formatJson(predictions) : formatText(predictions));
      return predictions.some((prediction) => prediction.kind === 'rejected') ? 1 : 0;
    }
    if (command === 'probe') {
      const args = parseProbeArgs(rest);
      const report = await probe(args, send);
      write(args.json ? JSON.stringify(report, null, 2) : formatProbe(report));
      return report.allowed ? 0 : 1;
    }
    throw new UsageError(command === undefined ? 'a command is required' : `unknown command ${command}`);
  } catch (error) {
    if (error instanceof ProbeNetworkError) {
      writeError(`crosswise: network error, nothing judged: ${error.message}`);
      return 2;
    }
    if (!(error instanceof UsageError)) throw error;
    writeError(`crosswise: ${error.message}\n${USAGE}`);
    return 2;
  }
}
