import { afterAll, beforeAll } from 'vitest';
import type { BrowserEngine } from '../observe.js';
import type { EngineDriver } from './driver.js';
import { launchFirefox } from './firefox.js';
import { launchWebKit } from './webkit.js';

/** The engines `npm run test:engines` adds to Chromium. */
export const OTHER_ENGINES: readonly { name: string; engine: BrowserEngine; launch: () => Promise<EngineDriver> }[] = [
  { name: 'Firefox ESR', engine: 'firefox', launch: launchFirefox },
  { name: 'WebKitGTK', engine: 'webkit', launch: launchWebKit },
];

/** One browser for the enclosing describe: launched before its tests, closed after them, failed or not. */
export function useEngine(launch: () => Promise<EngineDriver>): { open: (url: string) => Promise<void>; label: () => string } {
  let driver: EngineDriver | undefined;
  beforeAll(async () => {
    driver = await launch();
  }, 240_000);
  afterAll(async () => {
    await driver?.close();
  }, 30_000);
  const current = (): EngineDriver => {
    if (driver === undefined) throw new Error('the browser launches in beforeAll: use it inside a test');
    return driver;
  };
  return { open: (url) => current().open(url), label: () => current().version };
}
