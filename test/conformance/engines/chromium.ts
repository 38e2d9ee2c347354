import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowsers, requireBrowser } from '../../../scripts/browsers.mjs';
import type { EngineDriver } from './driver.js';

// Debian's Chromium (found by scripts/browsers.mjs, as setup does) through playwright-core; the flags keep it off this machine's closed network.
// When it is missing, the bare name: existsSync() is false for it, and launchChromium says what to install.
export const CHROMIUM_PATH = findBrowsers().chromium ?? 'chromium';
export { CHROMIUM_ARGS };

/** The variable through which the browser project's shared Chromium (test/global-chromium.ts) reaches the test files. */
export const CHROMIUM_ENDPOINT = 'CROSSWISE_CHROMIUM_ENDPOINT';

/**
 * A Chromium to open pages in: the browser project's shared one when it runs (close() then only disconnects, and
 * closes the pages this file opened), else one of its own (a script, or a file run outside the project).
 */
export async function openChromium(): Promise<Browser> {
  const endpoint = process.env[CHROMIUM_ENDPOINT];
  if (endpoint !== undefined) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: requireBrowser('chromium'), args: CHROMIUM_ARGS, headless: true });
}

export async function launchChromium(): Promise<EngineDriver> {
  const browser = await openChromium();
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[chromium page] ${error.message}`));
  return {
    engine: 'chromium',
    version: `Chromium ${browser.version()}`,
    open: async (url) => void (await page.goto(url)),
    close: () => browser.close(),
  };
}
