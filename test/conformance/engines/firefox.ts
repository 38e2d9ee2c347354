import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { requireBrowser } from '../../../scripts/browsers.mjs';
import { type EngineDriver, launchWithRetry } from './driver.js';

// Firefox ESR over WebDriver BiDi (puppeteer-core), with a throw-away profile.
const EXPECTED_PAGE_ERRORS = /Cross-Origin Request Blocked|Security Error: Content at .* may not load data from/;

export function launchFirefox(): Promise<EngineDriver> {
  return launchWithRetry('Firefox ESR', startFirefox);
}

async function startFirefox(): Promise<EngineDriver> {
  const profile = await mkdtemp(join(tmpdir(), 'crosswise-firefox-'));
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: requireBrowser('firefox'),
      headless: true,
      userDataDir: profile,
      // puppeteer's default is 30 s; a cold start beside other work on 2 cores has taken longer.
      timeout: 90_000,
    })
    .catch(async (error: unknown) => {
      await rm(profile, { recursive: true, force: true });
      throw error;
    });
  try {
    const page = await browser.newPage();
    // Firefox reports each blocked call and each refused load as a page error: the matrices provoke hundreds on purpose.
    // Anything else is a real fault of the page and is printed.
    page.on('pageerror', (error) => {
      if (!EXPECTED_PAGE_ERRORS.test(String(error))) console.error(`[firefox page] ${String(error)}`);
    });
    const version = await browser.version();
    return {
      engine: 'firefox',
      version: version.replace(/^firefox\//i, 'Firefox '),
      open: async (url) => void (await page.goto(url)),
      close: async () => {
        // A browser that does not close within 10 s is killed: the profile must go either way.
        const closed = browser.close().then(
          () => true,
          () => false,
        );
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
