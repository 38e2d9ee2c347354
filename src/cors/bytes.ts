// Byte classes of the Fetch standard. Header values are byte strings: each char code is one byte (0–255).
// A class is a regex character class: it reads like the standard's list and tests a whole value in one call.

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte: a control byte other than tab, one of " ( ) : < > ? @ [ \ ] { }, or DEL. */
export const CORS_UNSAFE_BYTE = /[\x00-\x08\x0a-\x1f"():<>?@[\\\]{}\x7f]/;

/** A byte Accept-Language and Content-Language may not hold: anything but 0-9 A-Z a-z space * , - . ; = */
export const NON_LANGUAGE_BYTE = /[^0-9A-Za-z *,\-.;=]/;

/** A byte >= 0x80, which some engines treat as CORS-unsafe (see engines.ts). */
export const NON_ASCII_BYTE = /[^\x00-\x7f]/;

/** HTTP whitespace bytes: tab, LF, CR, space (https://fetch.spec.whatwg.org/#http-whitespace-byte). */
export function isHttpWhitespace(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || code === 0x20;
}

/** Strips leading and trailing HTTP whitespace, as Headers does to every value it is given. */
export function normalizeHeaderValue(value: string): string {
  // Nearly every value has nothing to strip: answer those without copying.
  if (value === '' || (!isHttpWhitespace(value.charCodeAt(0)) && !isHttpWhitespace(value.charCodeAt(value.length - 1)))) return value;
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

/** https://fetch.spec.whatwg.org/#header-value — after normalization: no NUL, LF or CR, and a byte string. */
const INVALID_VALUE_BYTE = /[\x00\n\r\u0100-\uffff]/;

export function isValidHeaderValue(value: string): boolean {
  return !INVALID_VALUE_BYTE.test(value);
}
