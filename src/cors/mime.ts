import { normalizeHeaderValue } from './bytes.js';

/**
 * "parse a MIME type" up to the first `;`: a token type, `/`, a token subtype, then only HTTP whitespace before the
 * parameters (or the end). One expression rather than a walk with slices: a Content-Type is parsed on every call.
 */
const MIME_ESSENCE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\/([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[\t\n\r ]*(?:;|$)/;

/**
 * The essence (`type/subtype`, lower-case) of a MIME type string, or null when it does not parse.
 * MIME Sniffing standard, "parse a MIME type" (https://mimesniff.spec.whatwg.org/#parse-a-mime-type):
 * parameters never make the parse fail, so only the part before the first `;` matters here.
 */
export function mimeEssence(value: string): string | null {
  const parts = MIME_ESSENCE.exec(normalizeHeaderValue(value));
  return parts === null ? null : `${parts[1]}/${parts[2]}`.toLowerCase();
}

/** https://fetch.spec.whatwg.org/#cors-safelisted-request-header — the Content-Type essences that stay simple. */
export const SAFELISTED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

/**
 * Where Gecko's net_ParseRequestContentType (netwerk/base/nsURLHelper.cpp) fails and the standard's parse does not:
 * a `,` anywhere (a list of types), or a `;` that ends the value after an earlier `;` (its parameter loop stops before
 * a final empty parameter, leaving the `;` unconsumed). Quotes, which Gecko skips over, never reach here: `"` is a
 * CORS-unsafe byte. `value` is normalized (no surrounding whitespace).
 */
export function failsGeckoRequestParse(value: string): boolean {
  if (value.includes(',')) return true;
  const first = value.indexOf(';');
  return first !== -1 && first !== value.length - 1 && value.endsWith(';');
}
