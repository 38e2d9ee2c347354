#!/usr/bin/env node
// Runs the test suites under the Node versions crosswise supports (scripts/node-versions.mjs, installed by
// scripts/setup.mjs), whatever the machine's own Node is. Each run's PATH starts with that Node, so the CLI, npm and
// the consumer projects the tests spawn run under it too.
//   node scripts/test.mjs           biome check (format and lint), type-check; under Node 22 the unit test files whose
//                                   answer can depend on Node (scripts/node-sensitive.mjs), then every unit and Chromium
//                                   test under Node 24
//   node scripts/test.mjs unit      every unit test and the type tests (*.test-d.ts), under the newest Node only
//   node scripts/test.mjs engines   the Firefox ESR and WebKitGTK runs
//   node scripts/test.mjs fuzz      the long fuzz runs, in Node and differential in Chromium (FUZZ_RUNS, default 100,000)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname } from 'node:path';
import { NODE_MAJORS, nodeBinary } from './node-versions.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const newest = NODE_MAJORS.at(-1);

/** One step: `argv` under Node `major` (or the machine's Node), exiting with its status when it fails. */
function step(label, major, argv, env = {}) {
  const node = major === undefined ? process.execPath : nodeBinary(major);
  if (!existsSync(node)) {
    console.error(`\ntest: Node ${major} is not installed at ${node}: run \`npm run setup\` first.\n`);
    process.exit(1);
  }
  console.log(`\n▶ ${label}${major === undefined ? '' : ` (Node ${major})`}`);
  const started = Date.now();
  const result = spawnSync(node, argv, {
    stdio: 'inherit',
    env: { ...process.env, ...env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${label}${major === undefined ? '' : ` (Node ${major})`} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} in ${seconds} s`);
}

/**
 * Steps that need nothing from each other, side by side: on two cores the type-check fits in the time the first test
 * run spends waiting on its servers and processes. Each step's output is printed whole when it ends, so the logs do not
 * interleave; a failure exits with its status once all have ended.
 */
async function together(steps) {
  const statuses = await Promise.all(
    steps.map(({ label, major, argv, env = {} }) => {
      const node = major === undefined ? process.execPath : nodeBinary(major);
      if (!existsSync(node)) {
        console.error(`\ntest: Node ${major} is not installed at ${node}: run \`npm run setup\` first.\n`);
        process.exit(1);
      }
      const name = `${label}${major === undefined ? '' : ` (Node ${major})`}`;
      const started = Date.now();
      const child = spawn(node, argv, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { FORCE_COLOR: '1', ...process.env, ...env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` },
      });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      return new Promise((resolve) => {
        child.on('close', (status) => {
          console.log(`\n▶ ${name}`);
          process.stdout.write(Buffer.concat(output));
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          console.log(status === 0 ? `✓ ${label} in ${seconds} s` : `\n✗ ${name} failed after ${seconds} s`);
          resolve(status ?? 1);
        });
      });
    }),
  );
  const failed = statuses.find((status) => status !== 0);
  if (failed !== undefined) process.exit(failed);
}

const vitest = (...args) => ['node_modules/vitest/vitest.mjs', 'run', ...args];
const mode = process.argv[2] ?? 'all';

if (mode === 'all') {
  // Formatting and lint first: a violation fails the run in a second, before the long steps.
  step('format and lint (biome check)', undefined, ['node_modules/@biomejs/biome/bin/biome', 'check', '.']);
  // The type-check beside the older Nodes' run: under them, only the files whose answer can depend on the Node that
  // runs them (the CLI, the package in fresh projects, servers, processes): scripts/node-sensitive.mjs picks them.
  await together([
    { label: 'type-check', argv: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'] },
    ...NODE_MAJORS.slice(0, -1).map((major) => ({
      label: 'Node-sensitive unit tests',
      major,
      argv: vitest('--project', 'unit'),
      env: { CROSSWISE_NODE_SENSITIVE_ONLY: '1' },
    })),
  ]);
  // Real browsers once is enough: the page code does not depend on the Node that serves it. tsc has just checked the
  // type tests with the rest of the tree.
  step('unit and Chromium tests', newest, vitest('--project', 'unit', '--project', 'browser'), { CROSSWISE_TYPECHECKED: '1' });
} else if (mode === 'unit') {
  // The fast loop: every unit and type test but the checks of the built package (test/dist: sizes, the packed tarball
  // in fresh projects, publint and attw, the production build, the Vite app), about half its time, which npm test runs.
  step('unit tests', newest, vitest('--project', 'unit'), { CROSSWISE_FAST_LOOP: '1' });
} else if (mode === 'engines') {
  step('Firefox ESR and WebKitGTK tests', newest, vitest('--project', 'engines'));
} else if (mode === 'fuzz') {
  step('long fuzz run', newest, vitest('--project', 'unit', '--project', 'browser', 'test/reliability/'), {
    FUZZ_RUNS: process.env.FUZZ_RUNS ?? '100000',
  });
} else {
  console.error(`test: unknown mode ${mode} (all, unit, engines, fuzz)`);
  process.exit(2);
}
