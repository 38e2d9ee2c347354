import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The dist and CLI tests exercise the built package: build it once before any test file runs, unless dist/ is already
// newer than every input (`npm test` runs the unit tests under two Node versions: the second run reuses the first build).
const INPUTS = ['src', 'rollup.config.mjs', 'scripts/rollup-transpile.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const STAMP = '.cache/build-stamp';

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export default function setup(): void {
  const fresh = existsSync(STAMP) && existsSync('dist/index.js') && statSync(STAMP).mtimeMs >= Math.max(...INPUTS.map(newestChange));
  if (fresh) return;
  const started = new Date();
  execFileSync(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent'], { stdio: 'inherit' });
  mkdirSync('.cache', { recursive: true });
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  // Dated when the build began: a source saved during the build is newer than the stamp and triggers the next one.
  utimesSync(STAMP, started, started);
}
