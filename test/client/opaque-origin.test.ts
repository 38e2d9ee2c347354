import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetch } from '../../src/fetch/index.js';
import {
  createClient,
  getPrediction,
  getRewrites,
  getTransport,
  isCredentialsPolicyError,
  type ClientOptions,
  type CorsWarning,
  credentialsPolicy,
  jsonpTransport,
  minimizePreflights,
  sessionStats,
} from '../../src/index.js';
import { decideCredentials } from '../../src/policy/credentials.js';
import { serveJsonp } from '../helpers/jsonp-endpoint.js';
import { headerValue } from '../helpers/recording-server.js';
import { useScriptDocuments } from '../helpers/script-document.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { browserLikeFetch, COOKIE } from './browser-like-fetch.js';

// A page on an opaque origin — a sandboxed iframe, a file: page — has location.origin 'null': the browser sends every
// call from it cross-origin with `Origin: null`, even a call to the server the page came from. Each part of the client
// that asks "is this call same-origin?" must answer as the browser does, whether 'null' comes from the global location
// or from the `origin` option. (The same page in real Chromium: opaque-origin.browser.test.ts.)
const { page, api } = useTwoOrigins();

let probe = 0;
const path = (): string => `/opaque/${++probe}`;

/**
 * The ways a client learns it runs on an opaque origin: a sandboxed document's own `self.origin` while its
 * location.origin still names its server (as Chromium has it, opaque-origin.browser.test.ts), a location whose
 * origin is 'null', and the option.
 */
const PAGES = [
  { name: "self.origin 'null'", options: {}, stub: 'self' },
  { name: "location.origin 'null'", options: {}, stub: 'location' },
  { name: "origin: 'null'", options: { origin: 'null' }, stub: 'none' },
] as const;

const freshDocument = useScriptDocuments();
afterEach(() => {
  vi.unstubAllGlobals();
});

const warnings: CorsWarning[] = [];
const quiet = (): Pick<ClientOptions, 'onWarning' | 'retry'> => {
  warnings.length = 0;
  return { onWarning: (warning) => void warnings.push(warning), retry: 0 };
};

describe.each(PAGES)('a page on an opaque origin ($name)', ({ options, stub }) => {
  const onOpaquePage = (): void => {
    if (stub === 'self') vi.stubGlobal('origin', 'null');
    vi.stubGlobal('location', { origin: stub === 'location' ? 'null' : page.origin });
  };

  it('minimize rewrites a call even to the page’s own server (it is cross-origin): no "Invalid URL"', async () => {
    onOpaquePage();
    const target = path();
    const client = createClient({ ...options, ...quiet(), minimize: minimizePreflights({ dropHeaders: ['X-Trace'] }) });
    const response = await client.get(`${page.origin}${target}`, { headers: { 'X-Trace': '1' } });
    expect(response.status).toBe(200);
    expect(getRewrites(response)).toHaveLength(1);
    expect(getPrediction(response)).toMatchObject({ kind: 'simple', origin: 'null', unsafeHeaders: [] });
    const [sent] = page.recordsUnder(target);
    expect(sent !== undefined && headerValue(sent, 'x-trace')).toBe(null);
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('dropped x-trace')]);
  });

  it('createFetch does the same', async () => {
    onOpaquePage();
    const target = path();
    const apiFetch = createFetch({ ...options, onWarning: () => undefined, minimize: minimizePreflights({ dropHeaders: ['X-Trace'] }) });
    const response = await apiFetch(`${page.origin}${target}`, { headers: { 'X-Trace': '1' } });
    expect(response.status).toBe(200);
    expect(getPrediction(response)).toMatchObject({ kind: 'simple', origin: 'null' });
    expect(page.recordsUnder(target).map((sent) => headerValue(sent, 'x-trace'))).toEqual([null]);
  });

  it('the credentials policy treats the page’s own server as another origin: include there is refused, nothing sent', async () => {
    onOpaquePage();
    const jar = browserLikeFetch();
    const client = createClient({ ...options, ...quiet(), fetch: jar, credentials: credentialsPolicy({ include: [api.origin] }) });
    const refused = path();
    const error: unknown = await client.get(`${page.origin}${refused}`, { credentials: 'include' }).catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(error)).toBe(true);
    expect(page.recordsUnder(refused)).toHaveLength(0);
    const own = path();
    const allowed = path();
    await client.get(`${page.origin}${own}`);
    await client.get(`${api.origin}${allowed}`);
    expect(page.recordsUnder(own).map((sent) => headerValue(sent, 'cookie'))).toEqual([null]);
    expect(api.recordsUnder(allowed).map((sent) => headerValue(sent, 'cookie'))).toEqual([COOKIE]);
  });

  it('warns about a preflight toward the page’s own server, and stats count it as cross-origin from Origin null', async () => {
    onOpaquePage();
    const target = path();
    const client = createClient({ ...options, ...quiet(), stats: sessionStats() });
    await client.put(`${page.origin}${target}`, { headers: { 'X-Trace': '1' } });
    expect(warnings.map((warning) => warning.prediction.kind)).toEqual(['preflight']);
    const stats = client.stats().endpoints[`PUT ${page.origin}${target}`];
    expect(stats).toMatchObject({ calls: 1, pageOrigin: 'null', optionsRoundTrips: 1, requestHeaders: ['x-trace'] });
    expect(stats?.kinds).toMatchObject({ 'same-origin': 0, preflight: 1 });
  });

  it("falls back to JSONP for a failed call to the page's own server (cross-origin, so maybe CORS)", async () => {
    onOpaquePage();
    const target = path();
    serveJsonp(page, '/opaque/jsonp/');
    const failing = async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    };
    const client = createClient({
      ...options,
      ...quiet(),
      fetch: failing,
      jsonp: jsonpTransport({ origins: [page.origin], document: freshDocument(), timeout: 5000 }),
    });
    const response = await client.get(`${page.origin}/opaque/jsonp${target}`, { fallback: 'jsonp' });
    expect(getTransport(response)).toBe('jsonp');
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('the same calls from a page on that server’s own origin (the contrast: these are same-origin)', () => {
  it('minimize leaves them alone, the policy lets include through, and nothing is warned about', async () => {
    const target = path();
    const client = createClient({
      origin: `${page.origin}/index.html`,
      ...quiet(),
      minimize: minimizePreflights({ dropHeaders: ['X-Trace'] }),
    });
    const response = await client.get(`${page.origin}${target}`, { headers: { 'X-Trace': '1' } });
    expect(getPrediction(response)?.kind).toBe('same-origin');
    expect(getRewrites(response)).toEqual([]);
    expect(page.recordsUnder(target).map((sent) => headerValue(sent, 'x-trace'))).toEqual(['1']);
    const policed = createClient({
      origin: `${page.origin}/index.html`,
      ...quiet(),
      credentials: credentialsPolicy({ include: [api.origin] }),
    });
    await expect(policed.get(`${page.origin}${path()}`, { credentials: 'include' })).resolves.toHaveProperty('status', 200);
    expect(warnings).toEqual([]);
  });
});

describe('decideCredentials', () => {
  it("never takes two opaque origins for the same one: 'null' toward 'null' is not same-origin", () => {
    expect(decideCredentials({}, 'null', 'null', 'include')).toMatchObject({ ok: false });
    expect(decideCredentials({}, 'https://app.example', 'https://app.example', 'include')).toEqual({ ok: true, credentials: 'include' });
  });
});
