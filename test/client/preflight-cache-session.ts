import { expect } from 'vitest';
import type { BrowserEngine } from '../conformance/observe.js';
import { headerValue, type RecordingServer } from '../helpers/recording-server.js';
import { runReportingPage } from '../helpers/reporting-page.js';

// Preflighted calls to one URL whose preflight may be cached for 60 s: `stats()` must predict the OPTIONS the
// browser's preflight cache lets through.
const SESSION = `
import { createClient, sessionStats } from '/src/index.js';
const q = new URLSearchParams(location.search);
const api = createClient({ baseUrl: q.get('api'), retry: 0, stats: sessionStats({ preflightMaxAge: 60 }), onWarning: () => {} });
const path = q.get('path');
for (let i = 0; i < 4; i++) await api.put(path, { body: 'x', headers: { 'X-A': '1' } });
for (let i = 0; i < 2; i++) await api.put(path, { body: 'x', headers: { 'X-A': '1', 'X-B': '2' } });
for (let i = 0; i < 2; i++) await api.delete(path);
report(api.stats());
`;

// What the API sees for that session when the browser's cache holds every preflight for its Max-Age: one OPTIONS per
// distinct (method, header list), then the calls it covers.
const CACHED_SEQUENCE = [
  'OPTIONS(PUT x-a)',
  'PUT',
  'PUT',
  'PUT',
  'PUT',
  'OPTIONS(PUT x-a,x-b)',
  'PUT',
  'PUT',
  'OPTIONS(DELETE )',
  'DELETE',
  'DELETE',
];

// Firefox drops a cached preflight whose host has a DNS record newer than the entry (CheckDNSCache in
// netwerk/protocol/http/nsCORSListenerProxy.cpp). For an IP-literal host the first lookups make those records after
// the first entry was stored, so that entry is dropped once: the second call sends its OPTIONS again. Measured in
// Firefox 153.8 ESR, in this order (the host name first, then the literal, one browser): exactly one more OPTIONS,
// right after the first call, in six runs out of six. Not modelled by stats().
const IP_LITERAL_SEQUENCE: Readonly<Record<BrowserEngine, readonly string[]>> = {
  chromium: CACHED_SEQUENCE,
  firefox: ['OPTIONS(PUT x-a)', 'PUT', 'OPTIONS(PUT x-a)', ...CACHED_SEQUENCE.slice(2)],
  webkit: CACHED_SEQUENCE,
};

async function measure(
  servers: { page: RecordingServer; api: RecordingServer },
  open: (url: string) => Promise<void>,
  host: string,
  label: string,
): Promise<{ predicted: number; seen: number; sequence: string[] }> {
  const { page, api } = servers;
  const path = `/cached/${host}`;
  api.route(path, (request) => {
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
  const base = `http://${host}:${api.port}`;
  const { result: stats, errors } = await runReportingPage<{ calls: number; optionsRoundTrips: number }>(page, open, {
    module: SESSION,
    query: { api: base, path: path.slice(1) },
  });
  expect(errors).toEqual([]);
  const sequence = api
    .recordsUnder(path)
    .map((record) =>
      record.method === 'OPTIONS'
        ? `OPTIONS(${headerValue(record, 'access-control-request-method') ?? ''} ${headerValue(record, 'access-control-request-headers') ?? ''})`
        : record.method,
    );
  const seen = sequence.filter((entry) => entry.startsWith('OPTIONS')).length;
  console.log(
    `${label} preflight cache, API at ${base}: ${stats.calls} preflighted calls, stats() predicts ${stats.optionsRoundTrips} OPTIONS, the browser sent ${seen}: ${sequence.join(' ')}`,
  );
  return { predicted: stats.optionsRoundTrips, seen, sequence };
}

/** The session against the API by host name (every engine as modelled), then by IP literal (Firefox's DNS check may add OPTIONS). */
export async function expectPreflightCacheStats(
  servers: { page: RecordingServer; api: RecordingServer },
  open: (url: string) => Promise<void>,
  engine: BrowserEngine,
  label: string,
): Promise<void> {
  const named = await measure(servers, open, 'localhost', label);
  expect(named.sequence).toEqual(CACHED_SEQUENCE);
  expect(named.predicted).toBe(named.seen);
  const literal = await measure(servers, open, '127.0.0.1', label);
  expect(literal.sequence).toEqual(IP_LITERAL_SEQUENCE[engine]);
  expect(literal.predicted).toBe(3);
}
