import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS, requireBrowser } from '../scripts/browsers.mjs';
import { CHROMIUM_ENDPOINT } from './conformance/engines/chromium.js';

// One Chromium for the whole browser project: each file connects to it (openChromium) instead of starting its own, a
// launch saved per file. A file's pages live in a context of their own, so no cookie or preflight cache crosses files.
// The workers inherit the endpoint through the environment (they start after this setup).
let server: BrowserServer | undefined;

export async function setup(): Promise<void> {
  server = await chromium.launchServer({ executablePath: requireBrowser('chromium'), args: CHROMIUM_ARGS, headless: true });
  process.env[CHROMIUM_ENDPOINT] = server.wsEndpoint();
}

export async function teardown(): Promise<void> {
  delete process.env[CHROMIUM_ENDPOINT];
  await server?.close();
}
