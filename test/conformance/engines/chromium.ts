import { chromium } from 'playwright-core';
import type { EngineDriver } from './driver.js';

// Debian's Chromium through playwright-core; the flags keep it off this machine's closed network.
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<EngineDriver> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[chromium page] ${error.message}`));
  return {
    engine: 'chromium',
    version: `Chromium ${browser.version()}`,
    open: async (url) => void (await page.goto(url)),
    close: () => browser.close(),
  };
}
