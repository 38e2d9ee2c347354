import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { predictCors } from '../../src/cors/index.js';
import {
  createFetch,
  getPrediction,
  isCorsError,
  isCorsPolicyError,
  isCredentialsPolicyError,
  type CorsWarning,
  credentialsPolicy,
  diagnosis,
  sessionStats,
} from '../../src/fetch/index.js';
import { createRecordingServer, headerValue } from '../helpers/recording-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { COOKIE, browserLikeFetch } from '../client/browser-like-fetch.js';

// createFetch against two real loopback servers: what the API's records show is what crosswise let through.
const { page, api } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/fetch/${++probe}`;
const quiet = { onWarning: () => undefined, engine: 'chromium' } as const;

describe('createFetch: fetch’s signature and behaviour', () => {
  it('is a drop-in fetch: string, URL and Request inputs, init, bodies and headers reach the server as given', async () => {
    const apiFetch: typeof fetch = createFetch({ origin: page.origin, ...quiet });
    const [a, b, c] = [path(), path(), path()];
    expect((await apiFetch(`${api.origin}${a}`)).status).toBe(200);
    await apiFetch(new URL(b, api.origin), { method: 'POST', body: 'hello', headers: { 'Content-Type': 'text/plain' } });
    await apiFetch(new Request(`${api.origin}${c}`, { method: 'PUT', body: '{"x":1}', headers: { 'X-Token': 't' } }), {
      headers: { 'X-Token': 'overridden' },
    });
    expect(api.recordsUnder(a).map((record) => record.method)).toEqual(['GET']);
    expect(api.recordsUnder(b).map((record) => [record.method, record.body.toString()])).toEqual([['POST', 'hello']]);
    const put = api.recordsUnder(c)[0]!;
    expect([put.method, put.body.toString(), headerValue(put, 'x-token')]).toEqual(['PUT', '{"x":1}', 'overridden']);
  });

  it('keeps the prediction of the exact request on the response, equal to predictCors of it, and counts it', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, stats: sessionStats() });
    const url = `${api.origin}${path()}`;
    const init = { method: 'PATCH', headers: { Authorization: 'Bearer x', 'Content-Type': 'application/json' }, body: '{}' };
    const response = await apiFetch(url, init);
    expect(getPrediction(response)).toEqual(predictCors(new Request(url, init), undefined, { origin: page.origin, engine: 'chromium' }));
    expect(getPrediction(response)?.unsafeHeaders).toEqual(['authorization', 'content-type']);
    expect(apiFetch.stats()).toMatchObject({ calls: 1, optionsRoundTrips: 1 });
  });

  it('passes a streaming body through untouched, and hands the sending fetch the caller’s own arguments', async () => {
    const seen: unknown[][] = [];
    const apiFetch = createFetch({ origin: page.origin, ...quiet, fetch: (input, init) => (seen.push([input, init]), fetch(input, init)) });
    const target = path();
    const stream = new ReadableStream({
      start: (controller) => {
        controller.enqueue(new TextEncoder().encode('chunk-1;'));
        controller.enqueue(new TextEncoder().encode('chunk-2'));
        controller.close();
      },
    });
    const init = { method: 'POST', body: stream, duplex: 'half' } as RequestInit;
    const response = await apiFetch(`${api.origin}${target}`, init);
    expect(seen).toEqual([[`${api.origin}${target}`, init]]);
    expect(seen[0]?.[1]).toBe(init);
    expect(api.recordsUnder(target)[0]?.body.toString()).toBe('chunk-1;chunk-2');
    // A stream upload is preflighted in a browser: the prediction knows it was one.
    expect(getPrediction(response)?.kind).toBe('preflight');
  });

  it('rejects with fetch’s own AbortError when the signal aborts, undiagnosed', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, diagnose: diagnosis({ browser: true }) });
    const controller = new AbortController();
    controller.abort();
    const error: unknown = await apiFetch(`${api.origin}${path()}`, { signal: controller.signal }).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
  });

  it('rejects, as fetch does, a malformed URL with a TypeError and sends nothing', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet });
    await expect(apiFetch('http://[bad')).rejects.toBeInstanceOf(TypeError);
  });
});

describe('createFetch: the client’s promises', () => {
  it('strict mode sends nothing (no OPTIONS, no call) and the error carries the prediction', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, cors: 'strict', stats: sessionStats() });
    const target = path();
    const error: unknown = await apiFetch(`${api.origin}${target}`, { method: 'DELETE', headers: { 'X-Token': 't' } }).catch(
      (caught: unknown) => caught,
    );
    expect(isCorsPolicyError(error)).toBe(true);
    expect(getPrediction(error as object)?.kind).toBe('preflight');
    expect(api.recordsUnder(target)).toHaveLength(0);
    expect(apiFetch.stats().calls).toBe(0);
  });

  it('the per-call cors option overrides, and allowPreflight lets the declared causes through', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, cors: 'strict', allowPreflight: { headers: ['authorization'] } });
    const [a, b] = [path(), path()];
    await apiFetch(`${api.origin}${a}`, { headers: { Authorization: 'x' } });
    await apiFetch(`${api.origin}${b}`, { headers: { 'X-Token': 'x' }, cors: 'off' });
    expect(api.recordsUnder(a)).toHaveLength(1);
    expect(api.recordsUnder(b)).toHaveLength(1);
  });

  it('warns once per distinct cause', async () => {
    const warnings: CorsWarning[] = [];
    const apiFetch = createFetch({ origin: page.origin, engine: 'chromium', onWarning: (warning) => warnings.push(warning) });
    for (let i = 0; i < 3; i++) await apiFetch(`${api.origin}${path()}`, { headers: { 'X-Token': String(i) } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.reasons.map((reason) => reason.code)).toContain('header_not_safelisted');
  });

  it('the cookie reaches only the allowlisted origin, redirects included; an off-list include is refused unsent', async () => {
    const jar = browserLikeFetch();
    const apiFetch = createFetch({
      origin: 'http://app.example',
      ...quiet,
      fetch: jar,
      credentials: credentialsPolicy({ include: [api.origin], otherwise: 'omit' }),
    });
    const [allowed, other, asked, hop] = [path(), path(), path(), path()];
    api.route(allowed, () => ({
      status: 302,
      headers: {
        Location: `${page.origin}${hop}`,
        'Access-Control-Allow-Origin': 'http://app.example',
        'Access-Control-Allow-Credentials': 'true',
      },
    }));
    await apiFetch(`${api.origin}${allowed}`);
    await apiFetch(`${page.origin}${other}`);
    const refused: unknown = await apiFetch(`${page.origin}${asked}`, { credentials: 'include' }).catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(refused)).toBe(true);
    expect(headerValue(api.recordsUnder(allowed)[0]!, 'cookie')).toBe(COOKIE);
    expect(page.recordsUnder(hop)).toHaveLength(1);
    expect(headerValue(page.recordsUnder(hop)[0]!, 'cookie')).toBeNull();
    expect(headerValue(page.recordsUnder(other)[0]!, 'cookie')).toBeNull();
    expect(page.recordsUnder(asked)).toHaveLength(0);
  });

  it('a credentials mode string is every call’s default, and the call’s own mode wins', async () => {
    const jar = browserLikeFetch();
    const apiFetch = createFetch({ origin: 'http://app.example', ...quiet, fetch: jar, credentials: 'include' });
    const [a, b] = [path(), path()];
    await apiFetch(`${api.origin}${a}`);
    await apiFetch(`${api.origin}${b}`, { credentials: 'omit' });
    expect(jar.hops).toEqual([`GET ${api.origin}${a} include`, `GET ${api.origin}${b} omit`]);
  });

  it('diagnoses a network failure as a CorsError in a browser; elsewhere the TypeError stays, with its prediction', async () => {
    const closed = `http://127.0.0.1:9${path()}`;
    const browser = createFetch({ origin: page.origin, ...quiet, diagnose: diagnosis({ browser: true }) });
    const diagnosed: unknown = await browser(closed, { headers: { 'X-Token': 't' } }).catch((caught: unknown) => caught);
    expect(isCorsError(diagnosed)).toBe(true);
    expect((diagnosed as { prediction: { kind: string } }).prediction.kind).toBe('preflight');
    const node = createFetch({ origin: page.origin, ...quiet, diagnose: diagnosis({ browser: false }) });
    const plain: unknown = await node(closed).catch((caught: unknown) => caught);
    expect(plain).toBeInstanceOf(TypeError);
    expect(isCorsError(plain)).toBe(false);
    expect(getPrediction(plain as object)?.kind).toBe('simple');
  });
});

