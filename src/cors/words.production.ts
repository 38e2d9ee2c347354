import type { CheckFailureData, CheckText } from './check-text.js';
import { DOCS_BASE_URL } from './docs-url.js';
import type { ReasonWords } from './reason-words.js';
import type { ReasonCode, ReasonData } from './types.js';

// The production build's formatter (swapped in for ./words.ts by rollup.config.mjs): the code and a link to the page
// that explains it, as React's minified errors do. The data stays on the reason or cause: nothing is lost but prose.

// The reasons whose full words have no fix (./reason-words.ts): the same fields in both builds, only the words differ.
// test/dist/production.test.ts holds the two lists together.
const NO_FIX: readonly ReasonCode[] = [
  'invalid_input',
  'invalid_method',
  'invalid_header_name',
  'invalid_option',
  'forbidden_header_dropped',
  'no_cors_header_dropped',
  'request_body_opaque',
];

/** A request-side reason: its code, and the table of reason codes. */
export function reasonWords(data: ReasonData): ReasonWords {
  const docs = `${DOCS_BASE_URL}cors-rules.md#reason-codes`;
  const message = `crosswise: ${data.code} (see ${docs})`;
  return NO_FIX.includes(data.code) ? { message } : { message, fix: `see ${docs}` };
}

/** A response-side cause: its code, and its section of the troubleshooting page, which holds the server-side fix. */
export function checkWords(data: CheckFailureData): CheckText {
  const docs = `${DOCS_BASE_URL}troubleshooting.md#${data.code}`;
  return { message: `crosswise: ${data.code} (see ${docs})`, fix: `see ${docs}` };
}
