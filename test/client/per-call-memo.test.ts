import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PREFLIGHT_CACHE_MODEL_CAPACITY, PreflightCacheModel, predictCors, type CorsPrediction } from '../../src/cors/index.js';
import { uncoveredCauses } from '../../src/client/allow-preflight.js';
import { createStats } from '../../src/client/stats.js';
import { createWarner } from '../../src/client/warnings.js';
import type { CorsWarning } from '../../src/index.js';

// The client keeps per-prediction work beside the memoized prediction (frozen, shared by every call of its shape) so
// that a repeated preflighted call does not redo it: the stats' preflight-cache answer, the uncovered causes, the
// warning's key. Each shortcut must answer exactly as the work it skips.
const API = 'https://api.example.com';
const PAGE = 'https://app.example.com';

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) frozen(child);
  }
  return value;
}

/** A preflighted prediction as the prediction cache hands it out: deep-frozen. */
const preflighted = (path: string, headers: Record<string, string> = { 'X-Token': 't' }): CorsPrediction =>
  frozen(predictCors(`${API}${path}`, { method: 'PUT', headers }, { origin: PAGE, engine: 'chromium' }));

describe("stats' preflight-cache answer for a repeated prediction", () => {
  it('counts the OPTIONS a fresh model counts, over a random session of repeated and overlapping shapes', () => {
    const shapes = [
      preflighted('/a'),
      preflighted('/a', { 'X-Token': 't', 'X-Other': 'o' }),
      preflighted('/b'),
      preflighted('/b', { 'X-Other': 'o' }),
      frozen(predictCors(`${API}/c`, { method: 'DELETE' }, { origin: PAGE, engine: 'chromium' })),
    ];
    let now = 0;
    const stats = createStats(
      'chromium',
      () => undefined,
      () => now,
    );
    const reference = new PreflightCacheModel('chromium');
    let expected = 0;
    // A fixed pseudo-random walk: steps from 1 ms to 3 s across the 5 s default max-age.
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let call = 0; call < 2000; call++) {
      now += 1 + (next() % 3000);
      const shape = shapes[next() % shapes.length] as CorsPrediction;
      if (reference.admit(shape, now, undefined)) expected++;
      stats.record(shape);
    }
    expect(expected).toBeGreaterThan(100);
    expect(stats.snapshot().optionsRoundTrips).toBe(expected);
  });

  it('counts an OPTIONS again when the model evicted the shape while it was still fresh', () => {
    let now = 0;
    const stats = createStats(
      'chromium',
      () => '600',
      () => now,
    );
    const reference = new PreflightCacheModel('chromium');
    const hot = preflighted('/hot');
    let expected = 0;
    const call = (prediction: CorsPrediction): void => {
      now++;
      if (reference.admit(prediction, now, '600')) expected++;
      stats.record(prediction);
    };
    call(hot);
    // Each other path writes two entries (the method and X-Token): this many push the hot path's out of the model,
    // well within its 600 s. The hot path is called in between, so that stats keeps its endpoint.
    for (let index = 0; index < PREFLIGHT_CACHE_MODEL_CAPACITY; index++) {
      call(preflighted(`/items/${index}`));
      if (index % 100 === 0) call(hot);
    }
    expect(reference.evicted).toBeGreaterThan(0);
    expect(stats.snapshot().endpoints[`PUT ${API}/hot`]?.optionsRoundTrips).toBeGreaterThan(1);
    expect(stats.snapshot().optionsRoundTrips).toBe(expected);
  });

  it('counts the OPTIONS of a repeated prediction at the exact end of its max-age', () => {
    let now = 0;
    const stats = createStats(
      'chromium',
      () => undefined,
      () => now,
    );
    const shape = preflighted('/edge');
    for (const at of [0, 4_999, 5_000, 9_999, 10_000]) {
      now = at;
      stats.record(shape);
    }
    expect(stats.snapshot().optionsRoundTrips).toBe(3);
  });

  it('lists the unsafe header names of every shape of an endpoint, each shape once', () => {
    const stats = createStats(
      'chromium',
      () => undefined,
      () => 0,
    );
    stats.record(preflighted('/a'));
    stats.record(preflighted('/a', { 'X-Other': 'o' }));
    stats.record(preflighted('/a'));
    expect(stats.snapshot().endpoints[`PUT ${API}/a`]?.requestHeaders).toEqual(['x-other', 'x-token']);
  });
});

