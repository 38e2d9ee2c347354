import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../conformance/engines/chromium.js';
import { IMPORT_MAP, serveModules } from '../helpers/module-server.js';
import { createRecordingServer, type RecordingServer } from '../helpers/recording-server.js';
import { createLegacyServer, type LegacyServer } from './legacy-server.js';

// The loader in real Chromium: the page on one loopback origin, the legacy JSONP service on another.
let browser: Browser;
let page: RecordingServer;
let legacy: LegacyServer;

// Counts live timers in the page: every setTimeout not yet fired or cleared.
const TIMER_PROBE = `(() => {
  const live = new Set();
  const set = window.setTimeout.bind(window), clear = window.clearTimeout.bind(window);
  window.setTimeout = (fn, ms, ...args) => { const id = set((...a) => { live.delete(id); fn(...a); }, ms, ...args); live.add(id); return id; };
  window.clearTimeout = (id) => { live.delete(id); clear(id); };
  window.__liveTimers = () => live.size;
})();`;

async function run(script: string, csp?: string): Promise<{ result: Record<string, unknown>; errors: string[] }> {
  const path = `/run-${Math.random().toString(36).slice(2)}.html`;
  const headers: Record<string, string> = { 'Content-Type': 'text/html' };
  if (csp !== undefined) headers['Content-Security-Policy'] = csp;
  page.route(path, () => ({ status: 200, headers, body: `<!doctype html>${IMPORT_MAP}<script type="module" nonce="abc">${script}</script>` }));
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.addInitScript(TIMER_PROBE);
  await tab.goto(`${page.origin}${path}?legacy=${encodeURIComponent(legacy.origin)}`);
  await tab.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 60_000 });
  const result = (await tab.evaluate(() => (window as unknown as { __result: Record<string, unknown> }).__result));
  await tab.close();
  return { result, errors };
}

const PRELUDE = `
import { loadJsonp, isJsonpError } from '/src/jsonp/index.js';
const legacy = new URLSearchParams(location.search).get('legacy');
const outcome = (promise) => promise.then((data) => ({ data }), (error) => ({ code: isJsonpError(error) ? error.code : String(error) }));
const leftovers = () => ({ scripts: document.querySelectorAll('script[src]').length, globals: Object.keys(window).filter((k) => k.startsWith('__cwJsonp')).length, timers: window.__liveTimers() });
`;

beforeAll(async () => {
  page = await createRecordingServer();
  legacy = await createLegacyServer();
  serveModules(page);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([page?.close(), legacy?.close()]);
});

describe('loadJsonp in real Chromium', () => {
  it('success, 404, timeout, abort, plain JSON, a JSON MIME type, and a late response without page errors', async () => {
    const { result, errors } = await run(`${PRELUDE}
      const controller = new AbortController();
      const aborted = outcome(loadJsonp(legacy + '/slow?ms=500', { signal: controller.signal }));
      controller.abort();
      window.__result = {
        success: await outcome(loadJsonp(legacy + '/data?id=3')),
        missing: await outcome(loadJsonp(legacy + '/nope')),
        timeout: await outcome(loadJsonp(legacy + '/slow?ms=600', { timeout: 100 })),
        aborted: await aborted,
        plain: await outcome(loadJsonp(legacy + '/plain')),
        jsonMime: await outcome(loadJsonp(legacy + '/json-mime')),
        afterLate: await new Promise((resolve) => setTimeout(() => resolve(leftovers()), 1200)),
      };`);
    expect(result).toEqual({
      success: { data: { id: 3, name: 'Ada' } },
      missing: { code: 'script_error' },
      timeout: { code: 'timeout' },
      aborted: { code: 'aborted' },
      plain: { code: 'no_callback' },
      jsonMime: { code: 'script_error' },
      afterLate: { scripts: 0, globals: 0, timers: 0 },
    });
    expect(errors).toEqual([]);
  });

  it('under a CSP, loads with the nonce and reports a script error without it', async () => {
    const { result, errors } = await run(`${PRELUDE}
      window.__result = {
        withNonce: await outcome(loadJsonp(legacy + '/data', { nonce: 'abc' })),
        without: await outcome(loadJsonp(legacy + '/data')),
      };`, "script-src 'nonce-abc'");
    expect(result).toEqual({ withNonce: { data: { id: 1, name: 'Ada' } }, without: { code: 'script_error' } });
    expect(errors).toEqual([]);
  });

  it('stress: 1,000 concurrent loads settle with the right data and leave nothing behind', async () => {
    const { result, errors } = await run(`${PRELUDE}
      const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => loadJsonp(legacy + '/data?id=' + i)));
      // The last globals go with their script's load event, queued right after each script ran.
      await new Promise((resolve) => setTimeout(resolve, 100));
      window.__result = { right: results.filter((data, i) => data.id === i).length, ...leftovers() };`);
    console.log(`JSONP stress: ${String(result['right'])}/1000 right; left behind: ${String(result['scripts'])} script elements, ${String(result['globals'])} callback globals, ${String(result['timers'])} pending timers`);
    expect(result).toEqual({ right: 1000, scripts: 0, globals: 0, timers: 0 });
    expect(errors).toEqual([]);
  });

  it("the client: transport 'jsonp', fallback to JSONP when fetch is blocked, and refusals for non-GET or non-allowlisted origins", async () => {
    const { result, errors } = await run(`
      import { createClient, getTransport, isCorsError } from '/src/index.js';
      const legacy = new URLSearchParams(location.search).get('legacy');
      const api = createClient({ retry: 0, onWarning: () => {}, jsonp: { origins: [legacy], timeout: 3000 } });
      const always = await api.get(legacy + '/data?id=5', { transport: 'jsonp' });
      const fellBack = await api.get(legacy + '/data?id=6', { fallback: 'jsonp' });
      const other = createClient({ retry: 0, onWarning: () => {} });
      let notAllowlisted = null, blocked = null, post = null;
      try { await other.get(legacy + '/data', { transport: 'jsonp' }); } catch (error) { notAllowlisted = error.name; }
      try { await other.get(legacy + '/data?id=7'); } catch (error) { blocked = isCorsError(error) ? 'CorsError' : error.name; }
      try { await api.post(legacy + '/data', { fallback: 'jsonp' }); } catch (error) { post = error.name; }
      window.__result = {
        always: [getTransport(always), await always.json()],
        fellBack: [getTransport(fellBack), await fellBack.json()],
        notAllowlisted, blocked, post,
      };`);
    expect(result).toEqual({
      always: ['jsonp', { id: 5, name: 'Ada' }],
      fellBack: ['jsonp', { id: 6, name: 'Ada' }],
      notAllowlisted: 'TypeError',
      blocked: 'CorsError',
      post: 'TypeError',
    });
    expect(errors).toEqual([]);
  });
});
