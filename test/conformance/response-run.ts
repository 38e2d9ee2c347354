import { expect } from 'vitest';
import { compareResponses, formatResponseDisagreement } from './response-compare.js';
import type { EngineDriver } from './engines/driver.js';
import { observeResponses, type ResponseRun } from './response-observe.js';

/** Runs the whole response matrix in one engine and fails with every case where that engine's rules disagree. */
export async function expectResponseAgreement(launch: () => Promise<EngineDriver>): Promise<ResponseRun> {
  const run = await observeResponses(launch);
  expect(run.observations.size).toBe(run.cases.length);
  expect(run.cases.length).toBeGreaterThanOrEqual(150);
  const disagreements = compareResponses(run);
  const blocked = [...run.observations.values()].filter((observation) => !observation.ok).length;
  console.log(
    `${run.browserVersion}: ${run.cases.length - disagreements.length}/${run.cases.length} response cases agree (${blocked} blocked) in ${run.ms} ms`,
  );
  expect(disagreements.map((disagreement) => formatResponseDisagreement(run.engine, disagreement))).toEqual([]);
  return run;
}