describe('uncoveredCauses', () => {
  const prediction = preflighted('/causes', { 'X-Token': 't', 'Content-Type': 'application/json' });

  it('gives the same frozen causes back for a frozen verdict and a yes/no allowance, each allowance its own', () => {
    const notAllowed = uncoveredCauses(prediction.reasons, false);
    expect(notAllowed.map((reason) => reason.code)).toEqual(['method_not_safelisted', 'header_not_safelisted', 'header_not_safelisted']);
    expect(uncoveredCauses(prediction.reasons, false)).toBe(notAllowed);
    expect(Object.isFrozen(notAllowed)).toBe(true);
    expect(uncoveredCauses(prediction.reasons, true)).toEqual([]);
  });

  it('reads an allowance object and a verdict that is not frozen anew on every call', () => {
    const allow = { headers: ['x-token'] as string[] };
    expect(uncoveredCauses(prediction.reasons, allow)).toHaveLength(2);
    allow.headers.push('content-type');
    expect(uncoveredCauses(prediction.reasons, allow)).toHaveLength(1);
    const reasons = [...prediction.reasons];
    expect(uncoveredCauses(reasons, false)).toHaveLength(3);
    reasons.pop();
    expect(uncoveredCauses(reasons, false)).toHaveLength(2);
  });
});

describe('the warner', () => {
  it('warns once per distinct cause of a repeated prediction, and again for the same prediction with other causes', () => {
    const warnings: CorsWarning[] = [];
    const warn = createWarner((warning) => warnings.push(warning));
    const prediction = preflighted('/warn', { 'X-Token': 't', 'X-Other': 'o' });
    for (let call = 0; call < 3; call++) warn(prediction, uncoveredCauses(prediction.reasons, false));
    expect(warnings).toHaveLength(1);
    // A call that allows X-Other has other causes: a cause of its own, warned about once too.
    for (let call = 0; call < 3; call++) warn(prediction, uncoveredCauses(prediction.reasons, { headers: ['x-other'] }));
    expect(warnings).toHaveLength(2);
    warn(prediction, uncoveredCauses(prediction.reasons, false));
    expect(warnings).toHaveLength(2);
  });
});

describe('what the shortcuts keep', () => {
  it('holds no prediction (nor its reasons) once the prediction cache let it go: 2,000 distinct shapes leave none behind', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let warned = 0;
    const warn = createWarner(() => warned++);
    const stats = createStats(
      'chromium',
      () => undefined,
      () => 0,
    );
    const alive: WeakRef<object>[] = [];
    for (let index = 0; index < 2000; index++) {
      const prediction = preflighted(`/gone/${index}`);
      const causes = uncoveredCauses(prediction.reasons, false);
      warn(prediction, causes);
      stats.record(prediction);
      stats.record(prediction);
      alive.push(new WeakRef(prediction), new WeakRef(prediction.reasons));
    }
    // A WeakRef holds its target until the current job ends: let it end, then collect.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const kept = alive.filter((ref) => ref.deref() !== undefined).length;
    // The stats keep the newest endpoint's counters, never a prediction; at most a stray one survives a collection.
    expect(kept).toBeLessThan(10);
    // The warner and the stats are still in use: what they hold is what is measured, not them gone as a whole.
    expect(stats.snapshot().calls).toBe(4000);
    const again = preflighted('/gone/0');
    warn(again, uncoveredCauses(again.reasons, false));
    expect(warned).toBe(1); // one cause for all: the same origin, method, header and codes
  });
});
