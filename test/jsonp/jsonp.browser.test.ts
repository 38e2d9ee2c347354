import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openChromium } from '../conformance/engines/chromium.js';
import { serveModules } from '../helpers/module-server.js';
import { createRecordingServer, type RecordingServer } from '../helpers/recording-server.js';
import { CLIENT_TRANSPORT, CONNECTION_PRESSURE, CSP_NONCE, INPUT, LIFECYCLE, expectScenario, stress } from './jsonp-scenarios.js';
import { createLegacyServer, type LegacyServer } from './legacy-server.js';

// The loader in real Chromium: the page on one loopback origin, the legacy JSONP service on another. The
// scenarios (jsonp-scenarios.ts) run in Firefox and WebKit too.
let browser: Browser;
let tab: Page;
let page: RecordingServer;
let legacy: LegacyServer;
const open = async (url: string): Promise<void> => void (await tab.goto(url));

beforeAll(async () => {
  page = await createRecordingServer();
  legacy = await createLegacyServer();
  serveModules(page);
  browser = await openChromium();
  tab = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([page?.close(), legacy?.close()]);
});

describe('loadJsonp in real Chromium', () => {
  for (const scenario of [LIFECYCLE, CSP_NONCE, stress(1000), CLIENT_TRANSPORT, INPUT, CONNECTION_PRESSURE]) {
    it(scenario.title, async () => {
      await expectScenario(scenario, page, legacy.origin, open, `Chromium ${browser.version()}`);
    });
  }
});
