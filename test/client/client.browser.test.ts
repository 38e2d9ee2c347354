import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../conformance/engines/chromium.js';
import { IMPORT_MAP, serveModules } from '../helpers/module-server.js';
import { createRecordingServer, headerValue, type RecordingServer } from '../helpers/recording-server.js';

// A scripted SPA session in real Chromium: the page (one origin) calls an API (another origin) through the
// client; every preflight the client predicted must be an OPTIONS the API saw, and no other.
let browser: Browser;
let page: RecordingServer;
let api: RecordingServer;

const SESSION = `
import { createClient, getPrediction, isCorsError, isCorsPolicyError } from '/src/index.js';
const api = createClient({ baseUrl: new URLSearchParams(location.search).get('api'), retry: 0, onWarning: (w) => warnings.push(w.message) });
const warnings = [];
const calls = [
  ['get', 'api/items', {}],
  ['get', 'api/items', { headers: { 'X-Trace': '1' } }],
  ['post', 'api/items', { json: { name: 'a' } }],
  ['post', 'api/items', { body: JSON.stringify({ name: 'a' }) }],
  ['put', 'api/items/1', { body: 'x' }],
  ['delete', 'api/items/1', {}],
  ['get', 'api/items', { headers: { Authorization: 'Bearer t' } }],
  ['patch', 'api/items/1', { json: { name: 'b' } }],
  ['get', 'api/items', { headers: { Accept: 'application/json' } }],
  ['post', 'api/items', { body: new Blob(['{}'], { type: 'application/json' }) }],
  ['head', 'api/items', {}],
  ['get', 'api/items', { headers: { 'Content-Language': 'en_US' } }],
];
let predictedPreflights = 0;
const results = [];
for (let round = 0; round < 3; round++) {
  for (const [i, [method, url, options]] of calls.entries()) {
    const response = await api[method](url, { ...options, searchParams: { call: round * 100 + i } });
    const prediction = getPrediction(response);
    if (prediction.preflight) predictedPreflights++;
    results.push(prediction.kind);
  }
}
let diagnosed = null;
try {
  await api.get('broken', { headers: { 'X-Token': 't' } });
} catch (error) {
  diagnosed = isCorsError(error) ? { name: error.name, causes: error.causes.map((c) => c.code), message: error.message } : { name: error.name, message: error.message };
}
let strict = null;
try {
  await api.extend({ cors: 'strict' }).put('api/strict', { headers: { 'X-Token': 't' } });
} catch (error) {
  strict = isCorsPolicyError(error);
}
await fetch('/results', { method: 'POST', body: JSON.stringify({ predictedPreflights, results, warnings, diagnosed, strict }) });
`;

beforeAll(async () => {
  page = await createRecordingServer();
  api = await createRecordingServer();
  serveModules(page);
  // A misconfigured endpoint: the preflight allows the origin but lists no headers.
  api.route('/broken', (request) => ({
    status: request.method === 'OPTIONS' ? 204 : 200,
    headers: { 'Access-Control-Allow-Origin': headerValue(request, 'origin') ?? '*' },
    body: '',
  }));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([page?.close(), api?.close()]);
});

