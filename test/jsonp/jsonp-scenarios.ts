import { expect } from 'vitest';
import type { RecordingServer } from '../helpers/recording-server.js';
import { PAGE_NONCE, runReportingPage, type ReportingPage } from '../helpers/reporting-page.js';

// The loader's real-browser scenarios, run in every engine: the page on one loopback origin, the legacy JSONP
// service (legacy-server.ts) on another. Each page calls `report(...)` with what it saw; `expected` is the answer.

/** Counts live timers in the page: every setTimeout not yet fired or cleared. Runs before any module. */
export const TIMER_PROBE = `(() => {
  const live = new Set();
  const set = window.setTimeout.bind(window), clear = window.clearTimeout.bind(window);
  window.setTimeout = (fn, ms, ...args) => { const id = set((...a) => { live.delete(id); fn(...a); }, ms, ...args); live.add(id); return id; };
  window.clearTimeout = (id) => { live.delete(id); clear(id); };
  window.__liveTimers = () => live.size;
})();`;

const PRELUDE = `
import { loadJsonp, isJsonpError } from '/src/jsonp/index.js';
const legacy = new URLSearchParams(location.search).get('legacy');
const outcome = (promise) => promise.then((data) => ({ data }), (error) => ({ code: isJsonpError(error) ? error.code : String(error) }));
const leftovers = () => ({ scripts: document.querySelectorAll('script[src]').length, globals: Object.keys(window).filter((k) => k.startsWith('__cwJsonp')).length, timers: window.__liveTimers() });
`;

export interface JsonpScenario {
  title: string;
  page: Pick<ReportingPage, 'module' | 'csp' | 'head'>;
  expected: Record<string, unknown>;
  /** A line to print about the result. */
  summary?: (result: Record<string, unknown>) => string;
}

/** Runs `scenario` in the page `open` shows (served by `page`, calling `legacyOrigin`): its report must be the expected one, with no page error. */
export async function expectScenario(
  scenario: JsonpScenario,
  page: RecordingServer,
  legacyOrigin: string,
  open: (url: string) => Promise<void>,
  label: string,
): Promise<void> {
  const { result, errors } = await runReportingPage<Record<string, unknown>>(page, open, {
    ...scenario.page,
    query: { legacy: legacyOrigin },
  });
  if (scenario.summary !== undefined) console.log(`${label} ${scenario.summary(result)}`);
  expect(result).toEqual(scenario.expected);
  expect(errors).toEqual([]);
}

export const LIFECYCLE: JsonpScenario = {
  title: 'success, 404, timeout, abort, plain JSON, a JSON MIME type, and a late response without page errors',
  page: {
    head: TIMER_PROBE,
    module: `${PRELUDE}
      const controller = new AbortController();
      const aborted = outcome(loadJsonp(legacy + '/slow?ms=500', { signal: controller.signal }));
      controller.abort();
      report({
        success: await outcome(loadJsonp(legacy + '/data?id=3')),
        missing: await outcome(loadJsonp(legacy + '/nope')),
        timeout: await outcome(loadJsonp(legacy + '/slow?ms=600', { timeout: 100 })),
        aborted: await aborted,
        plain: await outcome(loadJsonp(legacy + '/plain')),
        jsonMime: await outcome(loadJsonp(legacy + '/json-mime')),
        afterLate: await new Promise((resolve) => setTimeout(() => resolve(leftovers()), 1200)),
      });`,
  },
  expected: {
    success: { data: { id: 3, name: 'Ada' } },
    missing: { code: 'script_error' },
    timeout: { code: 'timeout' },
    aborted: { code: 'aborted' },
    plain: { code: 'no_callback' },
    jsonMime: { code: 'script_error' },
    afterLate: { scripts: 0, globals: 0, timers: 0 },
  },
};

export const CSP_NONCE: JsonpScenario = {
  title: 'under a CSP, loads with the nonce and reports a script error without it',
  page: {
    csp: `script-src 'nonce-${PAGE_NONCE}'`,
    module: `${PRELUDE}
      report({
        withNonce: await outcome(loadJsonp(legacy + '/data', { nonce: '${PAGE_NONCE}' })),
        without: await outcome(loadJsonp(legacy + '/data')),
      });`,
  },
  expected: { withNonce: { data: { id: 1, name: 'Ada' } }, without: { code: 'script_error' } },
};

/** `count` concurrent loads: all settle with the right data and leave no element, global or timer behind. */
export const stress = (count: number): JsonpScenario => ({
  title: `stress: ${count.toLocaleString('en')} concurrent loads settle with the right data and leave nothing behind`,
  page: {
    head: TIMER_PROBE,
    module: `${PRELUDE}
      // Queued six at a time, the last of 1,000 loads can outlast the default 10 s timeout on a loaded machine: what is
      // proved here is what they leave behind, so a deadline that does not fail them (each still sets and clears its timer).
      const results = await Promise.all(Array.from({ length: ${count} }, (_, i) => loadJsonp(legacy + '/data?id=' + i, { timeout: 40000 })));
      // The last globals go with their script's load event, queued right after each script ran.
      await new Promise((resolve) => setTimeout(resolve, 100));
      report({ right: results.filter((data, i) => data.id === i).length, ...leftovers() });`,
  },
  expected: { right: count, scripts: 0, globals: 0, timers: 0 },
  summary: (result) =>
    `JSONP stress: ${String(result['right'])}/${count} right; left behind: ${String(result['scripts'])} script elements, ${String(result['globals'])} callback globals, ${String(result['timers'])} pending timers`,
});