describe('createFetch: a repeated plain call (no Request built)', () => {
  it('is sent, predicted, counted and remembered on its response every time, as the first', async () => {
    const seen: unknown[] = [];
    const apiFetch = createFetch({
      origin: page.origin,
      ...quiet,
      stats: sessionStats(),
      fetch: (input, init) => (seen.push(input), fetch(input, init)),
    });
    const target = path();
    const url = `${api.origin}${target}`;
    const responses = [await apiFetch(url), await apiFetch(url), await apiFetch(new URL(url), { signal: new AbortController().signal })];
    expect(responses.map((response) => getPrediction(response)?.kind)).toEqual(['simple', 'simple', 'simple']);
    expect(getPrediction(responses[2]!)).toEqual(predictCors(new Request(url), undefined, { origin: page.origin, engine: 'chromium' }));
    expect(seen).toEqual([url, url, new URL(url)]);
    expect(api.recordsUnder(target)).toHaveLength(3);
    expect(apiFetch.stats().calls).toBe(3);
  });

  it('strict mode refuses a repeated preflighted call every time, sending nothing', async () => {
    const apiFetch = createFetch({ origin: page.origin, ...quiet, cors: 'strict' });
    const target = path();
    const url = `${api.origin}${target}`;
    for (let i = 0; i < 3; i++) await expect(apiFetch(url, { method: 'PUT' })).rejects.toSatisfy(isCorsPolicyError);
    expect(api.recordsUnder(target)).toHaveLength(0);
  });

  it('a repeated call that fails on the network is still diagnosed, with its prediction', async () => {
    const gone = await createRecordingServer();
    const url = `${gone.origin}${path()}`;
    const apiFetch = createFetch({ origin: page.origin, ...quiet, diagnose: diagnosis({ browser: true }) });
    expect((await apiFetch(url)).status).toBe(200);
    await gone.close();
    const error: unknown = await apiFetch(url).catch((caught: unknown) => caught);
    expect(isCorsError(error)).toBe(true);
    expect(getPrediction(error as object)?.kind).toBe('simple');
  });
});

