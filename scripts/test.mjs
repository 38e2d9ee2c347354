#!/usr/bin/env node
// Runs the test suites under the Node versions crosswise supports (scripts/node-versions.mjs, installed by
// scripts/setup.mjs), whatever the machine's own Node is. Each run's PATH starts with that Node, so the CLI, npm and
// the consumer projects the tests spawn run under it too.
//   node scripts/test.mjs           biome check (format and lint); then, side by side, the Chromium tests under Node 24,
//                                   and the type-check and under Node 22 the unit test files whose answer can depend on
//                                   Node (scripts/node-sensitive.mjs), then every unit test under Node 24
//   node scripts/test.mjs unit      every unit test but test/dist, and beside it the type tests (*.test-d.ts), under the
//                                   newest Node only
//   node scripts/test.mjs engines   the Firefox ESR and WebKitGTK runs
//   node scripts/test.mjs fuzz      the long fuzz runs, in Node and differential in Chromium (FUZZ_RUNS, default 100,000)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { NODE_MAJORS, nodeBinary } from './node-versions.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const newest = NODE_MAJORS.at(-1);

/** The `node` a step runs under: Node `major` from .cache/node, or the machine's own when `major` is undefined. */
function nodeFor(major) {
  const node = major === undefined ? process.execPath : nodeBinary(major);
  if (!existsSync(node)) {
    console.error(`\ntest: Node ${major} is not installed at ${node}: run \`npm run setup\` first.\n`);
    process.exit(1);
  }
  return node;
}

/**
 * Runs one step in the background and resolves with its exit status. Its output is held and printed whole when it
 * ends, so the logs of steps running side by side do not interleave; a `live` step prints as it goes instead, and the
 * held outputs of the others wait until it has ended.
 */
let liveSteps = 0;
const heldOutputs = [];
function background({ label, major, argv, env = {}, live = false }) {
  const node = nodeFor(major);
  const name = `${label}${major === undefined ? '' : ` (Node ${major})`}`;
  const started = Date.now();
  if (live) {
    liveSteps++;
    console.log(`\n▶ ${name}`);
  } else console.log(`… ${name}: running beside the others, its output follows when it ends`);
  const child = spawn(node, argv, {
    stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
    env: { FORCE_COLOR: '1', ...process.env, ...env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` },
  });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const verdict = status === 0 ? `✓ ${label} in ${seconds} s\n` : `\n✗ ${name} failed after ${seconds} s\n`;
      if (live) {
        process.stdout.write(verdict);
        liveSteps--;
        if (liveSteps === 0) for (const held of heldOutputs.splice(0)) process.stdout.write(held);
      } else {
        const held = Buffer.concat([Buffer.from(`\n▶ ${name}\n`), ...output, Buffer.from(verdict)]);
        if (liveSteps === 0) process.stdout.write(held);
        else heldOutputs.push(held);
      }
      resolve(status ?? 1);
    });
  });
}

/** One step in the foreground, its output as it comes: exits with its status when it fails. */
async function step(label, major, argv, env = {}) {
  const status = await background({ label, major, argv, env, live: true });
  if (status !== 0) process.exit(status);
}

/** Steps one after another in the background: the first failure's status, and the steps after it are not started. */
async function inTurn(...steps) {
  for (const next of steps) {
    const statuses = await Promise.all([next].flat().map(background));
    const failed = statuses.find((status) => status !== 0);
    if (failed !== undefined) return failed;
  }
  return 0;
}

/** Lanes of steps side by side (each lane in turn): exits with the first failure's status once every lane has ended. */
async function lanes(...all) {
  const statuses = await Promise.all(all.map((lane) => inTurn(...lane)));
  const failed = statuses.find((status) => status !== 0);
  if (failed !== undefined) process.exit(failed);
}

/** dist/, built before the runs that share it start: each run's global setup would build a stale one at the same time. */
function buildOnce() {
  const started = Date.now();
  if (buildIfStale()) console.log(`\n✓ build (dist/ was older than its sources) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const vitest = (...args) => ['node_modules/vitest/vitest.mjs', 'run', ...args];
const mode = process.argv[2] ?? 'all';

if (mode === 'all') {
  // Formatting and lint first: a violation fails the run in a second, before the long steps.
  await step('format and lint (biome check)', undefined, ['node_modules/@biomejs/biome/bin/biome', 'check', '.']);
  buildOnce();
  // Two lanes side by side. The Chromium files run one at a time and mostly wait on the browser and their servers: about
  // as long as everything else together, which fills the cores meanwhile. First the type-check beside the older Nodes'
  // run (under them, only the files whose answer can depend on the Node that runs them: the CLI, the package in fresh
  // projects, servers, processes; scripts/node-sensitive.mjs picks them), then every unit file under the newest Node.
  // Real browsers once is enough: the page code does not depend on the Node that serves it. tsc checks the type tests
  // with the rest of the tree.
  await lanes(
    [{ label: 'Chromium tests', major: newest, argv: vitest('--project', 'browser') }],
    [
      [
        { label: 'type-check', argv: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'] },
        ...NODE_MAJORS.slice(0, -1).map((major) => ({
          label: 'Node-sensitive unit tests',
          major,
          argv: vitest('--project', 'unit'),
          env: { CROSSWISE_NODE_SENSITIVE_ONLY: '1' },
        })),
      ],
      { label: 'unit tests', major: newest, argv: vitest('--project', 'unit'), env: { CROSSWISE_TYPECHECKED: '1' } },
    ],
  );
} else if (mode === 'unit') {
  // The fast loop: every unit and type test but the checks of the built package (test/dist: sizes, the packed tarball
  // in fresh projects, publint and attw, the production build, the Vite app), which npm test runs. The type tests go
  // through the type checker in a run of their own beside the unit run: in one vitest run they would wait for it.
  buildOnce();
  await lanes(
    [
      {
        label: 'unit tests',
        major: newest,
        argv: vitest('--project', 'unit'),
        env: { CROSSWISE_FAST_LOOP: '1', CROSSWISE_TYPECHECKED: '1' },
        live: true,
      },
    ],
    [
      {
        label: 'type tests',
        major: newest,
        argv: vitest('--project', 'unit'),
        env: { CROSSWISE_FAST_LOOP: '1', CROSSWISE_TYPES_ONLY: '1' },
      },
    ],
  );
} else if (mode === 'engines') {
  await step('Firefox ESR and WebKitGTK tests', newest, vitest('--project', 'engines'));
} else if (mode === 'fuzz') {
  await step('long fuzz run', newest, vitest('--project', 'unit', '--project', 'browser', 'test/reliability/'), {
    FUZZ_RUNS: process.env.FUZZ_RUNS ?? '100000',
  });
} else {
  console.error(`test: unknown mode ${mode} (all, unit, engines, fuzz)`);
  process.exit(2);
}
