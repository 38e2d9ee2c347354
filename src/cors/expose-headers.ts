import { toCheckFailure } from './check-text.js';
import type { CheckContext, CheckOptions, CorsCheckFailure } from './response-check.js';
import { headerNames, readHeader, type ResponseHeaders } from './response-headers.js';
import { parseTokenList } from './token-list.js';

// Which response headers a page may read from a CORS response (https://fetch.spec.whatwg.org/#concept-filtered-response-cors).
// Measured in Chromium 156, Firefox 153 and WebKitGTK 2.50 (test/conformance/response-cases.ts, group `expose`): all three as the standard says.

/** https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name — readable from every CORS response. */
export const SAFELISTED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

/** https://fetch.spec.whatwg.org/#forbidden-response-header-name — never readable, whatever the server exposes. */
export const FORBIDDEN_RESPONSE_HEADERS: ReadonlySet<string> = new Set(['set-cookie', 'set-cookie2']);

/** The call's side of exposure: only the credentials mode matters (`*` counts only without `include`). */
export type ExposeContext = Pick<CheckContext, 'credentials'>;

// The names Access-Control-Expose-Headers grants, lower-case; `all` for `*` without credentials. A list that does not parse grants none.
function granted(headers: ResponseHeaders, context: ExposeContext): ReadonlySet<string> | 'all' {
  const list = parseTokenList(readHeader(headers, 'access-control-expose-headers'));
  if (!list.valid) return new Set();
  if (context.credentials !== 'include' && list.items.includes('*')) return 'all';
  return new Set(list.items.map((name) => name.toLowerCase()));
}

/**
 * Whether the page may read response header `name` (any case) from this CORS response: a safelisted response
 * header, or one Access-Control-Expose-Headers names (`*` names all of them only without credentials); never Set-Cookie.
 * @example isHeaderExposed('x-total', response.headers, { credentials: 'include' }) // false unless named
 * @param name The response header the page reads, any case.
 * @param headers The response's headers (a `Headers`, or a plain record).
 * @param context The call's credentials mode.
 * @param _options The engine whose rules apply (reserved: every engine measured agrees).
 */
export function isHeaderExposed(name: string, headers: ResponseHeaders, context: ExposeContext, _options: CheckOptions = {}): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_RESPONSE_HEADERS.has(lower)) return false;
  if (SAFELISTED_RESPONSE_HEADERS.has(lower)) return true;
  const names = granted(headers, context);
  return names === 'all' || names.has(lower);
}

/**
 * The names (lower-case, sorted) of the headers present in this CORS response that the page may read, as
 * `[...response.headers.keys()]` lists them in the browser.
 * @example exposedHeaders({ 'Content-Type': 'text/plain', 'X-Total': '3', 'Access-Control-Expose-Headers': '*' }, { credentials: 'omit' })
 * // ['access-control-expose-headers', 'content-type', 'x-total']
 * @param headers The response's headers (a `Headers`, or a plain record).
 * @param context The call's credentials mode.
 * @param options The engine whose rules apply.
 */
export function exposedHeaders(headers: ResponseHeaders, context: ExposeContext, options: CheckOptions = {}): string[] {
  return headerNames(headers)
    .filter((name) => isHeaderExposed(name, headers, context, options))
    .sort();
}

/**
 * The `header_not_exposed` failure when the page reads response header `name` that this response hides, else null.
 * `expected` is the Access-Control-Expose-Headers value that would expose it (named: `*` does not count with credentials);
 * absent for Set-Cookie, which no server can expose.
 * @param name The response header the page reads, any case.
 * @param headers The response's headers (a `Headers`, or a plain record).
 * @param context The call's credentials mode.
 * @param options The engine whose rules apply.
 * @example checkHeaderExposed('x-total', response.headers, { credentials: 'omit' })?.expected // 'x-total'
 */
export function checkHeaderExposed(
  name: string,
  headers: ResponseHeaders,
  context: ExposeContext,
  options: CheckOptions = {},
): CorsCheckFailure | null {
  if (isHeaderExposed(name, headers, context, options)) return null;
  const received = readHeader(headers, 'access-control-expose-headers');
  const failure = {
    stage: 'response',
    code: 'header_not_exposed',
    header: 'Access-Control-Expose-Headers',
    received,
    subject: name,
  } as const;
  // Set-Cookie cannot be exposed at all: no value to suggest.
  if (FORBIDDEN_RESPONSE_HEADERS.has(name.toLowerCase())) return toCheckFailure(failure);
  const list = parseTokenList(received);
  const kept = list.valid ? list.items.filter((item) => item !== '*' || context.credentials !== 'include') : [];
  return toCheckFailure({ ...failure, expected: [...kept, name].join(', ') });
}
