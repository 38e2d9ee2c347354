import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { CorsKind, Engine } from '../../src/cors/index.js';
import { createRecordingServer, headerValue, type RecordedRequest } from '../helpers/recording-server.js';
import type { EngineDriver } from './engines/driver.js';
import type { Shape } from './fetch-args.js';
import { HARNESS_HTML } from './harness-page.js';

export type BrowserEngine = 'chromium' | 'firefox' | 'webkit';

/**
 * How one probe ended, as the page and the servers saw it:
 * - `response`: fetch resolved;
 * - `refused`: the Request constructor threw, or fetch rejected before the harness's timer and nothing for the URL
 *   reached a server (the browser's own refusal);
 * - `rejected-after-sending`: fetch rejected after something reached a server (a CORS failure on the wire);
 * - `timeout`: the harness aborted the fetch after its timer ran out: no verdict, a failure of the harness.
 */
export type ProbeOutcome = 'response' | 'refused' | 'rejected-after-sending' | 'timeout';

/** What one engine did with one shape, as the servers saw it. */
export interface Observation {
  id: string;
  /** An OPTIONS for this probe's URL reached a server. */
  preflight: boolean;
  accessControlRequestHeaders: string | null;
  accessControlRequestMethod: string | null;
  /** The non-OPTIONS request as received, raw. */
  actual: { method: string; headers: [string, string][] } | null;
  fetchRejected: boolean;
  requestConstructorThrew: boolean;
  errorName?: string;
  errorMessage?: string;
  outcome: ProbeOutcome;
  /** From building the arguments to fetch settling (or the harness giving up), in the page's clock. */
  elapsedMs: number;
  /** fetch (or building its arguments) failed, not by the harness's timeout, and nothing for this URL reached any server. */
  refused: boolean;
  /** predictCors run inside the page with its defaults (detected engine, location.origin), when the arguments could be built. */
  inPagePrediction?: InPagePrediction;
}

export interface InPagePrediction {
  kind: CorsKind;
  unsafeHeaders: string[];
  headers: [string, string][];
  wireHeaders?: [string, string][];
  engine: Engine;
  reasons: string[];
}

export interface ObservedRun {
  engine: BrowserEngine;
  browserVersion: string;
  userAgent: string;
  pageOrigin: string;
  otherOrigin: string;
  observations: Map<string, Observation>;
}

interface PageResult {
  id: string;
  predicted?: InPagePrediction;
  constructorThrew: boolean;
  rejected: boolean;
  /** The harness's own timer aborted the fetch. */
  timedOut: boolean;
  elapsedMs: number;
  errorName?: string;
  errorMessage?: string;
}

// Each module is transpiled alone, as the page asks for it: src/cors imports only its siblings by `./x.js`.
const transpile = (url: URL): string =>
  ts.transpileModule(readFileSync(url, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
    .outputText;
const CORS_SOURCE = new URL('../../src/cors/', import.meta.url);

function outcomeOf(result: PageResult, records: RecordedRequest[]): ProbeOutcome {
  if (result.timedOut) return 'timeout';
  if (!result.rejected) return 'response';
  return records.length === 0 ? 'refused' : 'rejected-after-sending';
}

function toObservation(result: PageResult, records: RecordedRequest[]): Observation {
  const outcome = outcomeOf(result, records);
  // A preflight is the OPTIONS carrying Access-Control-Request-Method; an OPTIONS call's own request is the actual one.
  const preflight = records.find((record) => record.method === 'OPTIONS' && headerValue(record, 'access-control-request-method') !== null);
  const actual = records.find((record) => record !== preflight);
  return {
    id: result.id,
    preflight: preflight !== undefined,
    accessControlRequestHeaders: preflight === undefined ? null : headerValue(preflight, 'access-control-request-headers'),
    accessControlRequestMethod: preflight === undefined ? null : headerValue(preflight, 'access-control-request-method'),
    actual: actual === undefined ? null : { method: actual.method, headers: actual.headers },
    fetchRejected: result.rejected,
    requestConstructorThrew: result.constructorThrew,
    ...(result.errorName === undefined ? {} : { errorName: result.errorName }),
    ...(result.errorMessage === undefined ? {} : { errorMessage: result.errorMessage }),
    outcome,
    elapsedMs: result.elapsedMs,
    refused: outcome === 'refused',
    ...(result.predicted === undefined ? {} : { inPagePrediction: result.predicted }),
  };
}

/** Runs every shape in a real engine, a page on one loopback origin calling recording servers on two. */
export async function observe(launch: () => Promise<EngineDriver>, shapes: readonly Shape[], timeoutMs = 120_000): Promise<ObservedRun> {
  const page = await createRecordingServer();
  const other = await createRecordingServer();
  let driver: EngineDriver | undefined;
  try {
    const run = randomUUID().slice(0, 8); // browsers cache preflights for 5 s: every run probes fresh URLs
    let deliver: (body: { userAgent: string; results: PageResult[] }) => void = () => undefined;
    const delivered = new Promise<{ userAgent: string; results: PageResult[] }>((resolve) => (deliver = resolve));
    const html = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
    const js = { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' };
    page.route('/harness.html', () => ({ status: 200, headers: html, body: HARNESS_HTML }));
    page.route('/fetch-args.js', () => ({ status: 200, headers: js, body: transpile(new URL('./fetch-args.ts', import.meta.url)) }));
    page.routePrefix('/cors/', (request) => {
      const name = /^\/cors\/([a-z-]+)\.js$/.exec(request.path)?.[1];
      return name === undefined ? { status: 404 } : { status: 200, headers: js, body: transpile(new URL(`${name}.ts`, CORS_SOURCE)) };
    });
    page.route('/shapes.json', () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(shapes) }));
    page.route('/results', (request) => {
      deliver(JSON.parse(request.body.toString('utf8')) as { userAgent: string; results: PageResult[] });
      return { status: 204 };
    });
    page.route('/favicon.ico', () => ({ status: 404 }));

    driver = await launch();
    await driver.open(`${page.origin}/harness.html?run=${run}&other=${encodeURIComponent(other.origin)}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${driver?.engine}: the page reported no results within ${timeoutMs} ms`)), timeoutMs);
    });
    const { userAgent, results } = await Promise.race([delivered, timeout]).finally(() => clearTimeout(timer));
    await new Promise((resolve) => setTimeout(resolve, 300)); // stragglers: a request may land after fetch settled

    const observations = new Map<string, Observation>();
    for (const result of results) {
      const path = `/probe/${run}/${result.id}`;
      const records = [...page.recordsUnder(path), ...other.recordsUnder(path)].filter((record) => record.path.split('?')[0] === path);
      observations.set(result.id, toObservation(result, records));
    }
    return {
      engine: driver.engine,
      browserVersion: driver.version,
      userAgent,
      pageOrigin: page.origin,
      otherOrigin: other.origin,
      observations,
    };
  } finally {
    await driver?.close().catch(() => undefined);
    await Promise.all([page.close(), other.close()]);
  }
}
