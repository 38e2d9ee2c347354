import { describe, expect, it } from 'vitest';
import { launchChromium } from '../conformance/engines/chromium.js';
import { runDifferential } from './differential.js';

// Differential fuzz against real Chromium: `new Request()` throws exactly when predictCors names a constructor refusal
// first, and builds exactly the header list predictCors predicts. 3,000 cases by default (a few seconds); `npm run
// test:fuzz` runs 100,000 (FUZZ_RUNS sets the count, FUZZ_SEED the seed).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 3_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000);

describe(`differential fuzz: ${RUNS.toLocaleString('en')} arbitrary calls in Chromium`, () => {
  it('new Request() refuses exactly what predictCors refuses, and holds the predicted headers', async () => {
    const started = Date.now();
    const report = await runDifferential(launchChromium, RUNS, SEED);
    console.log(
      `${report.browserVersion}, seed ${report.seed}: refusal verdicts agree on ${report.refusalAgreements}/${report.cases - report.unbuildable} ` +
        `(${report.constructorRefusals} constructor refusals predicted); header lists agree on ${report.headerAgreements}/${report.headerComparisons} ` +
        `built requests (${report.unbuildable} shapes left out: a Headers object refused their names first); ${Date.now() - started} ms`,
    );
    console.log(
      `first reason of the rejected predictions: ${JSON.stringify(Object.fromEntries(Object.entries(report.refusalCodes).sort((a, b) => b[1] - a[1])))}`,
    );
    expect(report.disagreements.slice(0, 20)).toEqual([]);
  });
});
