import { expect } from 'vitest';
import type { BrowserEngine } from '../conformance/observe.js';
import { headerValue, type RecordedRequest, type RecordingServer } from '../helpers/recording-server.js';
import { runReportingPage } from '../helpers/reporting-page.js';

// One scripted SPA session, run in every engine: the page (one origin) calls an API (another origin) through the
// client, predicting with the engine it detects; every preflight predicted must be an OPTIONS the API saw, with the
// Access-Control-Request-Headers predicted, and no other. Every call has its own URL: browsers cache preflights.
const SESSION = `
import { createClient, diagnosis, getPrediction, isCorsError, isCorsPolicyError } from '/src/index.js';
const warnings = [];
const api = createClient({ baseUrl: new URLSearchParams(location.search).get('api'), retry: 0, onWarning: (w) => warnings.push(w.message), diagnose: diagnosis() });
const calls = [
  ['get', 'items', {}],
  ['get', 'items', { headers: { 'X-Trace': '1' } }],
  ['post', 'items', { json: { name: 'a' } }],
  ['post', 'items', { body: JSON.stringify({ name: 'a' }) }],
  ['put', 'items/1', { body: 'x' }],
  ['delete', 'items/1', {}],
  ['get', 'items', { headers: { Authorization: 'Bearer t' } }],
  ['patch', 'items/1', { json: { name: 'b' } }],
  ['get', 'items', { headers: { Accept: 'application/json' } }],
  ['post', 'items', { body: new Blob(['{}'], { type: 'application/json' }) }],
  ['head', 'items', {}],
  ['get', 'items', { headers: { 'Content-Language': 'en_US' } }],
  // Where the engines part ways (docs/engines.md): each engine's profile must decide these as the browser does.
  ['get', 'items', { headers: { DPR: '2' } }],
  ['get', 'items', { headers: { 'User-Agent': 'crosswise-e2e' } }],
  ['get', 'items', { headers: { Accept: 'text/\\u00e9' } }],
  ['post', 'items', { body: 'x', headers: { 'Content-Type': 'text/plain;charset=\\u00e9' } }],
  ['get', 'items', { headers: { Range: 'Bytes=0-1' } }],
  // ky merges headers through a Headers object: a repeated name reaches fetch as one combined entry in every engine.
  ['get', 'items', { headers: [['X-A', '1'], ['X-A', '2']] }],
  ['get', 'items', { headers: [['Accept', 'a'.repeat(100)], ['Accept', 'b'.repeat(100)]] }],
];
const results = [];
for (let round = 0; round < 3; round++) {
  for (const [i, [method, path, options]] of calls.entries()) {
    const id = round + '-' + i;
    const prediction = getPrediction(await api[method]('api/' + id + '/' + path, options));
    const call = method.toUpperCase() + ' ' + path + ' ' + JSON.stringify(options.headers ?? {});
    results.push({ id, call, engine: prediction.engine, preflight: prediction.preflight, unsafeHeaders: prediction.unsafeHeaders });
  }
}
let diagnosed = null;
try {
  await api.get('broken', { headers: { 'X-Token': 't' } });
} catch (error) {
  diagnosed = isCorsError(error) ? { name: error.name, causes: error.causes.map((c) => ({ code: c.code, message: c.message })) } : { name: error.name, message: error.message };
}
// Without the diagnosis plugin: still a CorsError (the browser's network failure of a cross-origin call), with no ranked causes.
let bare = null;
try {
  await createClient({ baseUrl: new URLSearchParams(location.search).get('api'), retry: 0, onWarning: () => {} }).get('bare', { headers: { 'X-Token': 't' } });
} catch (error) {
  bare = { name: error.name, causes: isCorsError(error) ? error.causes.length : null, kind: error.prediction?.kind };
}
let strict = null;
try {
  await api.extend({ cors: 'strict' }).put('api/strict', { headers: { 'X-Token': 't' } });
} catch (error) {
  strict = isCorsPolicyError(error);
}
report({ calls: calls.length, results, warnings, diagnosed, bare, strict });
`;

interface SessionOutcome {
  calls: number;
  results: { id: string; call: string; engine: string; preflight: boolean; unsafeHeaders: string[] }[];
  warnings: string[];
  diagnosed: { name: string; causes?: { code: string; message: string }[]; message?: string } | null;
  bare: { name: string; causes: number | null; kind: string } | null;
  strict: boolean | null;
}

