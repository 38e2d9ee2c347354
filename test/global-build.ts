import { buildIfStale } from '../scripts/build-if-stale.mjs';

// The dist and CLI tests and the browser pages exercise the built package: build it once before any test file runs,
// unless dist/ is newer than every input (`npm test` runs the unit tests under two Node versions: one build serves both).
export default function setup(): void {
  buildIfStale();
}
