import { describe, expect, it } from 'vitest';
import { PREFLIGHT_CACHE_MODEL_CAPACITY, PreflightCacheModel, predictCors, type CorsPrediction } from '../../src/cors/index.js';
import { STATS_ENDPOINT_CAPACITY, createStats } from '../../src/client/stats.js';
import {
  createClient,
  sessionStats,
  type ClientOptions,
  type CorsWarning,
  type CrosswiseClient,
  type StatsReader,
  minimizePreflights,
} from '../../src/index.js';

// Nothing a client keeps grows with the number of distinct URLs it calls: stats, the preflight-cache model and the
// warnings are bounded. These run the real client and the real rules over 100,000 distinct paths; the network is a
// stub returning at once, because what is measured is the client's own state, not the server.
const API = 'https://api.example.com';
const PAGE = 'https://app.example.com';
const DISTINCT = 100_000;

// One real prediction, copied with another URL per path: the rules would cost more time than the state under test.
const template = predictCors(`${API}/`, { method: 'PUT', headers: { 'X-Token': 't' } }, { origin: PAGE, engine: 'chromium' });
const preflighted = (path: string): CorsPrediction => ({ ...template, url: `${API}${path}` });

/** A Chromium client on PAGE with the stats plugin, whose network answers 204 at once, and the warnings it gives. */
function stubbedClient(options: Omit<ClientOptions, 'fetch' | 'onWarning'> = {}): {
  api: CrosswiseClient & StatsReader;
  warnings: CorsWarning[];
} {
  const warnings: CorsWarning[] = [];
  const api = createClient({
    baseUrl: API,
    origin: PAGE,
    engine: 'chromium',
    retry: 0,
    stats: sessionStats(),
    ...options,
    fetch: async () => new Response(null, { status: 204 }),
    onWarning: (warning) => warnings.push(warning),
  });
  return { api, warnings };
}

describe('the preflight-cache model', () => {
  it(`keeps at most ${PREFLIGHT_CACHE_MODEL_CAPACITY} entries over ${DISTINCT.toLocaleString('en')} preflighted paths`, () => {
    const model = new PreflightCacheModel('chromium');
    let largest = 0;
    let absorbed = 0;
    for (let index = 0; index < DISTINCT; index++) {
      // Max-Age 600: every entry is still fresh, so only the capacity can bound the map. (One expect after the loop:
      // 100,000 expect() calls cost more than the model.)
      if (!model.admit(preflighted(`/items/${index}`), index, '600')) absorbed++;
      largest = Math.max(largest, model.size);
    }
    expect(absorbed).toBe(0);
    console.log(
      `preflight-cache model after ${DISTINCT} preflighted paths: ${model.size} entries (largest ${largest}), ${model.evicted} evicted while fresh`,
    );
    expect(largest).toBeLessThanOrEqual(PREFLIGHT_CACHE_MODEL_CAPACITY);
    expect(model.evicted).toBe(DISTINCT * 2 - PREFLIGHT_CACHE_MODEL_CAPACITY);
  });

  it('drops entries whose max-age has passed, without the capacity', () => {
    const model = new PreflightCacheModel('chromium');
    // One path per second, each cached 5 s: only the last few are alive at any moment.
    for (let index = 0; index < 10_000; index++) model.admit(preflighted(`/expiring/${index}`), index * 1000, null);
    expect(model.size).toBeLessThan(600);
    expect(model.evicted).toBe(0);
  });

  it('still answers like the browser: a fresh entry absorbs the next preflight, an expired one does not', () => {
    const model = new PreflightCacheModel('chromium', { capacity: 4 });
    expect(model.admit(preflighted('/a'), 0, '10')).toBe(true);
    expect(model.admit(preflighted('/a'), 9_000, '10')).toBe(false);
    expect(model.admit(preflighted('/a'), 10_000, '10')).toBe(true);
    expect(() => new PreflightCacheModel('chromium', { capacity: 0 })).toThrow(/`capacity`/);
  });
});

describe('stats()', () => {
  it(`keeps at most ${STATS_ENDPOINT_CAPACITY} endpoints over ${DISTINCT.toLocaleString('en')} distinct paths, says how many it dropped, and keeps exact totals`, () => {
    let now = 0;
    const stats = createStats(
      'chromium',
      () => '600',
      () => now,
    );
    const hot = preflighted('/hot');
    for (let index = 0; index < DISTINCT; index++) {
      now = index;
      stats.record(preflighted(`/items/${index}`));
      // The endpoint the app keeps calling is the most recently used, so it is never the one dropped.
      if (index % 100 === 0) stats.record(hot);
    }
    const snapshot = stats.snapshot();
    const kept = Object.keys(snapshot.endpoints).length;
    console.log(
      `stats after ${DISTINCT} distinct paths: ${kept} endpoints kept, ${snapshot.evicted} evicted, ${snapshot.calls} calls counted`,
    );
    expect(kept).toBe(STATS_ENDPOINT_CAPACITY);
    expect(snapshot.evicted).toBe(DISTINCT + 1 - STATS_ENDPOINT_CAPACITY);
    expect(snapshot.calls).toBe(DISTINCT + DISTINCT / 100);
    expect(snapshot.endpoints[`PUT ${API}/hot`]?.calls).toBe(DISTINCT / 100);
  });

  it('through the client: 3,000 distinct paths leave stats and the warnings bounded', async () => {
    const { api, warnings } = stubbedClient();
    // Fewer than above (a real call through ky costs ~0.5 ms here), still three times the capacity.
    const paths = 3 * STATS_ENDPOINT_CAPACITY;
    for (let index = 0; index < paths; index++) await api.put(`items/${index}`, { headers: { 'X-Token': 't' } });
    const snapshot = api.stats();
    expect(Object.keys(snapshot.endpoints)).toHaveLength(STATS_ENDPOINT_CAPACITY);
    expect(snapshot).toMatchObject({ calls: paths, optionsRoundTrips: paths, evicted: paths - STATS_ENDPOINT_CAPACITY });
    expect(warnings).toHaveLength(1);
  });
});

describe('minimize notes', () => {
  it('1,000 identical rewrites on 1,000 URLs give exactly one note per rewrite, not one per URL', async () => {
    const { api, warnings } = stubbedClient({ minimize: minimizePreflights({ headersToQuery: { 'X-API-Key': 'api_key' } }) });
    for (let index = 0; index < 1000; index++) await api.get(`items/${index}`, { headers: { 'X-API-Key': 'k' } });
    expect(warnings.map((warning) => warning.message)).toEqual([
      `[crosswise] GET ${API}/items/0?api_key=k: moved headers into the query: x-api-key → ?api_key (minimize.headersToQuery)`,
    ]);
    // The same rewrite toward another origin is another cause.
    await api.get('https://other.example.com/items', { headers: { 'X-API-Key': 'k' } });
    expect(warnings).toHaveLength(2);
  });
});
