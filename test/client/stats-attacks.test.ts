import { describe, expect, it } from 'vitest';
import { STATS_ENDPOINT_CAPACITY } from '../../src/client/stats.js';
import { createFetch } from '../../src/fetch/index.js';
import { createClient, sessionStats } from '../../src/index.js';
import { deriveServerConfig } from '../../src/policy/server-config.js';
import { readSession } from '../../src/policy/session-input.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// The attacker's tests of `sessionStats()`: options that change between the check and the copy, clocks that lie or
// throw, hostile header reads, and the promise that the record holds names only and never reaches into the app's
// calls. Two loopback servers (the page's origin and the API's).
const { page, api } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/stats-attacks/${++probe}`;
const quiet = { onWarning: () => undefined, engine: 'chromium' } as const;
/** A preflighted call: a custom header. */
const preflighted = { method: 'PUT', headers: { 'X-Attack': '1' } } as const;

describe('preflightMaxAge given through getters, a Proxy or prototype tricks', () => {
  it('a getter that answers a valid age to the check and garbage afterwards is read once: the check holds', () => {
    let reads = 0;
    const ages = {
      get 'https://api.example'() {
        reads++;
        return reads === 1 ? 600 : -1;
      },
    };
    const plugin = sessionStats({ preflightMaxAge: ages as unknown as Record<string, number> });
    expect(plugin.options.preflightMaxAge).toEqual({ 'https://api.example': 600 });
    expect(reads).toBe(1);
  });

  it('an options object whose getters change between the check and the copy is read once', () => {
    let reads = 0;
    let clockReads = 0;
    const options = {
      get responseHeaders() {
        return ++reads === 1 ? true : ('yes' as unknown as boolean);
      },
      get clock() {
        return ++clockReads === 1 ? () => 0 : ('not a clock' as unknown as () => number);
      },
    };
    const plugin = sessionStats(options);
    expect(plugin.options.responseHeaders).toBe(true);
    expect(typeof plugin.options.clock).toBe('function');
    expect([reads, clockReads]).toEqual([1, 1]);
  });

  it('a Proxy that lists other keys on each look is read once, and what was checked is what is kept', () => {
    let looks = 0;
    const ages = new Proxy({} as Record<string, number>, {
      ownKeys: () => (++looks === 1 ? ['https://a.example'] : ['https://a.example', 'https://b.example']),
      getOwnPropertyDescriptor: (_, key) => ({ configurable: true, enumerable: true, value: key === 'https://a.example' ? 60 : -7 }),
      get: (_, key) => (key === 'https://a.example' ? 60 : -7),
    });
    const plugin = sessionStats({ preflightMaxAge: ages });
    expect(plugin.options.preflightMaxAge).toEqual({ 'https://a.example': 60 });
  });

  it('inherited origins and a `__proto__` key are not ages: only own origins count, and the prototype is not set', async () => {
    const inherited = Object.create({ [api.origin]: 600 }) as Record<string, number>;
    const protoKey = JSON.parse(`{"__proto__": {"${api.origin}": 600}}`) as Record<string, number>;
    expect(() => sessionStats({ preflightMaxAge: protoKey })).toThrow(RangeError); // an object is not a number of seconds
    for (const preflightMaxAge of [inherited, Object.assign(Object.create(null), { [api.origin]: 600 })]) {
      const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: sessionStats({ preflightMaxAge, clock: () => 0 }) });
      const url = `${api.origin}${path()}`;
      for (let i = 0; i < 3; i++) await apiFetch(url, preflighted);
      const own = Object.hasOwn(preflightMaxAge, api.origin);
      // With the clock still, every age caches a repeat: the one OPTIONS is the first call's either way; what differs
      // is the replay's max-age, so move the clock past the engine's default of 5 s.
      expect(apiFetch.stats().optionsRoundTrips).toBe(1);
      const later = { now: 0 };
      const timed = createFetch({
        origin: page.origin,
        ...quiet,
        stats: sessionStats({ preflightMaxAge, clock: () => later.now }),
      });
      for (let i = 0; i < 3; i++) {
        later.now = i * 60_000;
        await timed(url, preflighted);
      }
      expect(timed.stats().optionsRoundTrips).toBe(own ? 1 : 3);
    }
    expect(({} as { [origin: string]: unknown })[api.origin]).toBeUndefined();
  });
});

describe('a clock that throws, answers NaN or runs backwards', () => {
  const session = async (
    clock: () => number,
  ): Promise<{ stats: ReturnType<ReturnType<typeof createStatsFetch>['stats']>; sent: number }> => {
    const apiFetch = createStatsFetch(clock);
    const base = path();
    const before = api.recordsUnder(base).length;
    for (let i = 0; i < 4; i++) await apiFetch(`${api.origin}${base}`, preflighted);
    return { stats: apiFetch.stats(), sent: api.recordsUnder(base).length - before };
  };
  const createStatsFetch = (clock: () => number) => createFetch({ origin: page.origin, ...quiet, stats: sessionStats({ clock }) });

  it('never fails the app’s call, and the record stays plain finite data that server-config reads back', async () => {
    let tick = 0;
    const clocks: Record<string, () => number> = {
      throws: () => {
        throw new Error('clock broke');
      },
      nan: () => Number.NaN,
      infinite: () => Number.POSITIVE_INFINITY,
      backwards: () => 1_000_000 - 1000 * tick++,
      string: () => '12' as unknown as number,
    };
    for (const [name, clock] of Object.entries(clocks)) {
      const { stats, sent } = await session(clock);
      expect(sent, name).toBe(4);
      expect(stats.calls, name).toBe(4);
      const [endpoint] = Object.values(stats.endpoints);
      expect(Number.isFinite(endpoint?.preflightSpanMs), `${name}: ${endpoint?.preflightSpanMs}`).toBe(true);
      expect(endpoint?.preflightSpanMs, name).toBeGreaterThanOrEqual(0);
      expect(stats.optionsRoundTrips, name).toBeGreaterThanOrEqual(1);
      const json = JSON.parse(JSON.stringify(stats)) as unknown;
      expect(json, name).toEqual(stats);
      expect(deriveServerConfig(readSession(json)).length, name).toBe(1);
    }
  });
});

describe('hostile header reads', () => {
  it('10,000 distinct names read through headers.get keep 64 names, answer what the platform answers, and no value', async () => {
    const base = path();
    api.route(base, () => ({
      status: 200,
      headers: {
        'Access-Control-Allow-Origin': page.origin,
        'Access-Control-Expose-Headers': '*',
        'X-Secret': 'value-never-recorded',
        'Set-Cookie': 'session=never-recorded',
      },
    }));
    const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: sessionStats({ responseHeaders: true }) });
    const response = await apiFetch(`${api.origin}${base}`);
    const plain = new Headers(response.headers);
    for (let i = 0; i < 10_000; i++) expect(response.headers.get(`x-n-${i}`)).toBe(plain.get(`x-n-${i}`));
    expect(response.headers.get('x-secret')).toBe('value-never-recorded');
    expect(response.headers.get('set-cookie')).toBe(plain.get('set-cookie'));
    expect(response.headers.has('X-Secret')).toBe(true);
    // A huge name is a valid token: answered as the platform does.
    const huge = `x-${'h'.repeat(100_000)}`;
    expect(response.headers.get(huge)).toBeNull();
    // An invalid name throws as the platform throws.
    expect(() => response.headers.get('bad name')).toThrow(TypeError);
    const { endpoints } = apiFetch.stats();
    const names = Object.values(endpoints)[0]?.responseHeaders ?? [];
    expect(names).toHaveLength(64);
    const text = JSON.stringify(apiFetch.stats());
    expect(text).not.toContain('value-never-recorded');
    expect(text).not.toContain('set-cookie');
    expect(text).not.toContain('bad name');
  });

  it('the watch never throws into the app: a read after the record is gone (evicted endpoint) still answers', async () => {
    // What is under test is the record, not the server: a stub network answers at once.
    const fetch = async (): Promise<Response> => new Response('ok');
    const apiFetch = createFetch({ origin: page.origin, ...quiet, fetch, stats: sessionStats({ responseHeaders: true }) });
    const first = await apiFetch(`${api.origin}${path()}`);
    // As many other endpoints as the record holds evict the first call's.
    await Promise.all(Array.from({ length: STATS_ENDPOINT_CAPACITY }, () => apiFetch(`${api.origin}${path()}`)));
    expect(apiFetch.stats().evicted).toBe(1);
    expect(() => first.headers.get('x-late')).not.toThrow();
    expect(JSON.stringify(apiFetch.stats())).not.toContain('x-late');
  });
  it('a response whose Headers the app’s fetch froze is answered as it is: the watch steps aside, the call does not fail', async () => {
    const base = path();
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const response = await globalThis.fetch(input, init);
      Object.freeze(response.headers);
      return response;
    };
    const options = { origin: page.origin, ...quiet, fetch, stats: sessionStats({ responseHeaders: true }) };
    const fromFetch = await createFetch(options)(`${api.origin}${base}`);
    const fromClient = await createClient({ ...options, retry: 0 }).get(`${api.origin}${base}`);
    for (const response of [fromFetch, fromClient]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('vary')).toBe('Origin');
    }
    expect(api.recordsUnder(base)).toHaveLength(2);
  });
});

describe('one plugin, many clients', () => {
  it('two clients (and an extended child) sharing one plugin keep separate records', async () => {
    const plugin = sessionStats();
    const one = createClient({ origin: page.origin, ...quiet, retry: 0, stats: plugin });
    const two = createFetch({ origin: page.origin, ...quiet, stats: plugin });
    const child = one.extend({ timeout: 5000 });
    const bare = createClient({ origin: page.origin, ...quiet, retry: 0 }).extend({ stats: plugin });
    await one.get(`${api.origin}${path()}`);
    await two(`${api.origin}${path()}`);
    await two(`${api.origin}${path()}`);
    await child.get(`${api.origin}${path()}`);
    await bare.get(`${api.origin}${path()}`);
    expect([one.stats().calls, two.stats().calls, child.stats().calls, bare.stats().calls]).toEqual([1, 2, 1, 1]);
  });

  it('calls refused before sending (strict mode, bad input) are not counted and not sent', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, cors: 'strict', stats: sessionStats() });
    const client = createClient({ origin: page.origin, ...quiet, cors: 'strict', retry: 0, stats: sessionStats() });
    const base = path();
    await expect(apiFetch(`${api.origin}${base}`, preflighted)).rejects.toThrow();
    await expect(client.put(`${api.origin}${base}`, { headers: { 'X-Attack': '1' } })).rejects.toThrow();
    await expect(apiFetch(`${api.origin}${base}`, { headers: { 'bad name': 'x' } })).rejects.toThrow();
    await expect(apiFetch('not a url')).rejects.toThrow();
    expect(api.recordsUnder(base)).toHaveLength(0);
    expect(apiFetch.stats().calls).toBe(0);
    expect(client.stats().calls).toBe(0);
  });
});
