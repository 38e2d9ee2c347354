import { expect } from 'vitest';
import { agrees, compareRun, formatDisagreement } from './compare.js';
import type { EngineDriver } from './engines/driver.js';
import { observe, type ObservedRun } from './observe.js';
import { buildShapes } from './shapes.js';
import { wireRewritesUsed } from './wire-headers.js';

/** Runs the whole matrix in one engine and fails with every disagreement printed (shape, engine, both answers). */
export async function expectFullAgreement(launch: () => Promise<EngineDriver>): Promise<ObservedRun> {
  const shapes = buildShapes();
  expect(shapes.length).toBeGreaterThanOrEqual(300);
  const started = Date.now();
  wireRewritesUsed.clear();
  const run = await observe(launch, shapes);
  const { total, disagreements } = compareRun(run, shapes);
  const preflights = [...run.observations.values()].filter((observation) => observation.preflight).length;
  const refusals = [...run.observations.values()].filter((observation) => observation.outcome === 'refused').length;
  const timeouts = [...run.observations.values()].filter((observation) => observation.outcome === 'timeout').length;
  const headersCompared = [...run.observations.values()].filter((observation) => observation.actual !== null).length;
  console.log(
    `${run.browserVersion}: ${total - disagreements.length}/${total} shapes agree ` +
      `(${preflights} preflights, ${refusals} refusals, ${timeouts} timeouts seen; header lists compared on ${headersCompared}) in ${Date.now() - started} ms`,
  );
  for (const [what, count] of wireRewritesUsed)
    console.log(`${run.browserVersion}: ${count} prediction(s) where ${what} (src/cors/wire-profiles.ts)`);
  expect(disagreements.map((disagreement) => formatDisagreement(run.engine, disagreement))).toEqual([]);
  // The same predictions made inside the page, with defaults only: engine detection and location.origin must hold.
  const inPage = [...run.observations.values()].filter((observation) => observation.inPagePrediction !== undefined);
  expect(inPage.length).toBeGreaterThan(shapes.length * 0.9);
  const inPageMisses = inPage.filter((observation) => {
    const predicted = observation.inPagePrediction;
    if (predicted === undefined) return false;
    const prediction = {
      kind: predicted.kind,
      preflight: predicted.kind === 'preflight',
      unsafeHeaders: predicted.unsafeHeaders,
      headers: predicted.headers,
      ...(predicted.wireHeaders === undefined ? {} : { wireHeaders: predicted.wireHeaders }),
      engine: predicted.engine,
    };
    return (
      predicted.engine !== run.engine ||
      !agrees(
        prediction,
        observation,
        shapes.find((shape) => shape.id === observation.id),
      )
    );
  });
  console.log(
    `${run.browserVersion}: ${inPage.length - inPageMisses.length}/${inPage.length} in-page predictions (detected engine, location.origin) agree`,
  );
  expect(
    inPageMisses.map((observation) => `${run.engine} in-page ${observation.id}: ${JSON.stringify(observation.inPagePrediction)}`),
  ).toEqual([]);
  return run;
}
