import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openChromium } from '../conformance/engines/chromium.js';
import { serveModules } from '../helpers/module-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { expectCredentialsGuard } from './credentials-guard-session.js';

// The credentials-policy session (credentials-guard-session.ts) in real Chromium with a real cookie.
let browser: Browser;
let tab: Page;
const servers = useTwoOrigins();
const open = async (url: string): Promise<void> => void (await tab.goto(url));

beforeAll(async () => {
  serveModules(servers.page);
  browser = await openChromium();
  tab = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the credentials policy in real Chromium, with a real cookie', () => {
  it('redirects: a credentialed call never carries the cookie off the allowlist; JSONP is refused where the policy omits cookies', async () => {
    await expectCredentialsGuard(servers, open, `Chromium ${browser.version()}`);
  });
});