describe('createFetch: options as createClient’s', () => {
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ cors: 'loud' }, /`cors` must be/],
    [{ engine: 'ie' }, /`engine` must be/],
    [{ origin: 'not an origin' }, /`origin` must be/],
    [{ credentials: 'sometimes' }, /`credentials` must be/],
    [{ credentials: { include: ['https://api.example'] } }, /`credentials` takes the plugin credentialsPolicy\(\) makes/],
    [{ diagnose: { timeout: 1 } }, /`diagnose` takes the plugin diagnosis\(\) makes/],
    [{ jsonp: { origins: ['https://legacy.example'] } }, /`jsonp` takes the plugin jsonpTransport\(\) makes/],
    [{ minimize: { jsonAsText: true } }, /`minimize` takes the plugin minimizePreflights\(\) makes/],
    [
      { stats: { responseHeaders: true } },
      /^`stats` takes the plugin sessionStats\(\) makes, not a plain object: write `stats: sessionStats\(\{ … \}\)`/,
    ],
    [{ stats: diagnosis() }, /`stats` takes the plugin sessionStats\(\) makes/],
    [{ preflightMaxAge: 600 }, /`preflightMaxAge` is an option of the stats plugin now: stats: sessionStats\(\{ preflightMaxAge \}\)/],
    [{ clock: () => 0 }, /`clock` is an option of the stats plugin now: stats: sessionStats\(\{ clock \}\)/],
  ];
  for (const [options, message] of bad) {
    it(`refuses ${JSON.stringify(options)} with the same error as createClient`, () => {
      expect(() => createFetch(options as never)).toThrow(message);
      expect(() => createClient(options as never)).toThrow(message);
    });
  }

  it('names a ky option rather than ignoring it, and refuses a fetch that is not a function', () => {
    expect(() => createFetch({ prefix: 'https://api.example' } as never)).toThrow(/`prefix` is not an option of createFetch/);
    expect(() => createFetch({ fetch: 'fetch' } as never)).toThrow(/`fetch` must be a function/);
  });

  it('exposes its options, frozen, and with the stats plugin stats()', () => {
    const stats = sessionStats();
    const apiFetch = createFetch({ cors: 'strict', stats });
    expect(apiFetch.options).toEqual({ cors: 'strict', stats });
    expect(Object.isFrozen(apiFetch.options)).toBe(true);
    expect(apiFetch.stats()).toMatchObject({ calls: 0, optionsRoundTrips: 0, evicted: 0 });
  });
});
