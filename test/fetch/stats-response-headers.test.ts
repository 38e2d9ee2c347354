import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { createFetch, sessionStats } from '../../src/fetch/index.js';
import { readSession } from '../../src/policy/session-input.js';
import { deriveServerConfig } from '../../src/policy/server-config.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// `stats: sessionStats({ responseHeaders: true })`: the response headers the app reads from cross-origin calls are recorded per
// endpoint, names only, for `crosswise server-config`'s Access-Control-Expose-Headers. Two loopback servers, two origins;
// the API sends a secret value in every header, which must never reach the stats.
const { page, api } = useTwoOrigins();
const SECRET = 's3cret-value';

beforeAll(() => {
  api.routePrefix('/counted/', () => ({
    status: 200,
    headers: {
      'Access-Control-Allow-Origin': '*',
      'X-Total-Count': SECRET,
      ETag: `"${SECRET}"`,
      'Set-Cookie': `session=${SECRET}`,
      'Content-Type': 'text/plain',
    },
    body: 'ok',
  }));
});

let probe = 0;
const url = (): string => `${api.origin}/counted/${++probe}`;
const quiet = { onWarning: () => undefined, engine: 'chromium' } as const;
const endpointOf = (target: string): string => `GET ${target}`;

/** The reads an app makes: two non-safelisted headers (get and has), a safelisted one, Set-Cookie, one twice. */
function readAll(headers: Headers): unknown[] {
  return [
    headers.get('X-Total-Count'),
    headers.has('etag'),
    headers.get('content-type'),
    headers.get('set-cookie'),
    headers.get('x-total-count'),
  ];
}

describe('sessionStats({ responseHeaders: true })', () => {
  it('createFetch: records the names the app read (get and has), sorted, never a value, never a safelisted name or Set-Cookie', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: sessionStats({ responseHeaders: true }) });
    const target = url();
    const response = await apiFetch(target);
    // Node has no CORS filter (Set-Cookie included): every header reads as the server sent it, and the watch changes no value.
    expect(readAll(response.headers)).toEqual([SECRET, true, 'text/plain', `session=${SECRET}`, SECRET]);
    const stats = apiFetch.stats();
    expect(stats.endpoints[endpointOf(target)]?.responseHeaders).toEqual(['etag', 'x-total-count']);
    expect(JSON.stringify(stats)).not.toContain(SECRET);
    expect(JSON.stringify(stats)).not.toContain('set-cookie');
  });

  it('the client (through ky) records the same, and a repeated plain call of createFetch (no Request built) too', async () => {
    const api1 = createClient({ origin: page.origin, ...quiet, retry: 0, stats: sessionStats({ responseHeaders: true }) });
    const viaClient = url();
    readAll((await api1.get(viaClient)).headers);
    expect(api1.stats().endpoints[endpointOf(viaClient)]?.responseHeaders).toEqual(['etag', 'x-total-count']);

    const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: sessionStats({ responseHeaders: true }) });
    const repeated = url();
    (await apiFetch(repeated)).headers.get('x-first');
    (await apiFetch(repeated)).headers.get('x-second');
    expect(apiFetch.stats().endpoints[endpointOf(repeated)]).toMatchObject({ calls: 2, responseHeaders: ['x-first', 'x-second'] });
  });

  it('an invalid name still throws fetch’s TypeError and is not recorded; a same-origin call records nothing', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: sessionStats({ responseHeaders: true }) });
    const target = url();
    const response = await apiFetch(target);
    expect(() => response.headers.get('x y\n')).toThrow(TypeError);
    const same = `${page.origin}/same/${++probe}`;
    (await apiFetch(same)).headers.get('x-anything');
    const { endpoints } = apiFetch.stats();
    expect(endpoints[endpointOf(target)]?.responseHeaders).toEqual([]);
    expect(endpoints[endpointOf(same)]?.responseHeaders).toEqual([]);
  });

  it('off by default: the response’s Headers are not touched, and stats() carries no responseHeaders', async () => {
    for (const stats of [sessionStats(), sessionStats({ responseHeaders: false })]) {
      const apiFetch = createFetch({ origin: page.origin, ...quiet, stats });
      const target = url();
      const response = await apiFetch(target);
      expect(Object.hasOwn(response.headers, 'get') || Object.hasOwn(response.headers, 'has')).toBe(false);
      response.headers.get('x-total-count');
      expect(apiFetch.stats().endpoints[endpointOf(target)]).not.toHaveProperty('responseHeaders');
    }
  });

  it('without the plugin: the Headers are not touched either, on createFetch and the client alike', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet });
    const client = createClient({ origin: page.origin, ...quiet, retry: 0 });
    for (const response of [await apiFetch(url()), await client.get(url())]) {
      expect(Object.hasOwn(response.headers, 'get') || Object.hasOwn(response.headers, 'has')).toBe(false);
    }
  });

  it('at most 64 names per endpoint, however many the app reads', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: sessionStats({ responseHeaders: true }) });
    const target = url();
    const { headers } = await apiFetch(target);
    for (let index = 0; index < 500; index++) headers.get(`x-read-${String(index).padStart(3, '0')}`);
    headers.get('a-read-last');
    const kept = apiFetch.stats().endpoints[endpointOf(target)]?.responseHeaders;
    // The first 64 read stay; later ones are not recorded.
    expect(kept).toEqual(Array.from({ length: 64 }, (_, index) => `x-read-${String(index).padStart(3, '0')}`));
  });

  it('the exported stats are a session server-config reads: the names come out in Expose-Headers', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: sessionStats({ responseHeaders: true }) });
    readAll((await apiFetch(url())).headers);
    const [config] = deriveServerConfig(readSession(JSON.parse(JSON.stringify(apiFetch.stats()))));
    expect(config).toMatchObject({ server: api.origin, origin: page.origin, exposeHeaders: ['etag', 'x-total-count'] });
  });

  it('a bad option is a TypeError naming it', () => {
    expect(() => sessionStats({ responseHeaders: 'yes' as never })).toThrow('`stats.responseHeaders` must be a boolean');
    expect(() => sessionStats(1 as never)).toThrow('`sessionStats` takes { responseHeaders?, preflightMaxAge?, clock? }');
  });
});
