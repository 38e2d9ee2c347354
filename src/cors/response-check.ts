import { toCheckFailure } from './check-text.js';
import { isToken, SAFELISTED_METHODS } from './methods.js';
import { readHeader, type ResponseHeaders } from './response-headers.js';
import { RESPONSE_PROFILES } from './response-profiles.js';
import { parseTokenList } from './token-list.js';
import type { Engine } from './types.js';

// The checks a browser runs on the server's answers (Fetch standard: "CORS check", "CORS-preflight fetch"),
// as pure functions over header lists: the client's diagnosis and the CLI's `probe` share them.

export { readHeader, type ResponseHeaders } from './response-headers.js';

/** Where in the exchange a cause sits: the connection itself, the OPTIONS preflight, or the actual response. */
export type CauseStage = 'network' | 'preflight' | 'response';

/** Every response-side code, in the order of the exchange: the one list the type, the dev probe and the tests read. */
export const CORS_CHECK_CODES = [
  'unreachable', // network stage: the server is down, refused the connection, or the name does not resolve
  'preflight_status', // the preflight's status is not 2xx
  'preflight_redirect', // the preflight was redirected: browsers fail it
  'missing_allow_origin',
  'multiple_allow_origin',
  'allow_origin_mismatch',
  'wildcard_origin_with_credentials',
  'allow_credentials_not_true',
  'method_not_allowed',
  'header_not_allowed',
  'wildcard_does_not_cover_authorization',
  'invalid_allow_methods', // Access-Control-Allow-Methods is not a valid token list: engines fail the whole preflight
  'invalid_allow_headers', // the same for Access-Control-Allow-Headers
  'header_not_exposed', // a response header the page reads is not in Access-Control-Expose-Headers
] as const;

/** Why a response fails a check, with the header at fault and the value it should carry (one of {@link CORS_CHECK_CODES}). */
export type CorsCheckCode = (typeof CORS_CHECK_CODES)[number];

/** One failed requirement of a check: the header at fault, what the server sent and what it should send. */
export interface CorsCheckFailure {
  /** Where the failure sits in the exchange. */
  stage: CauseStage;
  /** Which requirement failed: a stable code to switch on (`header_not_allowed`, `wildcard_origin_with_credentials`, …). */
  code: CorsCheckCode;
  /** The response header at fault (or `status`). */
  header?: string;
  /** What the server sent, or null when the header was absent. */
  received?: string | null;
  /** What the server should send. */
  expected?: string;
  /** The method, header name or list item the failure is about (e.g. `PUT`, `x-key`, the invalid item `x y`). */
  subject?: string;
  /** A sentence naming the cause, derived from the code and the fields above (src/cors/check-text.ts). */
  message: string;
  /** What to change, derived likewise. */
  fix?: string;
}

/** Options of the response checks: the engine whose rules apply, as for `predictCors`. */
export interface CheckOptions {
  /** @default 'standard' */
  engine?: Engine | undefined;
}

/** The request's side of a check: the page's origin and the credentials mode of the call. */
export interface CheckContext {
  /** The page origin, serialized (`https://app.example`). */
  origin: string;
  /** The call's credentials mode: with `include`, `*` no longer counts and Allow-Credentials must be `true`. */
  credentials: RequestCredentials;
}

/** The request's side of the preflight check: also the method and the CORS-unsafe header names (lower-case) it asks for. */
export interface PreflightContext extends CheckContext {
  /** The call's method (Access-Control-Request-Method), as the page wrote it. */
  method: string;
  /** The names the preflight lists in Access-Control-Request-Headers, lower-case (a prediction's `unsafeHeaders`). */
  unsafeHeaders: readonly string[];
}

// https://fetch.spec.whatwg.org/#concept-cors-check, for the preflight or the actual response.
function corsCheck(headers: ResponseHeaders, context: CheckContext, stage: CauseStage): CorsCheckFailure[] {
  const header = 'Access-Control-Allow-Origin';
  const allowOrigin = readHeader(headers, 'access-control-allow-origin');
  const include = context.credentials === 'include';
  const expected = context.origin;
  if (allowOrigin === null) return [toCheckFailure({ stage, code: 'missing_allow_origin', header, received: null, expected })];
  if (allowOrigin === '*' && !include) return [];
  if (allowOrigin === '*') return [toCheckFailure({ stage, code: 'wildcard_origin_with_credentials', header, received: '*', expected })];
  if (allowOrigin !== context.origin) {
    const code = /[ ,]/.test(allowOrigin) ? 'multiple_allow_origin' : 'allow_origin_mismatch';
    return [toCheckFailure({ stage, code, header, received: allowOrigin, expected })];
  }
  const allowCredentials = readHeader(headers, 'access-control-allow-credentials');
  if (include && allowCredentials !== 'true') {
    return [
      toCheckFailure({
        stage,
        code: 'allow_credentials_not_true',
        header: 'Access-Control-Allow-Credentials',
        received: allowCredentials,
        expected: 'true',
      }),
    ];
  }
  return [];
}

