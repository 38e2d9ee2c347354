import { headerValue, type RecordedRequest, type Reply } from '../helpers/recording-server.js';

// Fifteen ways a server gets CORS wrong, each with the call that meets it and the cause that is true: the matrix the
// diagnosis is measured on (matrix.browser.test.ts).

export interface Scenario {
  name: string;
  /** The call the page makes (ky options through crosswise). */
  method: 'get' | 'post' | 'put' | 'delete';
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
  /** The true cause, `stage:code`. */
  truth: string;
  /** What the API answers; absent for the server that is down. */
  reply?: (request: RecordedRequest) => Reply;
}

const originOf = (request: RecordedRequest): string => headerValue(request, 'origin') ?? '*';
const preflight = (request: RecordedRequest): boolean => request.method === 'OPTIONS';
const ok = (headers: Record<string, string>): Reply => ({ status: 200, headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'ok' });
const ANY_ORIGIN = { 'Access-Control-Allow-Origin': '*' };

/** Response headers, fixed or read from the request (to echo its Origin). */
type HeadersFor = Record<string, string> | ((request: RecordedRequest) => Record<string, string>);
const headersFor = (headers: HeadersFor, request: RecordedRequest): Record<string, string> =>
  typeof headers === 'function' ? headers(request) : headers;

/** A server whose fault is in its preflight answer (`status`, 204 unless said, with `headers`); the call itself gets `call`. */
const onPreflight =
  (headers: HeadersFor, { status = 204, call = ok(ANY_ORIGIN) }: { status?: number; call?: Reply } = {}) =>
  (request: RecordedRequest): Reply =>
    preflight(request) ? { status, headers: headersFor(headers, request) } : call;

/** A server that sends the same headers to the preflight and the call, the preflight with `status`, the call with 200. */
const sameHeaders =
  (status: number, headers: HeadersFor) =>
  (request: RecordedRequest): Reply => ({ status: preflight(request) ? status : 200, headers: headersFor(headers, request) });

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'no-cors-at-all',
    method: 'get',
    truth: 'response:missing_allow_origin',
    reply: onPreflight({}, { call: ok({}) }),
  },
  {
    name: 'preflight-without-allow-origin',
    method: 'put',
    truth: 'preflight:missing_allow_origin',
    reply: onPreflight({ 'Access-Control-Allow-Methods': 'PUT' }),
  },
  {
    name: 'preflight-401-auth-middleware',
    method: 'get',
    headers: { Authorization: 'Bearer t' },
    truth: 'preflight:preflight_status',
    reply: sameHeaders(401, { ...ANY_ORIGIN, 'Access-Control-Allow-Headers': 'authorization' }),
  },
  {
    name: 'preflight-405',
    method: 'delete',
    truth: 'preflight:preflight_status',
    reply: sameHeaders(405, { ...ANY_ORIGIN, 'Access-Control-Allow-Methods': 'DELETE' }),
  },
  {
    name: 'method-not-allowed',
    method: 'put',
    truth: 'preflight:method_not_allowed',
    reply: onPreflight((request) => ({ 'Access-Control-Allow-Origin': originOf(request), 'Access-Control-Allow-Methods': 'GET, POST' })),
  },
  {
    name: 'header-not-allowed',
    method: 'post',
    headers: { 'X-Token': 't' },
    truth: 'preflight:header_not_allowed',
    reply: onPreflight((request) => ({ 'Access-Control-Allow-Origin': originOf(request), 'Access-Control-Allow-Headers': 'content-type' })),
  },
  // (Allow-Headers: * with Authorization is not here: Chromium 156 still lets * cover Authorization, against the standard.)
  {
    name: 'authorization-not-listed',
    method: 'get',
    headers: { Authorization: 'Bearer t' },
    truth: 'preflight:header_not_allowed',
    reply: onPreflight({ ...ANY_ORIGIN, 'Access-Control-Allow-Headers': 'content-type' }),
  },
  {
    name: 'wildcard-origin-with-credentials',
    method: 'get',
    credentials: 'include',
    truth: 'response:wildcard_origin_with_credentials',
    reply: () => ok({ ...ANY_ORIGIN, 'Access-Control-Allow-Credentials': 'true' }),
  },
  {
    name: 'credentials-not-allowed',
    method: 'get',
    credentials: 'include',
    truth: 'response:allow_credentials_not_true',
    reply: (request) => ok({ 'Access-Control-Allow-Origin': originOf(request) }),
  },
  {
    name: 'origin-mismatch',
    method: 'get',
    truth: 'response:allow_origin_mismatch',
    reply: () => ok({ 'Access-Control-Allow-Origin': 'https://app.example' }),
  },
  {
    name: 'several-origins',
    method: 'get',
    truth: 'response:multiple_allow_origin',
    reply: (request) => ok({ 'Access-Control-Allow-Origin': `${originOf(request)}, https://app.example` }),
  },
  {
    name: 'error-response-without-cors',
    method: 'get',
    headers: { 'X-Token': 't' },
    truth: 'response:missing_allow_origin',
    reply: onPreflight({ ...ANY_ORIGIN, 'Access-Control-Allow-Headers': 'x-token' }, { call: { status: 500, body: 'boom' } }),
  },
  {
    name: 'preflight-redirect',
    method: 'put',
    truth: 'preflight:preflight_redirect',
    reply: onPreflight(
      (request) => ({ Location: `${request.path.split('?')[0] ?? ''}/`, ...ANY_ORIGIN, 'Access-Control-Allow-Methods': 'PUT' }),
      { status: 301 },
    ),
  },
  {
    name: 'preflight-credentials-not-allowed',
    method: 'put',
    credentials: 'include',
    truth: 'preflight:allow_credentials_not_true',
    reply: sameHeaders(204, (request) => ({ 'Access-Control-Allow-Origin': originOf(request), 'Access-Control-Allow-Methods': 'PUT' })),
  },
  { name: 'server-down', method: 'get', truth: 'network:unreachable' },
];
