import { expect } from 'vitest';
import { compareRun, formatDisagreement } from './compare.js';
import type { EngineDriver } from './engines/driver.js';
import { observe, type ObservedRun } from './observe.js';
import { buildShapes } from './shapes.js';

/** Runs the whole matrix in one engine and fails with every disagreement printed (shape, engine, both answers). */
export async function expectFullAgreement(launch: () => Promise<EngineDriver>): Promise<ObservedRun> {
  const shapes = buildShapes();
  expect(shapes.length).toBeGreaterThanOrEqual(300);
  const started = Date.now();
  const run = await observe(launch, shapes);
  const { total, disagreements } = compareRun(run, shapes);
  const preflights = [...run.observations.values()].filter((observation) => observation.preflight).length;
  const refusals = [...run.observations.values()].filter((observation) => observation.refused).length;
  console.log(
    `${run.browserVersion}: ${total - disagreements.length}/${total} shapes agree ` +
      `(${preflights} preflights, ${refusals} refusals seen) in ${Date.now() - started} ms`,
  );
  expect(disagreements.map((disagreement) => formatDisagreement(run.engine, disagreement))).toEqual([]);
  return run;
}
