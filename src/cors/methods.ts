// Methods, per the Fetch standard §2.2.1 "Methods" (https://fetch.spec.whatwg.org/#methods).

/** Normalization upper-cases only these, byte-case-insensitively (https://fetch.spec.whatwg.org/#concept-method-normalize). */
const NORMALIZED_METHODS: ReadonlySet<string> = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** https://fetch.spec.whatwg.org/#cors-safelisted-method — compared byte-case-sensitively, after normalization. */
export const SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

/** https://fetch.spec.whatwg.org/#forbidden-method — `fetch()` throws a TypeError (byte-case-insensitive). */
export const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** A method must be an HTTP token (RFC 9110 §5.6.2). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.has(method.toUpperCase());
}

export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}
