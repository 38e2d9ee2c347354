import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowsers, requireBrowser } from '../../scripts/browsers.mjs';
import type { CallRecord } from './session.js';
import { IMPORT_MAP, type DemoServers } from './server.js';

// The same session in a real page, when Debian's Chromium is installed: the browser's own fetch, cookies and CORS.

/** Debian's Chromium where this machine has it (PATH or CROSSWISE_CHROMIUM); when missing, the bare name, for which existsSync() is false. */
export const CHROMIUM = findBrowsers().chromium ?? 'chromium';
export const chromiumAvailable = (): boolean => findBrowsers().chromium !== undefined;

/** Debian's Chromium, headless, with the flags above: the demo's session and the playground's test both drive it. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: requireBrowser('chromium'), args: CHROMIUM_ARGS, headless: true });

export function servePages(servers: DemoServers): void {
  servers.page('/session.html', () => ({
    status: 200,
    body: `<!doctype html><meta charset="utf-8"><title>crosswise demo session</title>${IMPORT_MAP}
<script type="module">
import * as lib from 'crosswise';
import { runSession } from '/demo/session.js';
const query = new URLSearchParams(location.search);
const env = { pageOrigin: location.origin, apiOrigin: query.get('api'), engine: 'chromium', probe: query.get('probe') ?? undefined };
window.sessionResult = runSession(lib, env).catch((error) => ({ error: String(error) }));
</script>`,
  }));
}

/** Runs the session page in headless Chromium (its calls tagged with run id `probe`) and returns its records, with the browser's version. */
export async function runInChromium(servers: DemoServers, probe: string): Promise<{ version: string; records: CallRecord[] }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const query = new URLSearchParams({ api: servers.apiOrigin, probe });
    await page.goto(`${servers.pageOrigin}/session.html?${query}`);
    await page.waitForFunction(() => 'sessionResult' in window, undefined, { timeout: 30_000 });
    const result = await page.evaluate(() => (window as unknown as { sessionResult: Promise<unknown> }).sessionResult);
    if (!Array.isArray(result)) throw new Error(`the page session failed: ${JSON.stringify(result)} ${errors.join('; ')}`);
    return { version: browser.version(), records: result as CallRecord[] };
  } finally {
    await browser.close();
  }
}
