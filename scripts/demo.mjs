#!/usr/bin/env node
// `npm run demo`: checks the ports first when serving (a second `--serve` must say so at once, not after a build), then
// the set-up, the build when dist/ is stale (the page session loads it), and examples/demo/main.ts under Node 24.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { delimiter, dirname } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { NODE_MAJORS, nodeBinary } from './node-versions.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const args = process.argv.slice(2);

/** Resolves when `port` is free on the loopback address, with the error that says why not otherwise. */
const free = (port) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => resolve(error));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(undefined)));
  });

if (args.includes('--serve')) {
  const portFlag = args.find((arg) => arg.startsWith('--port='));
  const first = portFlag === undefined ? 4173 : Number(portFlag.slice('--port='.length));
  // A bad --port is examples/demo/main.ts's to report; only a valid pair is checked here.
  if (Number.isInteger(first) && first >= 1 && first <= 65534) {
    for (const port of [first, first + 1]) {
      const error = await free(port);
      if (error !== undefined) {
        const why =
          error.code === 'EADDRINUSE'
            ? 'is already in use (another `npm run demo -- --serve`?)'
            : `cannot be opened (${error.code ?? error.message})`;
        console.error(
          `crosswise demo: port ${port} on 127.0.0.1 ${why}. Stop it, or serve elsewhere: npm run demo -- --serve --port=${first + 10}`,
        );
        process.exit(1);
      }
    }
  }
}

const setup = spawnSync(process.execPath, ['scripts/setup.mjs', '--no-browsers'], { stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);
buildIfStale();
const node = nodeBinary(NODE_MAJORS.at(-1));
const demo = spawnSync(node, ['--import', 'tsx', 'examples/demo/main.ts', ...args], {
  stdio: 'inherit',
  env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` },
});
process.exit(demo.status ?? 1);
