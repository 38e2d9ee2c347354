import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openChromium } from '../conformance/engines/chromium.js';
import { serveModules } from './module-server.js';
import type { RecordingServer } from './recording-server.js';
import { useTwoOrigins } from './two-origins.js';

// The set-up of a browser file that runs pages against two loopback origins: the servers (useTwoOrigins), the sources
// served from the page's origin (serveModules), and one tab of the shared Chromium (openChromium) for the file.

/** The file's two origins, and its Chromium tab: `open` shows a URL in it, `label` names the browser for the logs. */
export interface ChromiumTab {
  page: RecordingServer;
  api: RecordingServer;
  open: (url: string) => Promise<void>;
  /** `Chromium <version>`, once the tab is open. */
  label: () => string;
}

/** What a file may ask of its tab. */
export interface ChromiumTabOptions {
  /** Receives each line the pages print in the console (the diagnosis matrix keeps them for the docs). */
  onConsole?: (line: string) => void;
}

/** Opens the servers and the tab before the file's tests, and closes them after. */
export function useChromiumTab(options: ChromiumTabOptions = {}): ChromiumTab {
  const { page, api } = useTwoOrigins();
  let browser: Browser | undefined;
  let tab: Page | undefined;
  beforeAll(async () => {
    serveModules(page);
    browser = await openChromium();
    tab = await browser.newPage();
    const { onConsole } = options;
    if (onConsole !== undefined) tab.on('console', (message) => onConsole(message.text()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    page,
    api,
    open: async (url) => {
      if (tab === undefined) throw new Error('the Chromium tab opens in beforeAll: use it inside a test');
      await tab.goto(url);
    },
    label: () => `Chromium ${browser?.version() ?? '(not open)'}`,
  };
}
