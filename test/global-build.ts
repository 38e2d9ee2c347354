import { execFileSync } from 'node:child_process';

// The dist and CLI tests exercise the built package: build it once, before any test file runs.
export default function setup(): void {
  execFileSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' });
}
