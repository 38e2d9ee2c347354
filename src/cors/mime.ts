/**
 * "parse a MIME type" (https://mimesniff.spec.whatwg.org/#parse-a-mime-type) up to the first `;`: a token type, `/`,
 * a token subtype, then only HTTP whitespace before the parameters (or the end). Parameters never make the parse
 * fail, so only the part before the first `;` matters. One expression rather than a walk with slices.
 */
const MIME_TYPE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\/[!#$%&'*+\-.^_`|~0-9A-Za-z]+[\t\n\r ]*(?:;|$)/;

/**
 * The same parse where the essence is one of the Content-Types that stay simple
 * (https://fetch.spec.whatwg.org/#cors-safelisted-request-header), ASCII case-insensitive (`i` without `u` never folds
 * a non-ASCII character onto an ASCII one). Tested rather than extracting and lower-casing the essence: a Content-Type
 * is judged on every call, and the essence itself is never needed.
 */
const SAFELISTED_MIME_TYPE = /^(?:application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)[\t\n\r ]*(?:;|$)/i;

/** Whether a MIME type string parses. `value` is normalized (no surrounding whitespace). */
export function parsesAsMimeType(value: string): boolean {
  return MIME_TYPE.test(value);
}

/** Whether a MIME type string parses with a safelisted essence. `value` is normalized (no surrounding whitespace). */
export function hasSafelistedEssence(value: string): boolean {
  return SAFELISTED_MIME_TYPE.test(value);
}

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
