import { isToken } from './methods.js';

/** A header whose value must be a comma-separated list of tokens, parsed: the items, or the first item that is not a token. */
export type TokenList = { valid: true; items: string[] } | { valid: false; invalid: string };

/**
 * https://fetch.spec.whatwg.org/#extract-header-list-values for the `#token` headers (Access-Control-Allow-Methods,
 * -Allow-Headers, -Expose-Headers): empty items are skipped (RFC 9110 §5.6.1), any other item that is not a token
 * makes the whole value a failure. An absent header is an empty list.
 */
export function parseTokenList(value: string | null): TokenList {
  const items: string[] = [];
  if (value === null) return { valid: true, items };
  for (const raw of value.split(',')) {
    const item = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    if (item === '') continue;
    if (!isToken(item)) return { valid: false, invalid: item };
    items.push(item);
  }
  return { valid: true, items };
}
