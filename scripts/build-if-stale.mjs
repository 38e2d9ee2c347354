// Builds dist/ (rollup) unless it is newer than every input: the test runs (test/global-build.ts), `npm run demo` and a
// second run under another Node reuse one build. A stamp dated when the build began marks it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const INPUTS = [
  'src',
  'rollup.config.mjs',
  'scripts/rollup-transpile.mjs',
  'scripts/rollup-production.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
];
const STAMP = join(root, '.cache', 'build-stamp');

function newestChange(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** True when dist/ was built after the last change to any input. */
export function distIsFresh() {
  return (
    existsSync(STAMP) &&
    existsSync(join(root, 'dist', 'index.js')) &&
    statSync(STAMP).mtimeMs >= Math.max(...INPUTS.map((input) => newestChange(join(root, input))))
  );
}

/** Builds dist/ if it is stale; returns whether it built. */
export function buildIfStale() {
  if (distIsFresh()) return false;
  const started = new Date();
  execFileSync(process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], { cwd: root, stdio: 'inherit' });
  mkdirSync(join(root, '.cache'), { recursive: true });
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  // Dated when the build began: a source saved during the build is newer than the stamp and triggers the next one.
  utimesSync(STAMP, started, started);
  return true;
}