export const CLIENT_TRANSPORT: JsonpScenario = {
  title: "the client: transport 'jsonp', fallback to JSONP when fetch is blocked, and refusals for non-GET or non-allowlisted origins",
  page: {
    module: `
      import { createClient, getTransport, isCorsError, jsonpTransport } from '/src/index.js';
      const legacy = new URLSearchParams(location.search).get('legacy');
      const api = createClient({ retry: 0, onWarning: () => {}, jsonp: jsonpTransport({ origins: [legacy], timeout: 3000 }) });
      const always = await api.get(legacy + '/data?id=5', { transport: 'jsonp' });
      const fellBack = await api.get(legacy + '/data?id=6', { fallback: 'jsonp' });
      const other = createClient({ retry: 0, onWarning: () => {} });
      let notAllowlisted = null, blocked = null, post = null;
      try { await other.get(legacy + '/data', { transport: 'jsonp' }); } catch (error) { notAllowlisted = error.name; }
      try { await other.get(legacy + '/data?id=7'); } catch (error) { blocked = isCorsError(error) ? 'CorsError' : error.name; }
      try { await api.post(legacy + '/data', { fallback: 'jsonp' }); } catch (error) { post = error.name; }
      report({
        always: [getTransport(always), await always.json()],
        fellBack: [getTransport(fellBack), await fellBack.json()],
        notAllowlisted, blocked, post,
      });`,
  },
  expected: {
    always: ['jsonp', { id: 5, name: 'Ada' }],
    fellBack: ['jsonp', { id: 6, name: 'Ada' }],
    notAllowlisted: 'TypeError',
    blocked: 'CorsError',
    post: 'TypeError',
  },
};

export const INPUT: JsonpScenario = {
  title: 'refuses non-http(s) URLs before running anything, keeps the query byte for byte, and never clobbers a global',
  page: {
    head: TIMER_PROBE,
    module: `${PRELUDE}
      const refused = (url) => { try { loadJsonp(url); return 'sent'; } catch (error) { return error.name + ': ' + error.message; } };
      const query = 'a%20b=c+d&path=/x/y&flag&&sig=AbC%2F%3D&n=%C3%A9&callback=evil';
      const names = ['undefined', 'NaN', 'Infinity', 'eval', 'constructor', '__proto__', 'toString', 'name', 'location', 'alert'];
      const busy = [];
      for (const callbackName of names) busy.push([callbackName, (await outcome(loadJsonp(legacy + '/data', { callbackName }))).code]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      report({
        schemes: ['data:text/javascript,window.ran=1', 'javascript:window.ran=1', 'blob:' + location.origin + '/x', 'about:blank'].map(refused),
        ran: window.ran ?? null,
        raw: await outcome(loadJsonp(legacy + '/echo?' + query + '#frag', { callbackName: 'rawCheck' })),
        busy,
        intact: [typeof eval, typeof alert, String(window.undefined), String(NaN), window.constructor === Window],
        ...leftovers(),
      });`,
  },
  expected: {
    schemes: Array.from({ length: 4 }, () => 'TypeError: `url` must be an http(s) URL'),
    ran: null,
    raw: { data: { raw: '/echo?a%20b=c+d&path=/x/y&flag&&sig=AbC%2F%3D&n=%C3%A9&callback=rawCheck' } },
    busy: ['undefined', 'NaN', 'Infinity', 'eval', 'constructor', '__proto__', 'toString', 'name', 'location', 'alert'].map((name) => [
      name,
      'callback_busy',
    ]),
    intact: ['function', 'function', 'undefined', 'NaN', true],
    scripts: 0,
    globals: 0,
    timers: 0,
  },
};

/** The held connections a timed-out load leaves: six of them stall the next load to that origin until the server answers. */
export const CONNECTION_PRESSURE: JsonpScenario = {
  title: 'six timed-out loads to a silent server hold the connections: the next load waits, and its error says how many are open',
  page: {
    head: TIMER_PROBE,
    module: `${PRELUDE}
      const openCount = (error) => Number(/still open: (\\d+) \\(/.exec(error.message)?.[1] ?? -1);
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      // The server answers each of these 3 s after it got it; the loader gives up after 200 ms and removes the elements.
      const sent = performance.now();
      const hung = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => loadJsonp(legacy + '/slow?ms=3000&i=' + i, { timeout: 200 }).catch((error) => [error.code, openCount(error)])));
      const healthy = await loadJsonp(legacy + '/data?id=8', { timeout: 1000 }).then(() => 'loaded', (error) => [error.code, openCount(error)]);
      const eventually = await outcome(loadJsonp(legacy + '/data?id=9', { timeout: 0 }));
      // No connection frees before the server's first late answer, 3 s after the first hung request reached it.
      const waitedForTheServer = performance.now() - sent >= 2900;
      await sleep(500);
      const after = await loadJsonp(legacy + '/slow?ms=300', { timeout: 50 }).catch((error) => openCount(error));
      await sleep(600);
      report({ hung, healthy, eventually, waitedForTheServer, after, ...leftovers() });`,
  },
  expected: {
    hung: Array.from({ length: 6 }, () => ['timeout', 6]),
    healthy: ['timeout', 7],
    eventually: { data: { id: 9, name: 'Ada' } },
    waitedForTheServer: true,
    after: 1,
    scripts: 0,
    globals: 0,
    timers: 0,
  },
};