export interface SessionCounts {
  calls: number;
  predictedPreflights: number;
  optionsSeen: number;
  warnings: number;
}

/** Runs the session in the page `open` shows and checks it against what `api` saw; prints and returns the counts. */
export async function expectSpaSession(
  servers: { page: RecordingServer; api: RecordingServer },
  open: (url: string) => Promise<void>,
  engine: BrowserEngine,
  label: string,
): Promise<SessionCounts> {
  const { page, api } = servers;
  // A misconfigured endpoint: the preflight allows the origin but lists no headers.
  const broken = (request: RecordedRequest) => ({
    status: request.method === 'OPTIONS' ? 204 : 200,
    headers: { 'Access-Control-Allow-Origin': headerValue(request, 'origin') ?? '*' },
    body: '',
  });
  api.route('/broken', broken);
  api.route('/bare', broken);
  const { result: outcome, errors } = await runReportingPage<SessionOutcome>(page, open, { module: SESSION, query: { api: api.origin } });
  const rows = outcome.results.map((row) => {
    const options = api.recordsUnder(`/api/${row.id}/`).filter((record) => record.method === 'OPTIONS');
    return {
      ...row,
      optionsSeen: options.length,
      requestHeaders: options[0] === undefined ? null : headerValue(options[0], 'access-control-request-headers'),
    };
  });
  const counts: SessionCounts = {
    calls: rows.length,
    predictedPreflights: rows.filter((row) => row.preflight).length,
    optionsSeen: rows.reduce((sum, row) => sum + row.optionsSeen, 0),
    warnings: outcome.warnings.length,
  };
  // The exact number of warnings, from what the API saw: the client warns once per distinct preflight cause (method,
  // unsafe header list, codes), and both are what an OPTIONS carries: one warning per distinct
  // (Access-Control-Request-Method, Access-Control-Request-Headers) pair among the session's OPTIONS, /broken included.
  const preflightKinds = new Set(
    api.records
      .filter((record) => record.method === 'OPTIONS' && (record.path.startsWith('/api/') || record.path.startsWith('/broken')))
      .map(
        (record) =>
          `${headerValue(record, 'access-control-request-method') ?? ''} ${headerValue(record, 'access-control-request-headers') ?? ''}`,
      ),
  );
  console.log(
    `${label}: SPA session of ${counts.calls} calls, predicted preflights ${counts.predictedPreflights}, OPTIONS seen by the API ${counts.optionsSeen}, warnings ${counts.warnings}, distinct preflights seen ${preflightKinds.size}`,
  );
  const misses = rows
    .filter(
      (row) =>
        row.engine !== engine ||
        Number(row.preflight) !== row.optionsSeen ||
        (row.preflight && row.unsafeHeaders.join(',') !== (row.requestHeaders ?? '')),
    )
    .map(
      (row) =>
        `${label} ${row.id} ${row.call}: predicted (${row.engine}) ${row.preflight ? `preflight ${row.unsafeHeaders.join(',')}` : 'no preflight'}; the API saw ${row.optionsSeen} OPTIONS ${row.requestHeaders ?? ''}`,
    );
  expect(errors).toEqual([]);
  expect(misses).toEqual([]);
  expect(counts.predictedPreflights).toBe(counts.optionsSeen);
  expect(counts.optionsSeen).toBeGreaterThan(0);
  expect(counts.warnings).toBe(preflightKinds.size);
  // The blocked call, from the API's side: one OPTIONS asking for x-token, answered without Access-Control-Allow-Headers,
  // and no GET. The diagnosis must name the header the browser asked for among its causes (in whatever order it ranks them).
  const brokenRecords = api.recordsUnder('/broken');
  expect(brokenRecords.map((record) => `${record.method} ${headerValue(record, 'access-control-request-headers') ?? ''}`)).toEqual([
    'OPTIONS x-token',
  ]);
  expect(outcome.diagnosed).toMatchObject({ name: 'CorsError' });
  expect(outcome.diagnosed?.causes).toContainEqual({ code: 'header_not_allowed', message: expect.stringContaining('x-token') });
  expect(outcome.bare).toEqual({ name: 'CorsError', causes: 0, kind: 'preflight' });
  expect(outcome.strict).toBe(true);
  expect(api.recordsUnder('/api/strict')).toHaveLength(0);
  return counts;
}
