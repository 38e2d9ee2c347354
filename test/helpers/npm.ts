import { npmCli } from '../../scripts/node-versions.mjs';

// npm run by the Node that runs the tests, so that `engines` resolution and the consumers' installs see that version
// (`npm` on PATH would run under the machine's own Node).

export { npmCli };

/** `[file, args]` for execFile: npm with `args`, under this process's Node. */
export function npmCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, [npmCli(), ...args]];
}
