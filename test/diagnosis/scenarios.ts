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

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'no-cors-at-all',
    method: 'get',
    truth: 'response:missing_allow_origin',
    reply: (request) => (preflight(request) ? { status: 204 } : ok({})),
  },
  {
    name: 'preflight-without-allow-origin',
    method: 'put',
    truth: 'preflight:missing_allow_origin',
    reply: (request) =>
      preflight(request) ? { status: 204, headers: { 'Access-Control-Allow-Methods': 'PUT' } } : ok({ 'Access-Control-Allow-Origin': '*' }),
  },
  {
    name: 'preflight-401-auth-middleware',
    method: 'get',
    headers: { Authorization: 'Bearer t' },
    truth: 'preflight:preflight_status',
    reply: (request) => ({
      status: preflight(request) ? 401 : 200,
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'authorization' },
    }),
  },
  {
    name: 'preflight-405',
    method: 'delete',
    truth: 'preflight:preflight_status',
    reply: (request) => ({
      status: preflight(request) ? 405 : 200,
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'DELETE' },
    }),
  },
  {
    name: 'method-not-allowed',
    method: 'put',
    truth: 'preflight:method_not_allowed',
    reply: (request) =>
      preflight(request)
        ? { status: 204, headers: { 'Access-Control-Allow-Origin': originOf(request), 'Access-Control-Allow-Methods': 'GET, POST' } }
        : ok({ 'Access-Control-Allow-Origin': '*' }),
  },
  {
    name: 'header-not-allowed',
    method: 'post',
    headers: { 'X-Token': 't' },
    truth: 'preflight:header_not_allowed',
    reply: (request) =>
      preflight(request)
        ? { status: 204, headers: { 'Access-Control-Allow-Origin': originOf(request), 'Access-Control-Allow-Headers': 'content-type' } }
        : ok({ 'Access-Control-Allow-Origin': '*' }),
  },
  // (Allow-Headers: * with Authorization is not here: Chromium 156 still lets * cover Authorization, against the standard.)
  {
    name: 'authorization-not-listed',
    method: 'get',
    headers: { Authorization: 'Bearer t' },
    truth: 'preflight:header_not_allowed',
    reply: (request) =>
      preflight(request)
        ? { status: 204, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type' } }
        : ok({ 'Access-Control-Allow-Origin': '*' }),
  },
  {
    name: 'wildcard-origin-with-credentials',
    method: 'get',
    credentials: 'include',
    truth: 'response:wildcard_origin_with_credentials',
    reply: () => ok({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }),
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
    reply: (request) =>
      preflight(request)
        ? { status: 204, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'x-token' } }
        : { status: 500, body: 'boom' },
  },
  {
    name: 'preflight-redirect',
    method: 'put',
    truth: 'preflight:preflight_redirect',
    reply: (request) =>
      preflight(request)
        ? {
            status: 301,
            headers: {
              Location: `${request.path.split('?')[0] ?? ''}/`,
              'Access-Control-Allow-Origin': '*',
              'Access-Control-Allow-Methods': 'PUT',
            },
          }
        : ok({ 'Access-Control-Allow-Origin': '*' }),
  },
  {
    name: 'preflight-credentials-not-allowed',
    method: 'put',
    credentials: 'include',
    truth: 'preflight:allow_credentials_not_true',
    reply: (request) => ({
      status: preflight(request) ? 204 : 200,
      headers: { 'Access-Control-Allow-Origin': originOf(request), 'Access-Control-Allow-Methods': 'PUT' },
    }),
  },
  { name: 'server-down', method: 'get', truth: 'network:unreachable' },
];
