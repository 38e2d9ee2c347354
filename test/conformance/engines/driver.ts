import type { BrowserEngine } from '../observe.js';

/** One real browser, able to open a page and to close itself and everything it started. */
export interface EngineDriver {
  engine: BrowserEngine;
  version: string;
  open(url: string): Promise<void>;
  close(): Promise<void>;
}
