import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';

// npm run by the Node that runs the tests, so that `engines` resolution and the consumers' installs see that version
// (`npm` on PATH would run under the machine's own Node). npm sets npm_execpath for scripts; otherwise find it on PATH.
/** npm's own entry script (npm-cli.js). */
export function npmCli(): string {
  const fromScript = process.env['npm_execpath'];
  if (fromScript !== undefined && fromScript.endsWith('npm-cli.js')) return fromScript;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm');
    if (existsSync(candidate)) return realpathSync(candidate);
  }
  throw new Error('npm is not on PATH');
}

/** `[file, args]` for execFile: npm with `args`, under this process's Node. */
export function npmCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, [npmCli(), ...args]];
}
