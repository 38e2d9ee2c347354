import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { requireBrowser } from '../../../scripts/browsers.mjs';
import type { EngineDriver } from './driver.js';

// Firefox ESR over WebDriver BiDi (puppeteer-core), with a throw-away profile.
export async function launchFirefox(): Promise<EngineDriver> {
  const profile = await mkdtemp(join(tmpdir(), 'crosswise-firefox-'));
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: requireBrowser('firefox'), headless: true, userDataDir: profile });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`[firefox page] ${String(error)}`));
    const version = await browser.version();
    return {
      engine: 'firefox',
      version: version.replace(/^firefox\//i, 'Firefox '),
      open: async (url) => void (await page.goto(url)),
      close: async () => {
        // A browser that does not close within 10 s is killed: the profile must go either way.
        const closed = browser.close().then(() => true, () => false);
        const timedOut = new Promise<false>((resolve) => setTimeout(resolve, 10_000, false).unref());
        if (!(await Promise.race([closed, timedOut]))) browser.process()?.kill('SIGKILL');
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