/**
 * https://fetch.spec.whatwg.org/#concept-cors-check — the check every cross-origin CORS response must pass.
 * Every engine measured applies it as written (docs/engines.md), so `options.engine` changes nothing here today.
 * @param headers The response's headers (a `Headers`, or a plain record of names and values).
 * @param context The page's origin and the call's credentials mode.
 * @param _options The engine whose rules apply (reserved: every engine measured applies the check as written).
 * @example checkCorsResponse(response.headers, { origin: 'https://app.example', credentials: 'include' }) // [] when it passes
 */
export function checkCorsResponse(headers: ResponseHeaders, context: CheckContext, _options: CheckOptions = {}): CorsCheckFailure[] {
  return corsCheck(headers, context, 'response');
}

function statusFailures(status: number): CorsCheckFailure[] {
  if (status >= 200 && status <= 299) return [];
  const code = status >= 300 && status <= 399 ? 'preflight_redirect' : 'preflight_status';
  return [toCheckFailure({ stage: 'preflight', code, header: 'status', received: String(status), expected: '2xx (e.g. 204)' })];
}

function methodFailures(value: string | null, context: PreflightContext): CorsCheckFailure[] {
  const header = 'Access-Control-Allow-Methods';
  const methods = parseTokenList(value);
  if (!methods.valid) {
    const expected = repaired(value, SAFELISTED_METHODS.has(context.method) ? [] : [context.method], (item) => item).join(', ');
    return [
      toCheckFailure({ stage: 'preflight', code: 'invalid_allow_methods', header, received: value, subject: methods.invalid, expected }),
    ];
  }
  const wildcard = context.credentials !== 'include' && methods.items.includes('*');
  // Methods compare byte-case-sensitively: `put` does not allow PUT.
  if (SAFELISTED_METHODS.has(context.method) || methods.items.includes(context.method) || wildcard) return [];
  return [
    toCheckFailure({
      stage: 'preflight',
      code: 'method_not_allowed',
      header,
      received: value,
      subject: context.method,
      expected: [...methods.items, context.method].join(', '),
    }),
  ];
}

// The value to send instead of a list that failed to parse: its tokens split on commas and spaces, plus what the call needs.
function repaired(value: string | null, needed: readonly string[], key: (item: string) => string): string[] {
  const items = (value ?? '').split(/[\s,]+/).filter((item) => isToken(item));
  for (const item of needed) if (!items.some((known) => key(known) === key(item))) items.push(item);
  return items;
}

function headerFailures(value: string | null, context: PreflightContext, engine: Engine): CorsCheckFailure[] {
  const header = 'Access-Control-Allow-Headers';
  const names = parseTokenList(value);
  if (!names.valid) {
    const expected = repaired(value, context.unsafeHeaders, (item) => item.toLowerCase()).join(', ');
    return [
      toCheckFailure({ stage: 'preflight', code: 'invalid_allow_headers', header, received: value, subject: names.invalid, expected }),
    ];
  }
  const allowed = new Set(names.items.map((name) => name.toLowerCase()));
  const wildcard = context.credentials !== 'include' && allowed.has('*');
  const coversAuthorization = wildcard && RESPONSE_PROFILES[engine].wildcardCoversAuthorization;
  const missing = [...new Set(context.unsafeHeaders)].filter(
    (name) => !allowed.has(name) && (!wildcard || (name === 'authorization' && !coversAuthorization)),
  );
  const expected = [...names.items, ...missing].join(', ');
  return missing.map((name) =>
    toCheckFailure({
      stage: 'preflight',
      code: wildcard ? 'wildcard_does_not_cover_authorization' : 'header_not_allowed',
      header,
      received: value,
      subject: name,
      expected,
    }),
  );
}

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch — the OPTIONS response: an ok status (a redirect fails), the CORS
 * check, then Access-Control-Allow-Methods and -Allow-Headers, each a valid token list (else the whole preflight
 * fails) that covers the method and every unsafe header. Every failure is reported, in that order.
 * @example checkPreflightResponse(204, response.headers, { origin, credentials: 'omit', method: 'PUT', unsafeHeaders: ['x-key'] }, { engine: 'firefox' })
 * @param status The OPTIONS response's status.
 * @param headers The OPTIONS response's headers (a `Headers`, or a plain record).
 * @param context The page's origin, the credentials mode, and the method and unsafe headers the preflight asked for.
 * @param options The engine whose rules apply (Firefox and WebKit read `Allow-Headers: *` differently).
 */
export function checkPreflightResponse(
  status: number,
  headers: ResponseHeaders,
  context: PreflightContext,
  options: CheckOptions = {},
): CorsCheckFailure[] {
  const engine = options.engine ?? 'standard';
  return [
    ...statusFailures(status),
    ...corsCheck(headers, context, 'preflight'),
    ...methodFailures(readHeader(headers, 'access-control-allow-methods'), context),
    ...headerFailures(readHeader(headers, 'access-control-allow-headers'), context, engine),
  ];
}
