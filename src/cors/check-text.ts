import { checkWords } from './words.js';
import type { CorsCheckFailure } from './response-check.js';

// The response side's entry to the one formatter (./words.ts), which words request-side reasons too: every
// surface (probe, CorsError, the dev probe, the hidden-header warning, the docs) derives its words from a failure's
// code and data.

/** A check failure before it has words: the code and the data the words are built from. */
export type CheckFailureData = Omit<CorsCheckFailure, 'message' | 'fix'>;

/** The words for one failed check: what went wrong, and what to change on the server. */
export interface CheckText {
  /** What went wrong, in a sentence naming the header and the value received. */
  message: string;
  /** What to change on the server: the header and the value it should carry. */
  fix: string;
}

/** Turns a failed check's code and data into its message and fix. Fixes are server-side: never move a secret into a URL. */
export function describeCheck(data: CheckFailureData): CheckText {
  return checkWords(data);
}

/** A failed check with its words: the data, plus `message` and `fix` from {@link describeCheck}. */
export function toCheckFailure<T extends CheckFailureData>(data: T): T & CheckText {
  return Object.assign({}, data, describeCheck(data));
}
