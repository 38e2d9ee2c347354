// The `crosswise` command: the only place that reads argv and writes to stdout.
// Exit codes: 0 the call goes out (same-origin, simple, no-cors, or preflight), 1 the browser would refuse it,
// 2 a usage error.
import { parseExplainArgs, USAGE, UsageError } from './args.js';
import { explain } from './explain.js';
import { formatJson, formatText } from './format.js';

export function main(argv: readonly string[], write: (text: string) => void, writeError: (text: string) => void): number {
  const [command, ...rest] = argv;
  try {
    if (command !== 'explain') throw new UsageError(command === undefined ? 'a command is required' : `unknown command ${command}`);
    const args = parseExplainArgs(rest);
    const predictions = explain(args);
    write(args.json ? formatJson(predictions) : formatText(predictions));
    return predictions.some((prediction) => prediction.kind === 'rejected') ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeError(`crosswise: ${error.message}\n${USAGE}`);
    return 2;
  }
}
