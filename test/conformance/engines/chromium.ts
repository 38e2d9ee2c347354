import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowsers, requireBrowser } from '../../../scripts/browsers.mjs';
import type { EngineDriver } from './driver.js';

// Debian's Chromium (found by scripts/browsers.mjs, as setup does) through playwright-core; the flags keep it off this machine's closed network.
// When it is missing, the bare name: existsSync() is false for it, and launchChromium says what to install.
export const CHROMIUM_PATH = findBrowsers().chromium ?? 'chromium';
export { CHROMIUM_ARGS };

export async function launchChromium(): Promise<EngineDriver> {
  const browser = await chromium.launch({ executablePath: requireBrowser('chromium'), args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[chromium page] ${error.message}`));
  return {
    engine: 'chromium',
    version: `Chromium ${browser.version()}`,
    open: async (url) => void (await page.goto(url)),
    close: () => browser.close(),
  };
}
