import { describe, expect, it } from 'vitest';
import { predictCors, type Engine } from '../../src/cors/index.js';
import { createStats } from '../../src/client/stats.js';
import { deriveServerConfig, maxAgeCovering, SessionInputError, type SessionCall } from '../../src/policy/server-config.js';
import { readSession } from '../../src/policy/session-input.js';

// From the calls an app makes to the CORS answer its server needs: everything the calls use, nothing else, and a
// max-age that keeps the session's repeated preflights cached.

const PAGE = 'https://app.example';
const API = 'https://api.example';

const call = (over: Partial<SessionCall>): SessionCall => ({
  method: 'GET',
  url: `${API}/items`,
  pageOrigin: PAGE,
  requestHeaders: [],
  credentials: false,
  ...over,
});

describe('deriveServerConfig', () => {
  it('allows the union of what the calls use, per API origin and page origin', () => {
    const configs = deriveServerConfig([
      call({ method: 'PUT', url: `${API}/items/1`, requestHeaders: ['content-type', 'authorization'], credentials: true }),
      call({ method: 'GET', requestHeaders: ['x-trace'], exposeHeaders: ['X-Total'] }),
      call({ method: 'DELETE', url: 'https://other.example/x', pageOrigin: PAGE }),
    ]);
    expect(
      configs.map(({ server, origin, methods, allowHeaders, credentials, exposeHeaders }) => ({
        server,
        origin,
        methods,
        allowHeaders,
        credentials,
        exposeHeaders,
      })),
    ).toEqual([
      {
        server: API,
        origin: PAGE,
        methods: ['GET', 'PUT'],
        allowHeaders: ['authorization', 'content-type', 'x-trace'],
        credentials: true,
        exposeHeaders: ['x-total'],
      },
      { server: 'https://other.example', origin: PAGE, methods: ['DELETE'], allowHeaders: [], credentials: false, exposeHeaders: [] },
    ]);
  });

  it('needs nothing for same-origin calls', () => {
    expect(deriveServerConfig([call({ url: `${PAGE}/items` })])).toEqual([]);
  });

  it('names the call whose URL or page origin is not an http(s) URL', () => {
    expect(() => deriveServerConfig([call({ url: '/items' })])).toThrow(SessionInputError);
    expect(() => deriveServerConfig([call({ url: '/items' })])).toThrow('the URL of GET /items must be an absolute http(s) URL');
    expect(() => deriveServerConfig([call({ pageOrigin: 'data:text/plain,x' })])).toThrow('must be an http(s) URL');
    expect(() => deriveServerConfig([call({ pageOrigin: 'null' })])).toThrow(
      /is 'null' \(a sandboxed iframe or a file: page\): a server that allows Origin: null/,
    );
  });

  it('a max-age only when the 5 s default lets a preflight repeat, and just above the span', () => {
    expect(maxAgeCovering(0)).toBeNull();
    expect(maxAgeCovering(4_999)).toBeNull();
    // An entry is fresh while its expiry is after now: a span of exactly 5 s needs 6.
    expect(maxAgeCovering(5_000)).toBe(6);
    expect(maxAgeCovering(42_300)).toBe(43);
  });

  it("reports each engine's cap: a span over 10 minutes still repeats in WebKit, over 2 hours in Chromium", () => {
    const [config] = deriveServerConfig([call({ method: 'PUT', preflightSpanMs: 3 * 3600_000 })]);
    expect(config?.maxAge).toBe(10_801);
    expect(config?.cachedSeconds).toEqual({ standard: 10_801, chromium: 7200, firefox: 10_801, webkit: 600 });
    expect(config?.cappedBy).toEqual(['chromium', 'webkit']);
  });
});

describe('stats() → JSON → readSession → deriveServerConfig', () => {
  // A session on a fake clock: PUT with two headers at 0, 20 s and 50 s; a credentialed GET; a refused call.
  function record(engine: Engine, maxAge: number | undefined): ReturnType<ReturnType<typeof createStats>['snapshot']> {
    let now = 0;
    const stats = createStats(
      engine,
      () => (maxAge === undefined ? undefined : String(maxAge)),
      () => now,
    );
    for (const at of [0, 20_000, 50_000]) {
      now = at;
      stats.record(
        predictCors(
          `${API}/items/1`,
          { method: 'PUT', headers: { Authorization: 'x', 'Content-Type': 'application/json' } },
          { origin: PAGE, engine },
        ),
      );
    }
    stats.record(predictCors(`${API}/me`, { credentials: 'include' }, { origin: PAGE, engine }));
    stats.record(predictCors(`${PAGE}/local`, { credentials: 'include', headers: { 'X-Local': '1' } }, { origin: PAGE, engine }));
    return stats.snapshot();
  }

  it('the session records per endpoint the page origin, the request headers, credentials and the preflight span', () => {
    const snapshot = JSON.parse(JSON.stringify(record('chromium', undefined))) as ReturnType<typeof record>;
    expect(snapshot.endpoints[`PUT ${API}/items/1`]).toMatchObject({
      pageOrigin: PAGE,
      requestHeaders: ['authorization', 'content-type'],
      credentials: false,
      preflightSpanMs: 50_000,
      optionsRoundTrips: 3,
    });
    expect(snapshot.endpoints[`GET ${API}/me`]).toMatchObject({ credentials: true, requestHeaders: [], preflightSpanMs: 0 });
    // Same-origin: credentials go anyway, and no CORS answer is needed.
    expect(snapshot.endpoints[`GET ${PAGE}/local`]?.credentials).toBe(false);
  });

  it('the derived max-age removes every repeated preflight the session paid for, in each engine', () => {
    for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
      const configs = deriveServerConfig(readSession(JSON.parse(JSON.stringify(record(engine, undefined)))));
      expect(configs).toHaveLength(1);
      const [config] = configs;
      expect(config).toMatchObject({
        server: API,
        origin: PAGE,
        methods: ['GET', 'PUT'],
        allowHeaders: ['authorization', 'content-type'],
        credentials: true,
        maxAge: 51,
        cappedBy: [],
      });
      // Replayed with that max-age, the session pays one OPTIONS; one second less, and the last call pays again.
      expect(record(engine, config?.maxAge ?? 0).optionsRoundTrips).toBe(1);
      expect(record(engine, (config?.maxAge ?? 0) - 1).optionsRoundTrips).toBe(2);
    }
  });

  it('keeps request-header names bounded per endpoint', () => {
    const stats = createStats(
      'standard',
      () => undefined,
      () => 0,
    );
    for (let i = 0; i < 100; i++)
      stats.record(
        predictCors(`${API}/x`, { headers: { [`X-H${String(i).padStart(3, '0')}`]: '1' } }, { origin: PAGE, engine: 'standard' }),
      );
    expect(stats.snapshot().endpoints[`GET ${API}/x`]?.requestHeaders).toHaveLength(64);
  });
});

