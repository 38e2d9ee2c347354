import type { CheckedInput } from './checks.js';
import { JSONP_DOCS_URL } from './docs-url.js';
import type { JsonpErrorCode } from './errors.js';

// The production build's words (swapped in for ./words.ts by scripts/rollup-production.mjs): the code, and the section
// of docs/jsonp.md that explains it (a heading of that name). Same signatures as ./words.ts; the errors keep their
// class, code and fields, and `url` stays on the error instead of in its message.

const see = (code: string): string => `crosswise: ${code} (see ${JSONP_DOCS_URL}#${code})`;

// The input is named, not described: the docs section lists what each must be.
export const PLAIN_GET = '';
export const URL_SAFE = '';
export const AN_IDENTIFIER = '';
export const A_DELAY = '';
export const AN_ABORT_SIGNAL = '';
export const A_STANDARD_SCHEMA = '';
export const GIVEN_OUTSIDE_A_BROWSER = '';
export const AN_HTTP_URL = '';
export const badInput = (input: CheckedInput, _must: string): string => `${see('invalid_option')}: ${input}`;
// A JsonpError's message is its code's: the details (the URL, the timeout, the issues) stay on the error's fields.
export const aborted = (): string => '';
export const callbackBusy = (): string => '';
export const timedOut = (_timeout: number, _open: number | undefined): string => '';
export const noCallback = (_callbackParam: string): string => '';
export const scriptError = (): string => '';
export const schemaFailed = (_issue: string | undefined): string => '';
export const errorMessage = (_url: string, _failure: string, code: JsonpErrorCode): string => see(code);
