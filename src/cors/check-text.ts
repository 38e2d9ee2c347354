import type { CauseStage, CorsCheckFailure } from './response-check.js';

// The one formatter for the response side, modelled on reasons.ts: every surface (probe, CorsError, the dev warning)
// derives its words from a check failure's code and data. A fix never moves a credential or token into a URL.

/** A check failure before it has words: the code and the data the words are built from. */
export type CheckFailureData = Omit<CorsCheckFailure, 'message' | 'fix'>;

/** The words of a check failure. */
export interface CheckText {
  message: string;
  fix?: string;
}

const WHERE: Readonly<Record<CauseStage, string>> = Object.freeze({ network: 'the connection', preflight: 'the preflight response', response: 'the response' });

const shown = (value: string | null | undefined): string => (value === null || value === undefined ? '(absent)' : `"${value}"`);

/** The message and fix for a response-side failure, from its code and data alone. */
export function describeCheck(data: CheckFailureData): CheckText {
  const { received, expected = '', subject = '' } = data;
  const where = WHERE[data.stage];
  switch (data.code) {
    case 'unreachable':
      return {
        message: 'the server did not answer: it is down, refused the connection, or its name does not resolve',
        fix: 'check that the server runs and that the URL has the right host, port and scheme; this is not a CORS failure',
      };
    case 'preflight_status':
      return {
        message: `the preflight (OPTIONS) got status ${received ?? '?'}; it must get 2xx`,
        fix: 'answer OPTIONS with 204 and the CORS headers, before any authentication: a preflight never carries cookies or Authorization',
      };
    case 'preflight_redirect':
      return {
        message: `the preflight (OPTIONS) was redirected (status ${received ?? '?'}): browsers fail a redirected preflight`,
        fix: 'call the final URL directly (scheme, host, trailing slash) or answer OPTIONS at this URL with 204',
      };
    case 'missing_allow_origin':
      return { message: `${where} has no Access-Control-Allow-Origin header`, fix: `send Access-Control-Allow-Origin: ${expected}` };
    case 'multiple_allow_origin':
      return {
        message: `Access-Control-Allow-Origin must hold exactly one origin, not ${shown(received)}`,
        fix: `send only the page's origin (${expected}), picked per request from an allowlist, with Vary: Origin`,
      };
    case 'allow_origin_mismatch':
      return { message: `Access-Control-Allow-Origin is ${shown(received)} but the page is ${expected}`, fix: `send ${expected} exactly: same scheme, host and port, no trailing slash` };
    case 'wildcard_origin_with_credentials':
      return {
        message: `Access-Control-Allow-Origin: * is refused when the call carries credentials (credentials: 'include')`,
        fix: `send the page's origin (${expected}) with Vary: Origin, or leave credentials out of the call if it needs no cookies`,
      };
    case 'allow_credentials_not_true':
      return {
        message: received === null || received === undefined
          ? `a call with credentials needs Access-Control-Allow-Credentials: true, and ${where} has none`
          : `Access-Control-Allow-Credentials is ${shown(received)}; a call with credentials needs exactly true (lower case, one line)`,
        fix: 'send Access-Control-Allow-Credentials: true',
      };
    case 'method_not_allowed':
      return {
        message: `Access-Control-Allow-Methods (${shown(received)}) does not allow ${subject}: methods compare case-sensitively, and * counts only without credentials`,
        fix: `send Access-Control-Allow-Methods: ${expected}`,
      };
    case 'header_not_allowed':
      return {
        message: `Access-Control-Allow-Headers (${shown(received)}) does not allow ${subject}${received?.includes('*') === true ? ': with credentials, * is only a name, not a wildcard' : ''}`,
        fix: `send Access-Control-Allow-Headers: ${expected}`,
      };
    case 'wildcard_does_not_cover_authorization':
      return {
        message: 'Access-Control-Allow-Headers: * does not cover Authorization by the Fetch standard (the engines measured in docs/engines.md let it through)',
        fix: `list it by name: Access-Control-Allow-Headers: ${expected}`,
      };
    case 'invalid_allow_methods':
      return {
        message: `Access-Control-Allow-Methods ${shown(received)} is not a comma-separated list of methods (${shown(subject)} is not a method name): the whole preflight fails`,
        fix: `send Access-Control-Allow-Methods: ${expected}`,
      };
    case 'invalid_allow_headers':
      return {
        message: `Access-Control-Allow-Headers ${shown(received)} is not a comma-separated list of header names (${shown(subject)} is not a header name): the whole preflight fails`,
        fix: `send Access-Control-Allow-Headers: ${expected}`,
      };
    case 'header_not_exposed':
      if (data.expected === undefined) return { message: `the page reads response header ${subject}, which browsers never expose to scripts (they keep cookies to themselves)` };
      return {
        message: `the page reads response header ${subject}, which the response does not expose: the browser hides it (headers.get() returns null)`,
        fix: `send Access-Control-Expose-Headers: ${expected}`,
      };
  }
}

/** A full check failure: the data with its message and fix. */
export function toCheckFailure(data: CheckFailureData): CorsCheckFailure {
  return Object.assign({}, data, describeCheck(data));
}
