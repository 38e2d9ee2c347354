import { defineConfig } from 'vitest/config';

// Tests that only read files (bundle sizes, the packed package's lint, the docs against the sources) answer the same under
// any Node: scripts/test.mjs sets CROSSWISE_SKIP_READ_ONLY for the runs under the older Node, so they run once.
const READ_ONLY = ['test/dist/size.test.ts', 'test/dist/lint.test.ts', 'test/docs-api.test.ts', 'test/docs-snippets.test.ts'];
const skipped = process.env['CROSSWISE_SKIP_READ_ONLY'] === '1' ? READ_ONLY : [];

// Three projects: fast unit tests, the Chromium conformance run (part of `npm test`), and the
// Firefox/WebKit runs (`npm run test:engines`), which need their own Debian packages. Each builds dist/ first when it is
// stale (test/global-build.ts): the pages the browsers load import the built package. scripts/test.mjs runs them under
// Node 22 and 24.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // Some unit tests spawn the CLI or run the type checker: generous bounds so a loaded machine does not flake.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['test/global-build.ts'],
          exclude: ['test/**/*.browser.test.ts', 'test/**/*.engines.test.ts', ...skipped],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          globalSetup: ['test/global-build.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
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