describe('deriveServerConfig: what goes into a configuration file verbatim', () => {
  it('exposes only what needs exposing: never a safelisted response header, never Set-Cookie (no page can read it)', () => {
    const [config] = deriveServerConfig([call({ exposeHeaders: ['X-Total', 'content-type', 'Set-Cookie', 'set-cookie2', 'ETag'] })]);
    expect(config?.exposeHeaders).toEqual(['etag', 'x-total']);
  });

  it('refuses a method or header name that is not an HTTP token: a session cannot write a line into an nginx config', () => {
    const injected = 'x-a\nadd_header X-Evil 1;';
    expect(() => deriveServerConfig([call({ exposeHeaders: [injected] })])).toThrow(SessionInputError);
    expect(() => deriveServerConfig([call({ exposeHeaders: [injected] })])).toThrow(
      `${JSON.stringify(injected)} (in GET ${API}/items) is not an HTTP header name`,
    );
    expect(() => deriveServerConfig([call({ requestHeaders: ['x "quoted"'] })])).toThrow('is not an HTTP header name');
    expect(() => deriveServerConfig([call({ method: 'PUT\r\nX: y' })])).toThrow('is not an HTTP method name');
  });
});

describe('readSession', () => {
  it('reads a list of calls written by hand, with --origin for those without one', () => {
    expect(
      readSession(
        [
          { method: 'patch', url: `${API}/x`, headers: ['X-A'], credentials: 'include', expose: ['ETag'] },
          { url: `${API}/y`, origin: 'https://b.example' },
        ],
        PAGE,
      ),
    ).toEqual([
      {
        method: 'patch',
        url: `${API}/x`,
        pageOrigin: PAGE,
        requestHeaders: ['x-a'],
        credentials: true,
        exposeHeaders: ['etag'],
        preflightSpanMs: 0,
      },
      {
        method: 'GET',
        url: `${API}/y`,
        pageOrigin: 'https://b.example',
        requestHeaders: [],
        credentials: false,
        exposeHeaders: [],
        preflightSpanMs: 0,
      },
    ]);
  });

  it('leaves out endpoints whose calls the browser refused, or that need no CORS answer (same-origin, no-cors)', () => {
    expect(readSession({ endpoints: { [`PUT ${API}/x`]: { calls: 2, kinds: { rejected: 2 }, pageOrigin: PAGE } } })).toEqual([]);
    expect(
      readSession({ endpoints: { [`GET ${API}/x`]: { calls: 3, kinds: { 'no-cors': 2, 'same-origin': 1 }, pageOrigin: PAGE } } }),
    ).toEqual([]);
    expect(
      readSession({ endpoints: { [`GET ${API}/x`]: { calls: 3, kinds: { 'no-cors': 2, simple: 1 }, pageOrigin: PAGE } } }),
    ).toHaveLength(1);
  });

  it('names what does not fit', () => {
    expect(() => readSession('nope')).toThrow('a session is the JSON of api.stats()');
    expect(() => readSession([{ url: `${API}/x` }])).toThrow('call 1 needs an "origin"');
    expect(() => readSession([{ url: `${API}/x`, origin: PAGE, headers: 'X-A' }])).toThrow(
      'call 1: "headers" must be a list of header names',
    );
    expect(() => readSession([{ url: `${API}/x`, origin: PAGE, credentials: 'yes' }])).toThrow('"credentials" must be');
    expect(() => readSession({ endpoints: { 'GET https://a.example/': { calls: 1, kinds: {} } } })).toThrow('has no pageOrigin');
    expect(() => readSession({ endpoints: { [`GET ${API}/x`]: { calls: 1, pageOrigin: PAGE, responseHeaders: 'x-a' } } })).toThrow(
      `responseHeaders of GET ${API}/x must be a list of header names`,
    );
  });

  it('reads the response headers the app read (sessionStats({ responseHeaders: true })) as the headers to expose', () => {
    const endpoint = { calls: 1, kinds: { simple: 1 }, pageOrigin: PAGE, requestHeaders: [], responseHeaders: ['x-total'] };
    expect(readSession({ endpoints: { [`GET ${API}/x`]: endpoint } })[0]?.exposeHeaders).toEqual(['x-total']);
  });
});
