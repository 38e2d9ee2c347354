import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/client/setup.js';
import { PLUGIN } from '../../src/client/plugins.js';
import { createFetch } from '../../src/fetch/index.js';
import { createClient, diagnosis, sessionStats, type StatsOptions } from '../../src/index.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// `stats: sessionStats()`: the per-endpoint record is a plugin. Without it nothing is recorded (no record call on the
// hot path) and the reader says so rather than answer an empty record; with it createClient and createFetch record
// the same; the plugin is frozen and the caller's objects cannot change it afterwards. Two loopback servers.
const { page, api } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/stats-plugin/${++probe}`;
const quiet = { onWarning: () => undefined, engine: 'chromium' } as const;

describe('without the stats plugin', () => {
  it('the core (both surfaces build theirs with it) has no record to call, and nothing that watches a response', () => {
    for (const options of [{}, { ...quiet, cors: 'strict' as const }, { diagnose: diagnosis() }]) {
      const { config } = createCore(options, undefined, options);
      expect(config.record).toBeUndefined();
      // The diagnosis's evidence sees each response; nothing else does.
      if (options.diagnose === undefined) expect(config.received).toBeUndefined();
    }
  });

  it('stats() throws a TypeError naming the plugin, for an untyped caller, after calls as before them', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet });
    const client = createClient({ origin: page.origin, ...quiet, retry: 0 });
    await apiFetch(`${api.origin}${path()}`);
    await client.get(`${api.origin}${path()}`);
    for (const reader of [apiFetch, client, client.extend({ timeout: 5000 })] as unknown as { stats(): unknown }[]) {
      expect(() => reader.stats()).toThrow(TypeError);
      expect(() => reader.stats()).toThrow('`stats()` needs the `stats` option: stats: sessionStats()');
    }
  });
});

describe('sessionStats()', () => {
  it('is a frozen, branded plugin whose options are frozen copies', () => {
    const plugin = sessionStats({ preflightMaxAge: { 'https://api.example': 600 }, responseHeaders: true });
    expect(plugin[PLUGIN]).toBe('stats');
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(Object.isFrozen(plugin.options)).toBe(true);
    expect(Object.isFrozen(plugin.options.preflightMaxAge)).toBe(true);
    expect(() => {
      (plugin.options as { responseHeaders?: boolean }).responseHeaders = false;
    }).toThrow(TypeError);
    expect(sessionStats().options).toEqual({});
  });

  it('checks its options when called, naming the field', () => {
    const bad: [unknown, string | RegExp][] = [
      [null, '`sessionStats` takes { responseHeaders?, preflightMaxAge?, clock? }'],
      [{ responseHeaders: 1 }, '`stats.responseHeaders` must be a boolean'],
      [{ preflightMaxAge: -1 }, '`stats.preflightMaxAge` must be a whole number of seconds ≥ 0, or a record of them per origin'],
      [{ preflightMaxAge: { 'https://api.example': 1.5 } }, /`stats\.preflightMaxAge`/],
      [{ clock: 'now' }, '`stats.clock` must be a function returning milliseconds'],
    ];
    for (const [options, message] of bad) expect(() => sessionStats(options as StatsOptions)).toThrow(message);
    expect(() => sessionStats({ preflightMaxAge: -1 })).toThrow(RangeError);
  });

  it('the caller mutating its objects afterwards changes neither the replay nor the header watch', async () => {
    let now = 0;
    const maxAges: Record<string, number> = { [api.origin]: 600 };
    const options: StatsOptions = { preflightMaxAge: maxAges, responseHeaders: false, clock: () => now };
    const plugin = sessionStats(options);
    // Widening after the fact: a 0 s max-age would count an OPTIONS per call; responseHeaders would wrap the headers.
    maxAges[api.origin] = 0;
    options.responseHeaders = true;
    options.preflightMaxAge = 0;
    const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: plugin });
    const target = `${api.origin}${path()}`;
    for (const at of [0, 10_000, 20_000]) {
      now = at;
      const response = await apiFetch(target, { method: 'PUT', headers: { 'X-Token': 't' } });
      expect(Object.hasOwn(response.headers, 'get')).toBe(false);
    }
    expect(apiFetch.stats().endpoints[`PUT ${target}`]).toMatchObject({ calls: 3, optionsRoundTrips: 1 });
    expect(apiFetch.stats().endpoints[`PUT ${target}`]).not.toHaveProperty('responseHeaders');
  });

  it('createClient and createFetch record the same session alike (one core)', async () => {
    const plugin = sessionStats({ responseHeaders: true, preflightMaxAge: 60, clock: () => 0 });
    const client = createClient({ origin: page.origin, ...quiet, retry: 0, stats: plugin });
    const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: plugin });
    const target = `${api.origin}${path()}`;
    const put = { headers: { 'X-Token': 't', 'Content-Type': 'text/plain' }, body: 'x' };
    (await client.get(target)).headers.get('X-Total-Count');
    (await apiFetch(target)).headers.get('X-Total-Count');
    for (let index = 0; index < 2; index++) {
      await client.put(target, put);
      await apiFetch(target, { method: 'PUT', ...put });
    }
    await client.get(target, { credentials: 'include' });
    await apiFetch(target, { credentials: 'include' });
    await client.get(target, { headers: { 'X-Other': '1' } });
    await apiFetch(target, { headers: { 'X-Other': '1' } });
    const fromClient = client.stats();
    expect(fromClient).toEqual(apiFetch.stats());
    expect(fromClient).toMatchObject({ calls: 5, optionsRoundTrips: 2, evicted: 0 });
    expect(fromClient.endpoints[`GET ${target}`]).toMatchObject({
      calls: 3,
      credentials: true,
      requestHeaders: ['x-other'],
      responseHeaders: ['x-total-count'],
    });
  });
});
