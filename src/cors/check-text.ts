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

// The message of each code; the fix, unless the code words its own, is "send <header>: <expected>".
function messageOf(data: CheckFailureData): string | CheckText {
  const { received, subject = '', header = '' } = data;
  const where = WHERE[data.stage];
  switch (data.code) {
    case 'unreachable':
      return { message: 'the server did not answer (down, connection refused, or the name does not resolve)', fix: 'check that the server runs at this host, port and scheme: this is not a CORS failure' };
    case 'preflight_status':
      return { message: `the preflight (OPTIONS) got ${received ?? ''}, not 2xx`, fix: 'answer OPTIONS with 204 and the CORS headers, without authentication: a preflight carries no cookies or Authorization' };
    case 'preflight_redirect':
      return { message: `the preflight (OPTIONS) got a redirect (${received ?? ''}), which browsers refuse`, fix: 'call the final URL directly, or answer OPTIONS here with 204' };
    case 'missing_allow_origin':
      return `${where} has no ${header}`;
    case 'multiple_allow_origin':
      return { message: `${header} must hold one origin, not ${shown(received)}`, fix: `send only ${data.expected ?? ''} (picked from an allowlist per request) with Vary: Origin` };
    case 'allow_origin_mismatch':
      return `${header} is ${shown(received)}, not the page's origin`;
    case 'wildcard_origin_with_credentials':
      return { message: `${header}: * is refused for a call with credentials`, fix: `send ${header}: ${data.expected ?? ''} with Vary: Origin, or send the call without credentials` };
    case 'allow_credentials_not_true':
      return `a call with credentials needs ${header}: true (exactly), and ${where} has ${shown(received)}`;
    case 'method_not_allowed':
    case 'header_not_allowed':
      // Methods compare case-sensitively, names do not; with credentials * is a name like any other.
      return `${header} ${shown(received)} does not allow ${subject}${received?.includes('*') === true ? ' (* counts only without credentials)' : ''}`;
    case 'wildcard_does_not_cover_authorization':
      return `${header}: * does not cover Authorization by the Fetch standard (Chromium, Firefox and WebKit let it through): list it by name`;
    case 'invalid_allow_methods':
    case 'invalid_allow_headers':
      return `${header} ${shown(received)} is not a comma-separated list (${shown(subject)} is not a name): the whole preflight fails`;
    case 'header_not_exposed':
      if (data.expected === undefined) return { message: `the page reads ${subject}, which browsers never expose to scripts` };
      return `the page reads ${subject}, which the response does not expose: headers.get() returns null`;
  }
}

/** The message and fix for a response-side failure, from its code and data alone. */
export function describeCheck(data: CheckFailureData): CheckText {
  const text = messageOf(data);
  return typeof text === 'string' ? { message: text, fix: `send ${data.header ?? ''}: ${data.expected ?? ''}` } : text;
}

/** A full check failure: the data with its message and fix. */
export function toCheckFailure(data: CheckFailureData): CorsCheckFailure {
  return Object.assign({}, data, describeCheck(data));
}
