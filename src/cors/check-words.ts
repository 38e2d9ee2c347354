import type { CheckFailureData, CheckText } from './check-text.js';

// The full words of the response-side causes. Only ./words.ts imports this: the production build swaps that module
// for ./words.production.ts, and these texts drop out of the bundle. A fix is always on the server: it never moves a
// credential or a token into a URL.

const SUBJECT = { network: 'the connection', preflight: 'the preflight (OPTIONS) answer', response: 'the response' } as const;

function sent(data: CheckFailureData): string {
  if (data.received === undefined) return '';
  return data.received === null ? ' (the server sent none)' : ` (the server sent "${data.received}")`;
}

function items(value: string | null | undefined): string[] {
  return value === null || value === undefined
    ? []
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

/** The method or names the server forgot: the failure's subject, else what `expected` lists and `received` lacks. */
function missing(data: CheckFailureData): string {
  if (data.subject !== undefined) return data.subject;
  const have = new Set(items(data.received).map((item) => item.toLowerCase()));
  const lacking = items(data.expected).filter((item) => !have.has(item.toLowerCase()));
  return lacking.length === 0 ? (data.expected ?? '') : lacking.join(', ');
}

/** Where the server must send a header: on an error response too, when the preflight already passed. */
function everyResponse(data: CheckFailureData): string {
  return data.stage === 'response'
    ? ' on every response, error responses included (4xx/5xx handlers often skip the CORS middleware)'
    : ' on the OPTIONS answer';
}

/** The list item that broke a token list, when the check names it. */
function offending(data: CheckFailureData): string {
  return data.subject === undefined || data.subject === data.received ? '' : ` ("${data.subject}" is not a token)`;
}

/** A failed check's words: what went wrong, and what to change on the server (never: move a secret into a URL). */
export function checkWords(data: CheckFailureData): CheckText {
  const subject = SUBJECT[data.stage];
  const expected = data.expected ?? '';
  switch (data.code) {
    case 'unreachable':
      return {
        message: `the server could not be reached${data.received === undefined || data.received === null ? '' : ` (${data.received})`}: this is not a CORS refusal`,
        fix: 'check the URL (scheme, host, port) and that the server is up; the browser reports an unreachable server exactly like a CORS refusal',
      };
    case 'preflight_status':
      return {
        message: `the preflight (OPTIONS) answered ${data.received ?? 'a non-2xx status'}; it must answer 2xx`,
        fix: 'answer OPTIONS with 204 and the CORS headers before any authentication, routing or method check rejects it (a preflight never carries credentials)',
      };
    case 'preflight_redirect':
      return {
        message: `the preflight was redirected${sent(data)}: browsers fail a redirected preflight`,
        fix: 'call the final URL directly (trailing slash, http→https, host) or answer OPTIONS without redirecting',
      };
    case 'missing_allow_origin':
      return {
        message: `${subject} has no Access-Control-Allow-Origin`,
        fix: `send Access-Control-Allow-Origin: ${expected}${everyResponse(data)}`,
      };
    case 'multiple_allow_origin':
      return {
        message: `${subject} has Access-Control-Allow-Origin with several values${sent(data)}; it must hold exactly one`,
        fix: `echo the request's Origin when it is on your allowlist: Access-Control-Allow-Origin: ${expected}, with Vary: Origin`,
      };
    case 'allow_origin_mismatch':
      return {
        message: `${subject} allows another origin${sent(data)}, not the page's ${expected}`,
        fix: `send Access-Control-Allow-Origin: ${expected} (echo the request's Origin when it is on your allowlist, with Vary: Origin)`,
      };
    case 'wildcard_origin_with_credentials':
      return {
        message: `${subject} has Access-Control-Allow-Origin: *, which a credentialed call never accepts`,
        fix: `echo the origin, Access-Control-Allow-Origin: ${expected}, with Access-Control-Allow-Credentials: true and Vary: Origin`,
      };
    case 'allow_credentials_not_true':
      return {
        message: `${subject} lacks Access-Control-Allow-Credentials: true${sent(data)}, which a credentialed call needs`,
        fix: `send Access-Control-Allow-Credentials: true (exactly, lower case)${everyResponse(data)}`,
      };
    case 'method_not_allowed':
      return {
        message: `the preflight's Access-Control-Allow-Methods does not list ${missing(data)}${sent(data)}`,
        fix: `send Access-Control-Allow-Methods: ${expected} (method names are case-sensitive)`,
      };
    case 'header_not_allowed':
      return {
        message: `the preflight's Access-Control-Allow-Headers does not list ${missing(data)}${sent(data)}`,
        fix: `send Access-Control-Allow-Headers: ${expected}, and Access-Control-Max-Age so the browser caches the preflight`,
      };
    case 'wildcard_does_not_cover_authorization':
      return {
        message:
          "the preflight's Access-Control-Allow-Headers: * does not cover Authorization by the Fetch standard (Chromium, Firefox and WebKit let it through)",
        fix: `list it by name: Access-Control-Allow-Headers: ${expected}`,
      };
    case 'invalid_allow_methods':
      return {
        message: `the preflight's Access-Control-Allow-Methods is not a valid list of method tokens${sent(data)}${offending(data)}: the browser fails the whole preflight`,
        fix: `send a comma-separated list of methods: Access-Control-Allow-Methods: ${expected}`,
      };
    case 'invalid_allow_headers':
      return {
        message: `the preflight's Access-Control-Allow-Headers is not a valid list of header names${sent(data)}${offending(data)}: the browser fails the whole preflight`,
        fix: `send a comma-separated list of names: Access-Control-Allow-Headers: ${expected}`,
      };
    case 'header_not_exposed': {
      const name = data.subject ?? data.header ?? 'a header';
      if (data.expected === undefined)
        return {
          message: `the page reads ${name}, which browsers never expose to scripts`,
          fix: `read ${name} on the server: no response header can expose it`,
        };
      return {
        message: `${subject} hides ${name} from the page: it is not in Access-Control-Expose-Headers${sent(data)}, so headers.get() returns null`,
        fix: `send Access-Control-Expose-Headers: ${expected}`,
      };
    }
  }
}
