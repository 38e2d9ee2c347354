import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { nodeSensitiveTests } from './scripts/node-sensitive.mjs';

const root = new URL('.', import.meta.url).pathname;
// `npm test` runs the unit project under every supported Node, but under the older ones only the files whose answer
// can depend on the Node that runs them (scripts/node-sensitive.mjs decides from each file's imports, so a new file is
// classified without a list): scripts/test.mjs sets CROSSWISE_NODE_SENSITIVE_ONLY for those runs.
const nodeSensitiveOnly = process.env['CROSSWISE_NODE_SENSITIVE_ONLY'] === '1';
// Type tests (`expectTypeOf`, in *.test-d.ts files) run through the type checker with the unit project, so
// `npm run test:unit` catches a type regression. scripts/test.mjs checks them in a step beside the unit run instead
// (CROSSWISE_TYPECHECKED): a vitest run would start its type checker only once every unit file has ended. npm test runs
// tsc over the whole tree; test:unit runs the unit project a second time with CROSSWISE_TYPES_ONLY, the type tests alone.
const typeTests = process.env['CROSSWISE_TYPECHECKED'] !== '1';
const typesOnly = process.env['CROSSWISE_TYPES_ONLY'] === '1';
// `npm run test:unit` is the fast loop: it leaves the checks of the built package (test/dist) to `npm test`.
const fastLoop = process.env['CROSSWISE_FAST_LOOP'] === '1';

// Three projects: fast unit tests, the Chromium runs (part of `npm test`), and the Firefox/WebKit runs
// (`npm run test:engines`), which need their own Debian packages. Each builds dist/ first when it is stale
// (test/global-build.ts): the pages the browsers load import the built package.
export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: one worker on a 2-core machine, where the unit files then
    // wait for each browser file and for each other's spawned processes. Two workers measured 13% less wall time for
    // npm test's Node 24 step on 2 cores, with the same CPU time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: nodeSensitiveOnly ? nodeSensitiveTests(root) : ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts', 'test/**/*.engines.test.ts', ...(fastLoop ? ['test/dist/**'] : [])],
          typecheck: {
            enabled: typeTests && !nodeSensitiveOnly,
            only: typesOnly,
            include: ['test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
          // Some unit tests spawn the CLI or run the type checker: generous bounds so a loaded machine does not flake.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One module graph per worker, not per file: importing src, ky and TypeScript again for each of ~60 files cost
          // a third of the run's CPU. The files share no state that matters: each starts its own servers and clients.
          isolate: false,
          globalSetup: ['test/global-build.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          // One Chromium for every file (test/global-chromium.ts), not one launch per file.
          globalSetup: ['test/global-build.ts', 'test/global-chromium.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // Its own group: a run that selects this project with the unit one (the long fuzz) must not mix their pools,
          // and vitest refuses projects with different worker counts in one group.
          sequence: { groupOrder: 1 },
          // One worker runs every browser file with one module graph (playwright-core, the servers, src), as the unit
          // project does: a fresh worker per file cost a third of the project's CPU. Each file opens its own context.
          isolate: false,
        },
      },
      {
        test: {
          name: 'engines',
          include: ['test/**/*.engines.test.ts'],
          globalSetup: ['test/global-build.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
