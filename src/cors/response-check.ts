import { SAFELISTED_METHODS } from './methods.js';
import type { Engine } from './types.js';

// The checks a browser runs on the server's answers (Fetch standard: "CORS check", "CORS-preflight fetch"),
// as pure functions over header lists: the client's diagnosis and the CLI's `probe` share them.

/** Where in the exchange a cause sits: the connection itself, the OPTIONS preflight, or the actual response. */
export type CauseStage = 'network' | 'preflight' | 'response';

/** Why a response fails a check, with the header at fault and the value it should carry. */
export type CorsCheckCode =
  | 'unreachable' // network stage: the server is down, refused the connection, or the name does not resolve
  | 'preflight_status' // the preflight's status is not 2xx
  | 'preflight_redirect' // the preflight was redirected: browsers fail it
  | 'missing_allow_origin'
  | 'multiple_allow_origin'
  | 'allow_origin_mismatch'
  | 'wildcard_origin_with_credentials'
  | 'allow_credentials_not_true'
  | 'method_not_allowed'
  | 'header_not_allowed'
  | 'wildcard_does_not_cover_authorization'
  | 'invalid_allow_methods' // Access-Control-Allow-Methods is not a valid token list: engines fail the whole preflight
  | 'invalid_allow_headers' // the same for Access-Control-Allow-Headers
  | 'header_not_exposed'; // a response header the page reads is not in Access-Control-Expose-Headers

/** One failed requirement of a check: the header at fault, what the server sent and what it should send. */
export interface CorsCheckFailure {
  /** Where the failure sits in the exchange. */
  stage: CauseStage;
  code: CorsCheckCode;
  /** The response header at fault (or `status`). */
  header?: string;
  /** What the server sent, or null when the header was absent. */
  received?: string | null;
  /** What the server should send. */
  expected?: string;
  message: string;
  /** What to change, when it is not already said by `expected`. */
  fix?: string;
}

/** Options of the response checks: the engine whose rules apply, as for `predictCors`. */
export interface CheckOptions {
  /** @default 'standard' */
  engine?: Engine | undefined;
}

/** Response headers in any common shape: a `Headers`, `[name, value]` pairs, or a plain record. */
export type ResponseHeaders = Headers | Iterable<readonly [string, string]> | Record<string, string>;

/** The request's side of a check: the page's origin and the credentials mode of the call. */
export interface CheckContext {
  /** The page origin, serialized (`https://app.example`). */
  origin: string;
  credentials: RequestCredentials;
}

/** A response header's value (repeated lines combined with `, `), or null when absent. `name` is lower-case. */
export function readHeader(headers: ResponseHeaders, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const entries: Iterable<readonly [string, string]> =
    Symbol.iterator in (headers as object) ? (headers as Iterable<readonly [string, string]>) : Object.entries(headers as Record<string, string>);
  const values: string[] = [];
  for (const [key, value] of entries) if (key.toLowerCase() === name) values.push(value);
  return values.length === 0 ? null : values.join(', ');
}

function fail(code: CorsCheckCode, header: string, received: string | null, expected: string, message: string, stage: CauseStage = 'response'): CorsCheckFailure {
  return { stage, code, header, received, expected, message };
}

/** https://fetch.spec.whatwg.org/#concept-cors-check — the check every cross-origin CORS response must pass. */
export function checkCorsResponse(headers: ResponseHeaders, context: CheckContext, _options: CheckOptions = {}): CorsCheckFailure[] {
  const allowOrigin = readHeader(headers, 'access-control-allow-origin');
  const include = context.credentials === 'include';
  if (allowOrigin === null) {
    return [fail('missing_allow_origin', 'Access-Control-Allow-Origin', null, context.origin, `the response has no Access-Control-Allow-Origin; it must be ${include ? context.origin : `${context.origin} or *`}`)];
  }
  if (allowOrigin === '*' && !include) return [];
  if (allowOrigin === '*') {
    return [fail('wildcard_origin_with_credentials', 'Access-Control-Allow-Origin', '*', context.origin, `Access-Control-Allow-Origin: * is refused for credentialed requests; it must echo ${context.origin}`)];
  }
  if (allowOrigin !== context.origin) {
    const multiple = /[ ,]/.test(allowOrigin);
    return [
      fail(multiple ? 'multiple_allow_origin' : 'allow_origin_mismatch', 'Access-Control-Allow-Origin', allowOrigin, context.origin,
        multiple ? `Access-Control-Allow-Origin must hold one origin, not "${allowOrigin}"` : `Access-Control-Allow-Origin is "${allowOrigin}" but the page is ${context.origin}`),
    ];
  }
  const allowCredentials = readHeader(headers, 'access-control-allow-credentials');
  if (include && allowCredentials !== 'true') {
    return [fail('allow_credentials_not_true', 'Access-Control-Allow-Credentials', allowCredentials, 'true', 'a credentialed request needs Access-Control-Allow-Credentials: true (exactly, lower case)')];
  }
  return [];
}

function list(value: string | null): string[] {
  return value === null ? [] : value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** https://fetch.spec.whatwg.org/#cors-preflight-fetch — the OPTIONS response: ok status, CORS check, methods, headers. */
export function checkPreflightResponse(
  status: number,
  headers: ResponseHeaders,
  context: CheckContext & { method: string; unsafeHeaders: readonly string[] },
  options: CheckOptions = {},
): CorsCheckFailure[] {
  const failures: CorsCheckFailure[] = [];
  if (status < 200 || status > 299) failures.push(fail('preflight_status', 'status', String(status), '2xx (e.g. 204)', `the preflight answered ${status}; it must answer 2xx`, 'preflight'));
  for (const failure of checkCorsResponse(headers, context, options)) failures.push({ ...failure, stage: 'preflight' });
  const include = context.credentials === 'include';
  const methods = list(readHeader(headers, 'access-control-allow-methods'));
  const wildcardMethods = !include && methods.includes('*');
  if (!SAFELISTED_METHODS.has(context.method) && !methods.includes(context.method) && !wildcardMethods) {
    failures.push(fail('method_not_allowed', 'Access-Control-Allow-Methods', methods.length === 0 ? null : methods.join(', '), [...methods, context.method].join(', '),
      `Access-Control-Allow-Methods must list ${context.method} (case-sensitive)`, 'preflight'));
  }
  const allowed = new Set(list(readHeader(headers, 'access-control-allow-headers')).map((name) => name.toLowerCase()));
  const wildcardHeaders = !include && allowed.has('*');
  const received = allowed.size === 0 ? null : [...allowed].join(', ');
  for (const name of new Set(context.unsafeHeaders)) {
    if (allowed.has(name)) continue;
    if (name === 'authorization' && wildcardHeaders) {
      failures.push(fail('wildcard_does_not_cover_authorization', 'Access-Control-Allow-Headers', received, [...allowed, 'authorization'].join(', '), 'Access-Control-Allow-Headers: * never covers Authorization: list it by name', 'preflight'));
    } else if (!wildcardHeaders) {
      failures.push(fail('header_not_allowed', 'Access-Control-Allow-Headers', received, [...allowed, name].join(', '), `Access-Control-Allow-Headers must list ${name}`, 'preflight'));
    }
  }
  return failures;
}
