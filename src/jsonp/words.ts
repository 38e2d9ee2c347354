import type { CheckedInput } from './checks.js';
import type { JsonpErrorCode } from './errors.js';

// The loader's full words. The production build (scripts/rollup-production.mjs, the `production` export condition)
// swaps this module for ./words.production.ts, which names the code and links its section of docs/jsonp.md; the
// errors' classes, codes and fields stay the same in both.

/** What each input must be, as the error that refuses it says (`\`timeout\` must be …`). */
export const PLAIN_GET = 'absent: JSONP is a plain GET';
export const URL_SAFE = 'URL-safe';
export const AN_IDENTIFIER = 'an identifier';
export const A_DELAY = 'milliseconds from 0 (none) to 2147483647';
export const AN_ABORT_SIGNAL = 'an AbortSignal';
export const A_STANDARD_SCHEMA = 'a Standard Schema';
export const GIVEN_OUTSIDE_A_BROWSER = 'given outside a browser, of a live page';
export const AN_HTTP_URL = 'an http(s) URL';

/** The message of the TypeError (or RangeError) that refuses an input: which one, and what it must be. */
export const badInput = (input: CheckedInput, must: string): string => `\`${input}\` must be ${must}`;

/** The messages of a JsonpError, one per code (the URL comes first: see errorMessage). */
export const aborted = (): string => 'aborted';
export const callbackBusy = (): string => 'callback name in use';
export const timedOut = (timeout: number, open: number | undefined): string =>
  `no response in ${timeout} ms; requests to this origin still open: ${open} (HTTP/1.1 serves 6 at a time)`;
export const noCallback = (callbackParam: string): string => `no callback: not JSONP, or not ?${callbackParam}=`;
export const scriptError = (): string => 'script error (HTTP, network, CSP or MIME)';
export const schemaFailed = (issue: string | undefined): string => `schema: ${issue}`;

/** A JsonpError's whole message: the URL, then what happened. */
export const errorMessage = (url: string, failure: string, _code: JsonpErrorCode): string => `JSONP ${url}: ${failure}`;
