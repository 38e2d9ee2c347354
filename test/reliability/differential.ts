import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ts from 'typescript';
import type { CorsKind } from '../../src/cors/index.js';
import type { Shape } from '../conformance/fetch-args.js';
import type { EngineDriver } from '../conformance/engines/driver.js';
import { createRecordingServer } from '../helpers/recording-server.js';
import { DIFFERENTIAL_HTML } from './differential-page.js';
import { shapeArbitrary } from './shape-arbitrary.js';

/** What the page reports for one shape: the in-page prediction and what `new Request()` did with the same arguments. */
export interface CaseResult {
  id: string;
  buildError?: string;
  predicted?: { kind: CorsKind; constructorRefusal: boolean; codes: string[]; messages: string[]; headers: [string, string][] };
  threw: string | null;
  headers: [string, string][] | null;
}

export interface DifferentialReport {
  browserVersion: string;
  seed: number;
  cases: number;
  /** Shapes whose arguments could not be built (a `Headers` object refuses invalid names before fetch() sees them). */
  unbuildable: number;
  /** Cases where the constructor threw exactly when predictCors named a constructor refusal first. */
  refusalAgreements: number;
  constructorRefusals: number;
  /** Cases where both built a request, and how many of them had the same header list. */
  headerComparisons: number;
  headerAgreements: number;
  /** How often each code came first in a rejected prediction. */
  refusalCodes: Record<string, number>;
  disagreements: string[];
}

const BATCH = 2_000;
const transpile = (url: URL): string =>
  ts.transpileModule(readFileSync(url, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
    .outputText;
const CORS_SOURCE = new URL('../../src/cors/', import.meta.url);

/** Request#headers shows the list sorted and combined; FormData boundaries are random: compare on that footing. */
function canonical(headers: readonly (readonly [string, string])[]): string {
  const combined = new Map<string, string>();
  for (const [name, value] of headers) combined.set(name, combined.has(name) ? `${combined.get(name)}, ${value}` : value);
  return JSON.stringify(
    [...combined]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => [name, value.replace(/boundary=[^;,]*/g, 'boundary=*')]),
  );
}

// The prediction's header list less the default Accept (any media type) that fetch() adds after the Request is built.
function requestHeaders(predicted: readonly [string, string][], observed: readonly [string, string][]): [string, string][] {
  const last = predicted[predicted.length - 1];
  const added = last !== undefined && last[0] === 'accept' && last[1] === '*/*' && !observed.some(([name]) => name === 'accept');
  return added ? predicted.slice(0, -1) : [...predicted];
}

function compare(shape: Shape, result: CaseResult, report: DifferentialReport): void {
  const show = (what: string): void =>
    void report.disagreements.push(
      `${what}\n    shape: ${JSON.stringify(shape)}\n    predicted: ${JSON.stringify(result.predicted)}\n    Request: ${result.threw ?? JSON.stringify(result.headers)}`,
    );
  // A Headers object built from invalid names throws in toFetchArgs itself: there is no call to judge.
  if (result.predicted === undefined) {
    report.unbuildable++;
    if (!/Headers/.test(result.buildError ?? '')) show(`the page could not build the arguments: ${result.buildError ?? ''}`);
    return;
  }
  const { predicted } = result;
  if (predicted.constructorRefusal) report.constructorRefusals++;
  const first = predicted.kind === 'rejected' ? predicted.codes[0] : undefined;
  if (first !== undefined) report.refusalCodes[first] = (report.refusalCodes[first] ?? 0) + 1;
  if (predicted.constructorRefusal !== (result.threw !== null)) {
    show(result.threw === null ? 'predicted a constructor refusal, Request was built' : 'Request threw, predicted no constructor refusal');
    return;
  }
  report.refusalAgreements++;
  if (result.headers === null || predicted.kind === 'rejected') return;
  report.headerComparisons++;
  if (canonical(requestHeaders(predicted.headers, result.headers)) !== canonical(result.headers)) {
    show('header lists differ');
    return;
  }
  report.headerAgreements++;
}

/** Runs `count` arbitrary shapes in one Chromium page, in batches, and compares each with its in-page prediction. */
export async function runDifferential(
  launch: () => Promise<EngineDriver>,
  count: number,
  seed: number,
  timeoutMs = 600_000,
): Promise<DifferentialReport> {
  const page = await createRecordingServer();
  const other = await createRecordingServer();
  const shapes = fc.sample(shapeArbitrary, { numRuns: count, seed }).map((shape, i) => ({ ...shape, id: `f${i}` }));
  const report: DifferentialReport = {
    browserVersion: '',
    seed,
    cases: count,
    unbuildable: 0,
    refusalCodes: {},
    refusalAgreements: 0,
    constructorRefusals: 0,
    headerComparisons: 0,
    headerAgreements: 0,
    disagreements: [],
  };
  const batches = Math.ceil(shapes.length / BATCH);
  let received = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const js = { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' };
  page.route('/differential.html', () => ({
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: DIFFERENTIAL_HTML,
  }));
  page.route('/fetch-args.js', () => ({
    status: 200,
    headers: js,
    body: transpile(new URL('../conformance/fetch-args.ts', import.meta.url)),
  }));
  page.routePrefix('/cors/', (request) => {
    const name = /^\/cors\/([a-z-]+)\.js$/.exec(request.path)?.[1];
    return name === undefined ? { status: 404 } : { status: 200, headers: js, body: transpile(new URL(`${name}.ts`, CORS_SOURCE)) };
  });
  page.routePrefix('/cases/', (request) => {
    const batch = Number(request.path.split('/').pop());
    if (!(batch < batches)) return { status: 404 };
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(shapes.slice(batch * BATCH, (batch + 1) * BATCH)),
    };
  });
  page.routePrefix('/results/', (request) => {
    const batch = Number(request.path.split('/').pop());
    const results = JSON.parse(request.body.toString('utf8')) as CaseResult[];
    for (const [i, result] of results.entries()) compare(shapes[batch * BATCH + i] as Shape, result, report);
    received += results.length;
    if (received >= shapes.length) finish();
    return { status: 204 };
  });
  page.route('/favicon.ico', () => ({ status: 404 }));
  let driver: EngineDriver | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    driver = await launch();
    report.browserVersion = driver.version;
    await driver.open(`${page.origin}/differential.html?other=${encodeURIComponent(other.origin)}`);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the page reported ${received} of ${shapes.length} cases within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    await Promise.race([finished, timeout]);
    // Building a Request sends nothing: a record here would mean the page called fetch().
    if (page.records.some((record) => record.path.startsWith('/probe/')) || other.records.length > 0)
      report.disagreements.push('a probe URL reached a server');
    return report;
  } finally {
    clearTimeout(timer);
    await driver?.close().catch(() => undefined);
    await Promise.all([page.close(), other.close()]);
  }
}
