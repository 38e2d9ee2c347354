import { randomUUID } from 'node:crypto';
import { createRecordingServer, type RecordedRequest, type Reply } from '../helpers/recording-server.js';
import type { EngineDriver } from './engines/driver.js';
import type { BrowserEngine } from './observe.js';
import { buildResponseCases, type Answer, type HeaderLines, type ResponseCase } from './response-cases.js';

// Runs the response matrix in one real engine: a page on one loopback origin fetches each case from an API server
// on another, which answers from the spec carried in the case's own URL (unique per run: browsers cache preflights).

/** What one engine did with one case. */
export interface ResponseObservation {
  id: string;
  /** fetch() resolved: the page got the response. */
  ok: boolean;
  /** The response header names the page could read (lower-case, sorted), when ok. */
  readable: string[];
  /** An OPTIONS for this case reached the server. */
  preflightSent: boolean;
  /** The request itself reached the server. */
  actualSent: boolean;
  error?: string;
}

export interface ResponseRun {
  engine: BrowserEngine;
  browserVersion: string;
  pageOrigin: string;
  cases: ResponseCase[];
  observations: Map<string, ResponseObservation>;
  /** The header lines the server sent for each case's actual response (what the page's filter starts from). */
  sentHeaders: Map<string, HeaderLines>;
  ms: number;
}

interface PageResult {
  id: string;
  ok: boolean;
  readable: string[];
  error?: string;
}

/** The preflight answer of a case that names none, and where a redirected preflight lands. */
export const PERMISSIVE: Answer = {
  status: 204,
  headers: [
    ['Access-Control-Allow-Origin', '*'],
    ['Access-Control-Allow-Methods', 'PUT, POST'],
    ['Access-Control-Allow-Headers', 'x-key, x-other, authorization'],
  ],
};

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>crosswise response conformance</title>
<script type="module">
const cases = await (await fetch('/cases.json')).json();
async function run(item) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 8000);
  try {
    const response = await fetch(item.url, { ...item.init, signal: controller.signal });
    await response.arrayBuffer().catch(() => undefined);
    return { id: item.id, ok: true, readable: [...response.headers.keys()].sort() };
  } catch (error) {
    return { id: item.id, ok: false, readable: [], error: controller.signal.aborted ? 'Timeout' : error.name + ': ' + error.message };
  } finally {
    clearTimeout(timer);
  }
}
const results = [];
let next = 0;
await Promise.all(Array.from({ length: 6 }, async () => {
  while (next < cases.length) results.push(await run(cases[next++]));
}));
await fetch('/results', { method: 'POST', body: JSON.stringify(results) });
document.title = 'done';
</script>`;

/** The case URL's spec: the two answers, base64url JSON, so the API server needs no state to answer. */
const encode = (item: ResponseCase): string =>
  Buffer.from(JSON.stringify({ preflight: item.preflight, response: item.response })).toString('base64url');

// The recording server adds exactly these two lines to every answer: the page's filter starts from all of them.
const withFraming = (answer: Answer, body: string): HeaderLines => [
  ...answer.headers,
  ['Content-Length', String(Buffer.byteLength(body))],
  ['Connection', 'keep-alive'],
];

function answerFor(request: RecordedRequest): Reply {
  const spec = JSON.parse(Buffer.from(new URL(request.path, 'http://x').searchParams.get('s') ?? '', 'base64url').toString('utf8')) as {
    preflight?: Answer;
    response: Answer;
  };
  if (request.method !== 'OPTIONS') return { status: spec.response.status, headers: spec.response.headers, body: 'ok' };
  const answer = spec.preflight ?? PERMISSIVE;
  const redirect = answer.status >= 300 && answer.status < 400;
  return { status: answer.status, headers: redirect ? [...answer.headers, ['Location', '/permissive']] : answer.headers };
}

/** Runs every case in a real engine and reports what the page saw and what reached the server. */
export async function observeResponses(launch: () => Promise<EngineDriver>, timeoutMs = 120_000): Promise<ResponseRun> {
  const run = randomUUID().slice(0, 8);
  const [page, api] = await Promise.all([createRecordingServer(), createRecordingServer()]);
  let driver: EngineDriver | undefined;
  try {
    const cases = buildResponseCases(page.origin);
    const items = cases.map((item) => ({ id: item.id, url: `${api.origin}/r/${run}/${item.id}?s=${encode(item)}`, init: item.request }));
    let deliver: (results: PageResult[]) => void = () => undefined;
    const delivered = new Promise<PageResult[]>((resolve) => (deliver = resolve));
    api.routePrefix('/r/', answerFor);
    api.route('/permissive', () => PERMISSIVE);
    page.route('/page.html', () => ({
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
      body: PAGE,
    }));
    page.route('/cases.json', () => ({
      status: 200,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
      body: JSON.stringify(items),
    }));
    page.route('/results', (request) => {
      deliver(JSON.parse(request.body.toString('utf8')) as PageResult[]);
      return { status: 204 };
    });
    page.route('/favicon.ico', () => ({ status: 404 }));

    const started = Date.now();
    driver = await launch();
    await driver.open(`${page.origin}/page.html`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${driver?.engine}: the page reported no results within ${timeoutMs} ms`)), timeoutMs);
    });
    const results = await Promise.race([delivered, timeout]).finally(() => clearTimeout(timer));
    const ms = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200)); // stragglers: a request may land after fetch settled
    const observations = new Map<string, ResponseObservation>();
    for (const result of results) {
      const records = api.recordsUnder(`/r/${run}/${result.id}?`);
      observations.set(result.id, {
        id: result.id,
        ok: result.ok,
        readable: result.readable,
        preflightSent: records.some((record) => record.method === 'OPTIONS'),
        actualSent: records.some((record) => record.method !== 'OPTIONS'),
        ...(result.error === undefined ? {} : { error: result.error }),
      });
    }
    const sentHeaders = new Map(cases.map((item): [string, HeaderLines] => [item.id, withFraming(item.response, 'ok')]));
    return { engine: driver.engine, browserVersion: driver.version, pageOrigin: page.origin, cases, observations, sentHeaders, ms };
  } finally {
    await driver?.close().catch(() => undefined);
    await Promise.all([page.close(), api.close()]);
  }
}
