import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { EngineDriver } from './driver.js';

// Firefox ESR over WebDriver BiDi (puppeteer-core), with a throw-away profile.
export async function launchFirefox(): Promise<EngineDriver> {
  const profile = await mkdtemp(join(tmpdir(), 'crosswise-firefox-'));
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, userDataDir: profile });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`[firefox page] ${String(error)}`));
    const version = await browser.version();
    return {
      engine: 'firefox',
      version: version.replace(/^firefox\//i, 'Firefox '),
      open: async (url) => void (await page.goto(url)),
      close: async () => {
        await browser.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
