import { expect } from 'vitest';
import { serveJsonp } from '../helpers/jsonp-endpoint.js';
import { headerValue, type RecordedRequest, type RecordingServer } from '../helpers/recording-server.js';
import { runReportingPage } from '../helpers/reporting-page.js';

// A page the browser sandboxes (CSP `sandbox allow-scripts`, as a sandboxed iframe) has the opaque origin 'null': the
// browser sends every call cross-origin with `Origin: null`, even to the server the page came from, while its
// location.origin still names that server. The client finds the origin itself here (no `origin` option) and must
// agree with the browser on every path. Run in Chromium (opaque-origin.browser.test.ts), Firefox and WebKit
// (opaque-origin.engines.test.ts).

const MODULE = `
  import { createClient, getPrediction, getRewrites, getTransport, isCredentialsPolicyError, credentialsPolicy, jsonpTransport, minimizePreflights, sessionStats } from '/src/index.js';
  import { createFetch } from '/src/fetch/index.js';
  const query = new URLSearchParams(location.search);
  const own = query.get('own');
  const api = query.get('api');
  const id = query.get('id');
  const warnings = [];
  // A note (a rewrite applied) has no reasons; a warning names the kind it warns about.
  const onWarning = (warning) => warnings.push(warning.reasons.length === 0 ? 'note: ' + warning.message.split(': ')[1] : warning.prediction.kind);
  const client = createClient({
    retry: 0,
    onWarning,
    minimize: minimizePreflights({ dropHeaders: ['x-trace'] }),
    credentials: credentialsPolicy({ include: [api] }),
    jsonp: jsonpTransport({ origins: [own], timeout: 5000 }),
    stats: sessionStats(),
  });
  // location.origin is the URL's origin ('http://127.0.0.1:…'); the sandboxed document's own is self.origin.
  const outcome = { origin: self.origin, locationOrigin: location.origin === own };
  const minimized = await client.get(own + '/opaque/' + id + '/minimized', { headers: { 'X-Trace': '1' } });
  outcome.minimized = [getPrediction(minimized).kind, getPrediction(minimized).origin, getRewrites(minimized).length];
  const apiFetch = createFetch({ onWarning: () => {}, minimize: minimizePreflights({ dropHeaders: ['x-trace'] }) });
  const fetched = await apiFetch(own + '/opaque/' + id + '/fetched', { headers: { 'X-Trace': '1' } });
  outcome.fetched = [fetched.status, getPrediction(fetched).kind];
  outcome.credentials = await client.get(own + '/opaque/' + id + '/credentials', { credentials: 'include' }).then(
    () => 'sent',
    (error) => (isCredentialsPolicyError(error) ? error.code : String(error)),
  );
  const put = await client.put(api + '/opaque/' + id + '/put', { headers: { 'X-Custom': '1' } });
  outcome.put = [put.status, getPrediction(put).kind];
  // A script tag sends the cookies of the page's own server, which the policy now keeps from it: refused, unless accepted.
  outcome.jsonpCookies = await client.get(own + '/opaque/' + id + '/legacy', { fallback: 'jsonp' }).then(
    () => 'sent',
    (error) => (isCredentialsPolicyError(error) ? error.code : String(error)),
  );
  const legacyClient = createClient({ retry: 0, onWarning, jsonp: jsonpTransport({ origins: [own], timeout: 5000 }) });
  const legacy = await legacyClient.get(own + '/opaque/' + id + '/legacy', { fallback: 'jsonp' });
  outcome.legacy = [getTransport(legacy), await legacy.json()];
  const stats = client.stats().endpoints['GET ' + own + '/opaque/' + id + '/minimized'];
  outcome.stats = [stats.pageOrigin, stats.kinds['same-origin'], stats.kinds.simple];
  outcome.warnings = warnings;
  report(outcome);`;

/** Runs the session in a sandboxed page on `page` and checks what the client said against what the servers received. */
export async function expectOpaqueOriginSession(
  { page, api }: { page: RecordingServer; api: RecordingServer },
  open: (url: string) => Promise<void>,
): Promise<void> {
  const id = Math.random().toString(36).slice(2);
  // No CORS headers: fetch fails on CORS, and only the JSONP fallback can read it.
  serveJsonp(page, `/opaque/${id}/legacy`);
  const { result, errors } = await runReportingPage<Record<string, unknown>>(page, open, {
    module: MODULE,
    csp: 'sandbox allow-scripts',
    query: { own: page.origin, api: api.origin, id },
  });
  expect(errors).toEqual([]);
  expect(result).toEqual({
    origin: 'null',
    locationOrigin: true,
    minimized: ['simple', 'null', 1],
    fetched: [200, 'simple'],
    credentials: 'not_allowlisted',
    put: [200, 'preflight'],
    jsonpCookies: 'jsonp_sends_cookies',
    legacy: ['jsonp', { ok: true }],
    stats: ['null', 0, 1],
    warnings: ['note: dropped x-trace (minimize.dropHeaders)', 'preflight'],
  });
  // The browser agrees: each call to the page's own server carried Origin: null, with the dropped header gone.
  const own = page.recordsUnder(`/opaque/${id}/`);
  const line = (sent: RecordedRequest): string =>
    `${sent.method} ${sent.path.split('?')[0]} Origin: ${headerValue(sent, 'origin') ?? '-'} X-Trace: ${headerValue(sent, 'x-trace') ?? '-'}`;
  expect(own.map(line)).toEqual([
    `GET /opaque/${id}/minimized Origin: null X-Trace: -`,
    `GET /opaque/${id}/fetched Origin: null X-Trace: -`,
    `GET /opaque/${id}/legacy Origin: null X-Trace: -`, // the fetch, refused by CORS
    `GET /opaque/${id}/legacy Origin: - X-Trace: -`, // the script tag (no-cors: no Origin)
  ]);
  expect(api.recordsUnder(`/opaque/${id}/`).map((sent) => `${sent.method} ${headerValue(sent, 'origin')}`)).toEqual([
    'OPTIONS null',
    'PUT null',
  ]);
}
