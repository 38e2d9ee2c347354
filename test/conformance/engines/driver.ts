import type { BrowserEngine } from '../observe.js';

/** One real browser, able to open a page and to close itself and everything it started. */
export interface EngineDriver {
  engine: BrowserEngine;
  version: string;
  open(url: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Launches a browser, once more if the first start fails. A cold browser start on a loaded CI machine can miss
 * its deadline (Firefox once took over 30 s to print its WebDriver endpoint): a second start with a fresh profile is
 * what a person would do, and a browser that fails twice still fails the test, with both errors.
 */
export async function launchWithRetry(name: string, start: () => Promise<EngineDriver>): Promise<EngineDriver> {
  try {
    return await start();
  } catch (first) {
    console.error(`[${name}] the first start failed, starting again: ${String(first)}`);
    try {
      return await start();
    } catch (second) {
      throw new AggregateError([first, second], `${name} failed to start twice`);
    }
  }
}
