import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openChromium } from '../conformance/engines/chromium.js';
import { serveModules } from '../helpers/module-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { expectOpaqueOriginSession } from './opaque-origin-session.js';

// A sandboxed page (origin 'null') in real Chromium: see opaque-origin-session.ts.
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

describe("a sandboxed page (origin 'null') in real Chromium", () => {
  it('is cross-origin to every server, its own too, in the client, createFetch, the policy, warnings, stats and JSONP', async () => {
    await expectOpaqueOriginSession(servers, open);
  });
});
