// Byte classes of the Fetch standard. Header values are byte strings: each char code is one byte (0–255).

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte */
export function isCorsUnsafeByte(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09) ||
    code === 0x22 || // "
    code === 0x28 || // (
    code === 0x29 || // )
    code === 0x3a || // :
    code === 0x3c || // <
    code === 0x3e || // >
    code === 0x3f || // ?
    code === 0x40 || // @
    code === 0x5b || // [
    code === 0x5c || // \
    code === 0x5d || // ]
    code === 0x7b || // {
    code === 0x7d || // }
    code === 0x7f
  );
}

/** The bytes Accept-Language and Content-Language may hold: 0-9 A-Z a-z space * , - . ; = */
export function isLanguageByte(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x20 ||
    code === 0x2a ||
    code === 0x2c ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x3b ||
    code === 0x3d
  );
}

export function someByte(value: string, test: (code: number) => boolean): boolean {
  for (let i = 0; i < value.length; i++) if (test(value.charCodeAt(i))) return true;
  return false;
}

/** HTTP whitespace bytes: tab, LF, CR, space (https://fetch.spec.whatwg.org/#http-whitespace-byte). */
export function isHttpWhitespace(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || code === 0x20;
}

/** Strips leading and trailing HTTP whitespace, as Headers does to every value it is given. */
export function normalizeHeaderValue(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

/** https://fetch.spec.whatwg.org/#header-value — after normalization: no NUL, LF or CR, and a byte string. */
export function isValidHeaderValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x00 || code === 0x0a || code === 0x0d || code > 0xff) return false;
  }
  return true;
}
