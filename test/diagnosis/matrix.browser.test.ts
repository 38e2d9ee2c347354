import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openChromium } from '../conformance/engines/chromium.js';
import { serveModules } from '../helpers/module-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { expectMatrix } from './matrix-session.js';

// The diagnosis matrix (matrix-session.ts) in real Chromium, with what Chromium printed in its console for each call.
let browser: Browser;
let tab: Page;
const consoleLines: string[] = [];
const servers = useTwoOrigins();

beforeAll(async () => {
  serveModules(servers.page);
  browser = await openChromium();
  tab = await browser.newPage();
  tab.on('console', (message) => void consoleLines.push(message.text()));
});
afterAll(async () => {
  await browser?.close();
});

describe('the diagnosis on fifteen misconfigurations, in real Chromium', () => {
  it('with the dev probe: the true cause first and confirmed, every time; without: never a wrong confirmed cause', async () => {
    const open = async (url: string): Promise<void> => void (await tab.goto(url));
    const { figures, outcomes } = await expectMatrix(servers, open, `Chromium ${browser.version()}`);
    // What Chromium printed in its console for each call, for docs/troubleshooting.md.
    writeFileSync(join(tmpdir(), 'crosswise-diagnosis-chromium.json'), JSON.stringify({ figures, consoleLines, outcomes }, null, 2));
  });
});
