import { defineConfig } from 'vitest/config';

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
          exclude: ['test/**/*.browser.test.ts', 'test/**/*.engines.test.ts'],
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