describe('the client in real Chromium', () => {
  it("predicts exactly the OPTIONS the browser sends, diagnoses a blocked call, and strict mode sends nothing", async () => {
    let deliver: (value: string) => void = () => undefined;
    const delivered = new Promise<string>((resolve) => (deliver = resolve));
    page.route('/session.html', () => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: `<!doctype html>${IMPORT_MAP}<script type="module">${SESSION}</script>` }));
    page.route('/results', (request) => {
      deliver(request.body.toString('utf8'));
      return { status: 204 };
    });
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${page.origin}/session.html?api=${encodeURIComponent(api.origin)}`);
    const outcome = JSON.parse(await delivered) as { predictedPreflights: number; results: string[]; warnings: string[]; diagnosed: { name: string; causes: string[] } | null; strict: boolean };
    const optionsSeen = api.recordsUnder('/api/').filter((record) => record.method === 'OPTIONS').length;
    console.log(`SPA session: ${outcome.results.length} calls, predicted preflights ${outcome.predictedPreflights}, OPTIONS seen by the API ${optionsSeen}, warnings ${outcome.warnings.length}`);
    expect(errors).toEqual([]);
    expect(outcome.predictedPreflights).toBe(optionsSeen);
    expect(optionsSeen).toBeGreaterThan(0);
    expect(outcome.warnings.length).toBeLessThanOrEqual(12);
    expect(outcome.diagnosed).toMatchObject({ name: 'CorsError' });
    expect(outcome.diagnosed?.causes.slice(0, 2)).toEqual(['preflight_rejected', 'header_not_allowed']);
    expect(outcome.strict).toBe(true);
    expect(api.recordsUnder('/api/strict')).toHaveLength(0);
  });

  it('names every malformed call with a RequestInputError before anything is sent, as it does in Node', async () => {
    let deliver: (value: string) => void = () => undefined;
    const delivered = new Promise<string>((resolve) => (deliver = resolve));
    const script = `
      import { createClient, isRequestInputError } from '/src/index.js';
      const origin = new URLSearchParams(location.search).get('api');
      const api = createClient({ baseUrl: origin, retry: 0, onWarning: () => {} });
      // Chromium's own TypeError ("Failed to construct 'Request'") must become the typed error, thrown at once as ky does.
      const refusal = (call) => {
        try { call(); return 'nothing thrown'; } catch (error) { return isRequestInputError(error) ? error.reasons.map((r) => r.code).join(',') : error.name + ': ' + error.message; }
      };
      const outcome = {
        crlf: refusal(() => api.get('malformed/crlf', { headers: { 'X-A': 'a\\r\\nInjected: 1' } })),
        nul: refusal(() => api.get('malformed/nul', { headers: { 'X-A': 'a\\0b' } })),
        aboveLatin1: refusal(() => api.get('malformed/euro', { headers: { 'X-A': '€' } })),
        name: refusal(() => api.get('malformed/name', { headers: { 'X A': '1' } })),
        // (Chromium's URL parser accepts a space in a host, 'http://exa mple.com/'; an unclosed IPv6 host fails everywhere.)
        url: refusal(() => api.get('http://[::1/')),
        credentials: refusal(() => api.get(origin.replace('//', '//user:secret@') + '/malformed/credentials')),
        getBody: refusal(() => api.get('malformed/body', { body: 'x' })),
        explainTrace: (await api.explain('malformed/trace', { method: 'TRACE' })).reasons.map((r) => r.code).join(','),
        trimmed: (await api.get('malformed/trimmed', { headers: { Authorization: 'Bearer t\\n' } })).status,
      };
      await fetch('/results-malformed', { method: 'POST', body: JSON.stringify(outcome) });`;
    page.route('/malformed.html', () => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: `<!doctype html>${IMPORT_MAP}<script type="module">${script}</script>` }));
    page.route('/results-malformed', (request) => {
      deliver(request.body.toString('utf8'));
      return { status: 204 };
    });
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${page.origin}/malformed.html?api=${encodeURIComponent(api.origin)}`);
    const outcome = JSON.parse(await delivered) as Record<string, string | number>;
    expect(errors).toEqual([]);
    expect(outcome).toEqual({
      crlf: 'invalid_header_value',
      nul: 'invalid_header_value',
      aboveLatin1: 'invalid_header_value',
      name: 'invalid_header_name',
      url: 'invalid_url',
      credentials: 'url_has_credentials',
      getBody: 'body_not_allowed',
      explainTrace: 'forbidden_method',
      trimmed: 200,
    });
    // Only the well-formed call reached the API (its preflight, then the GET with the value trimmed).
    const seen = api.recordsUnder('/malformed/');
    expect(seen.map((record) => `${record.method} ${record.path.split('?')[0] ?? ''}`)).toEqual(['OPTIONS /malformed/trimmed', 'GET /malformed/trimmed']);
    expect(headerValue(seen[1]!, 'authorization')).toBe('Bearer t');
  });

  it('sends the cookie only where the credentials policy allows it (a real cookie, observed on the servers)', async () => {
    const other = await createRecordingServer();
    try {
      let deliver: (value: string) => void = () => undefined;
      const delivered = new Promise<string>((resolve) => (deliver = resolve));
      const script = `
        import { createClient, isCredentialsPolicyError } from '/src/index.js';
        document.cookie = 'sid=s3cret; SameSite=Lax; path=/';
        const q = new URLSearchParams(location.search);
        const api = createClient({ retry: 0, credentials: { include: [q.get('api')], otherwise: 'omit' } });
        await api.get(q.get('api') + '/cookie/allowlisted');
        await api.get(q.get('other') + '/cookie/other');
        let refused = false;
        try { await api.get(q.get('other') + '/cookie/asked', { credentials: 'include' }); } catch (error) { refused = isCredentialsPolicyError(error); }
        // Without crosswise the browser would send it: proves the observation can see a leak.
        await fetch(q.get('other') + '/cookie/plain-fetch', { credentials: 'include' });
        await fetch('/results2', { method: 'POST', body: JSON.stringify({ refused }) });`;
      page.route('/cookies.html', () => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: `<!doctype html>${IMPORT_MAP}<script type="module">${script}</script>` }));
      page.route('/results2', (request) => {
        deliver(request.body.toString('utf8'));
        return { status: 204 };
      });
      const tab = await browser.newPage();
      await tab.goto(`${page.origin}/cookies.html?api=${encodeURIComponent(api.origin)}&other=${encodeURIComponent(other.origin)}`);
      const { refused } = JSON.parse(await delivered) as { refused: boolean };
      const cookieOf = (server: RecordingServer, at: string): string | null => {
        const record = server.recordsUnder(at).find((entry) => entry.method === 'GET');
        return record === undefined ? 'not sent' : headerValue(record, 'cookie');
      };
      const seen = { allowlisted: cookieOf(api, '/cookie/allowlisted'), other: cookieOf(other, '/cookie/other'), asked: cookieOf(other, '/cookie/asked'), plainFetch: cookieOf(other, '/cookie/plain-fetch') };
      console.log(`cookies seen by the servers: ${JSON.stringify(seen)}`);
      expect(seen).toEqual({ allowlisted: 'sid=s3cret', other: null, asked: 'not sent', plainFetch: 'sid=s3cret' });
      expect(refused).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("stats() counts exactly the OPTIONS Chromium's preflight cache lets through", async () => {
    api.route('/cached', (request) => {
      const origin = headerValue(request, 'origin') ?? '*';
      if (request.method !== 'OPTIONS') return { status: 200, headers: { 'Access-Control-Allow-Origin': origin }, body: 'ok' };
      return {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': headerValue(request, 'access-control-request-method') ?? '',
          'Access-Control-Allow-Headers': headerValue(request, 'access-control-request-headers') ?? '',
          'Access-Control-Max-Age': '60',
        },
      };
    });
    let deliver: (value: string) => void = () => undefined;
    const delivered = new Promise<string>((resolve) => (deliver = resolve));
    const script = `
      import { createClient } from '/src/index.js';
      const q = new URLSearchParams(location.search);
      const api = createClient({ baseUrl: q.get('api'), retry: 0, preflightMaxAge: 60, onWarning: () => {} });
      for (let i = 0; i < 4; i++) await api.put('cached', { body: 'x', headers: { 'X-A': '1' } });
      for (let i = 0; i < 2; i++) await api.put('cached', { body: 'x', headers: { 'X-A': '1', 'X-B': '2' } });
      for (let i = 0; i < 2; i++) await api.delete('cached');
      await fetch('/results3', { method: 'POST', body: JSON.stringify(api.stats()) });`;
    page.route('/cache.html', () => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: `<!doctype html>${IMPORT_MAP}<script type="module">${script}</script>` }));
    page.route('/results3', (request) => {
      deliver(request.body.toString('utf8'));
      return { status: 204 };
    });
    const tab = await browser.newPage();
    await tab.goto(`${page.origin}/cache.html?api=${encodeURIComponent(api.origin)}`);
    const stats = JSON.parse(await delivered) as { calls: number; optionsRoundTrips: number };
    const optionsSeen = api.recordsUnder('/cached').filter((record) => record.method === 'OPTIONS').length;
    console.log(`preflight cache: ${stats.calls} preflighted calls, stats() predicts ${stats.optionsRoundTrips} OPTIONS, Chromium sent ${optionsSeen}`);
    expect(stats.optionsRoundTrips).toBe(optionsSeen);
    expect(optionsSeen).toBe(3);
  });

  it('minimize: the same session sends one OPTIONS per non-simple call with plain ky, none with crosswise', async () => {
    let deliver: (value: string) => void = () => undefined;
    const delivered = new Promise<string>((resolve) => (deliver = resolve));
    const script = `
      import ky from 'ky';
      import { createClient } from '/src/index.js';
      const q = new URLSearchParams(location.search);
      const session = async (client, prefix) => {
        for (let i = 0; i < 3; i++) {
          await client.post(prefix + '/items', { json: { i }, searchParams: { i } });
          await client.put(prefix + '/items/' + i, { json: { i } });
          await client.delete(prefix + '/items/' + i);
          await client.get(prefix + '/items', { headers: { 'X-API-Key': 'k' }, searchParams: { i } });
          await client.get(prefix + '/items', { searchParams: { plain: i } });
        }
      };
      await session(ky.create({ prefix: q.get('api'), retry: 0 }), 'plain');
      const lean = createClient({ baseUrl: q.get('api'), retry: 0, onWarning: () => {},
        minimize: { jsonAsText: true, headersToQuery: { 'X-API-Key': 'api_key' }, methodOverride: '_method' } });
      await session(lean, 'lean');
      await fetch('/results4', { method: 'POST', body: '{}' });`;
    page.route('/minimize.html', () => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: `<!doctype html>${IMPORT_MAP}<script type="module">${script}</script>` }));
    page.route('/results4', () => {
      deliver('');
      return { status: 204 };
    });
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${page.origin}/minimize.html?api=${encodeURIComponent(api.origin)}`);
    await delivered;
    const options = (prefix: string): number => api.recordsUnder(prefix).filter((record) => record.method === 'OPTIONS').length;
    console.log(`minimize: plain ky sent ${options('/plain/')} OPTIONS for 15 calls; crosswise with minimize sent ${options('/lean/')}`);
    expect(errors).toEqual([]);
    expect(options('/plain/')).toBe(12);
    expect(options('/lean/')).toBe(0);
    expect(api.recordsUnder('/lean/').filter((record) => record.method === 'POST')).toHaveLength(9);
  });
});
