import type { CheckFailureData, CheckText } from './check-text.js';
import { DOCS_BASE_URL } from './docs-url.js';
import type { ReasonWords } from './reason-words.js';
import type { ReasonData } from './types.js';

// The production build's formatter (swapped in for ./words.ts by rollup.config.mjs): the code and a link to the page
// that explains it, as React's minified errors do. The data stays on the reason or cause: nothing is lost but prose.

/** A request-side reason: its code, and the table of reason codes. */
export function reasonWords(data: ReasonData): ReasonWords {
  return { message: `crosswise: ${data.code} (see ${DOCS_BASE_URL}cors-rules.md#reason-codes)` };
}

/** A response-side cause: its code, and its section of the troubleshooting page, which holds the server-side fix. */
export function checkWords(data: CheckFailureData): CheckText {
  const docs = `${DOCS_BASE_URL}troubleshooting.md#${data.code}`;
  return { message: `crosswise: ${data.code} (see ${docs})`, fix: `see ${docs}` };
}
