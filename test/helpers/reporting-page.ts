import { randomUUID } from 'node:crypto';
import { importMap } from './module-server.js';
import type { RecordingServer } from './recording-server.js';

// A test page that reports back by itself, so any driver that can only open a URL (WebDriver classic, BiDi,
// playwright) runs it: its result and every uncaught error or unhandled rejection are POSTed to its own origin.

/** The nonce every inline script of a reporting page carries, so a page can run under a nonce CSP. */
export const PAGE_NONCE = 'abc';

export interface ReportingPage {
  /** The module's source: it imports what it tests (from `/src/…`, `ky` through the import map) and calls the global `report(value)` once. */
  module: string;
  /** Classic script run first, before any module (e.g. a probe that wraps `setTimeout`). */
  head?: string;
  /** A Content-Security-Policy header for the page. */
  csp?: string;
  /** Query parameters of the page's URL. */
  query?: Record<string, string>;
  /** How long the page has to report, in ms (default 60,000). */
  timeoutMs?: number;
}

export interface PageReport<T> {
  result: T;
  /** Uncaught errors and unhandled rejections, as the page saw them. */
  errors: string[];
}

const REPORTER = (base: string): string => `(() => {
  const post = (kind, value) => fetch('${base}/' + kind, { method: 'POST', body: JSON.stringify(value) });
  addEventListener('error', (event) => void post('error', event.message + ' (' + event.filename + ':' + event.lineno + ')'));
  addEventListener('unhandledrejection', (event) => void post('error', 'unhandled rejection: ' + String(event.reason)));
  window.report = (value) => post('result', value);
})();`;

// A sandboxed page (CSP `sandbox`) has an opaque origin: its reports are cross-origin, and must not fail as such.
const REPORT_REPLY = { 'Access-Control-Allow-Origin': '*' };

// Errors that come after the result (a late script, a rejected promise) still fail the test.
const GRACE_MS = 300;
// An error and then no result: the page is broken, fail without waiting for the whole timeout.
const ERROR_WAIT_MS = 3000;

/** Serves a page on `server`, opens it with `open`, and resolves with what it reported (rejects on timeout or a page that only errs). */
export async function runReportingPage<T>(
  server: RecordingServer,
  open: (url: string) => Promise<void>,
  spec: ReportingPage,
): Promise<PageReport<T>> {
  const id = randomUUID().slice(0, 8);
  const base = `/report/${id}`;
  const errors: string[] = [];
  const timers: NodeJS.Timeout[] = [];
  let deliver: (value: T) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const settled = new Promise<T>((resolve, reject) => {
    deliver = resolve;
    fail = reject;
  });
  server.route(`${base}/result`, (request) => {
    deliver(JSON.parse(request.body.toString('utf8')) as T);
    return { status: 204, headers: REPORT_REPLY };
  });
  server.route(`${base}/error`, (request) => {
    errors.push(JSON.parse(request.body.toString('utf8')) as string);
    timers.push(setTimeout(() => fail(new Error(`the page reported no result, only errors: ${errors.join(' | ')}`)), ERROR_WAIT_MS));
    return { status: 204, headers: REPORT_REPLY };
  });
  const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
  if (spec.csp !== undefined) headers['Content-Security-Policy'] = spec.csp;
  const nonce = `nonce="${PAGE_NONCE}"`;
  const html = `<!doctype html><meta charset="utf-8"><script ${nonce}>${REPORTER(base)}${spec.head ?? ''}</script>${importMap(PAGE_NONCE)}<script type="module" ${nonce}>${spec.module}</script>`;
  server.route(`${base}/page.html`, () => ({ status: 200, headers, body: html }));
  server.route('/favicon.ico', () => ({ status: 404 }));
  const timeoutMs = spec.timeoutMs ?? 60_000;
  timers.push(
    setTimeout(
      () =>
        fail(new Error(`the page reported nothing within ${timeoutMs} ms${errors.length > 0 ? `; errors: ${errors.join(' | ')}` : ''}`)),
      timeoutMs,
    ),
  );
  try {
    const [, result] = await Promise.all([
      open(`${server.origin}${base}/page.html?${new URLSearchParams(spec.query ?? {}).toString()}`),
      settled,
    ]);
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    return { result, errors: [...errors] };
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}
