import { isSecretHeader } from './secret-headers.js';
import type { HeaderRule, ReasonData } from './types.js';

// The full words of the request-side reasons. Only ./words.ts imports this: the production build swaps that module
// for ./words.production.ts, and these texts drop out of the bundle.

/** The words of one reason. */
export interface ReasonWords {
  message: string;
  fix?: string;
}

const RULE_TEXT: Readonly<Record<HeaderRule, string>> = Object.freeze({
  name: 'is not a CORS-safelisted request header',
  'value-length': 'has a value longer than 128 bytes',
  'unsafe-byte': 'has a value with a CORS-unsafe byte (one of " ( ) : < > ? @ [ \\ ] { } or a control character)',
  'non-ascii': 'has a value with a non-ASCII byte, which this engine treats as unsafe',
  'language-chars': 'has a value outside 0-9 A-Z a-z space * , - . ; =',
  'mime-parse': 'has a value that does not parse as a MIME type (in Firefox: nor with a `,`, or a `;` ending a parameter list)',
  'mime-essence': 'is not application/x-www-form-urlencoded, multipart/form-data or text/plain',
  'range-syntax': 'is not a single `bytes=start-[end]` range',
  'client-hint-value': 'has a value this engine does not accept for that client hint',
});

function headerFix(reason: Extract<ReasonData, { code: 'header_not_safelisted' }>): string {
  const { header, rule, source } = reason;
  if (header === 'content-type') {
    if (source === 'body') return 'give the Blob an empty or text/plain type, or send a string, URLSearchParams or FormData body';
    if (rule === 'mime-essence')
      return 'send the body as text/plain (e.g. JSON.stringify with Content-Type: text/plain) if the server accepts it';
    return 'use a plain `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data` value';
  }
  if (rule === 'name' && isSecretHeader(header)) {
    return `keep \`${header}\` a header (a credential never belongs in a URL): have the server list it in Access-Control-Allow-Headers and cache the preflight with Access-Control-Max-Age`;
  }
  if (rule === 'name')
    return `move \`${header}\` into a query parameter or the body, or have the server list it in Access-Control-Allow-Headers`;
  if (rule === 'value-length') return `shorten the \`${header}\` value to 128 bytes or less`;
  if (rule === 'range-syntax') return 'use a single `bytes=start-end` or `bytes=start-` range';
  return `remove the offending characters from \`${header}\``;
}

function unsafeHeaderWords(reason: Extract<ReasonData, { code: 'header_not_safelisted' }>): ReasonWords {
  return { message: `header \`${reason.header}\` ${RULE_TEXT[reason.rule]}`, fix: headerFix(reason) };
}

// A page sends the same few custom headers on every call, each a reason of every prediction: the words of a name
// the caller set that is not safelisted (they depend on the name alone) are built once per name, for at most
// WORDS_CACHE_LIMIT names (then the memo starts over). completeReason copies them onto each reason.
const WORDS_CACHE_LIMIT = 64;
const unsafeNameWords = new Map<string, Readonly<ReasonWords>>();

function headerWords(reason: Extract<ReasonData, { code: 'header_not_safelisted' }>): ReasonWords {
  if (reason.rule !== 'name' || reason.source !== 'caller') return unsafeHeaderWords(reason);
  let words = unsafeNameWords.get(reason.header);
  if (words === undefined) {
    words = Object.freeze(unsafeHeaderWords(reason));
    if (unsafeNameWords.size >= WORDS_CACHE_LIMIT) unsafeNameWords.clear();
    unsafeNameWords.set(reason.header, words);
  }
  return words;
}

/** The number of names whose words the memo holds now (for the test that it stays bounded). */
export function unsafeNameWordsCacheSize(): number {
  return unsafeNameWords.size;
}

const STREAM_REFUSALS: Readonly<Record<'keepalive' | 'no-cors' | 'engine' | 'http1', string>> = Object.freeze({
  keepalive: 'a ReadableStream body is not allowed with keepalive: fetch() throws a TypeError',
  'no-cors': "a ReadableStream body is not allowed in mode 'no-cors': fetch() throws a TypeError",
  engine: 'this engine does not support ReadableStream request bodies: fetch() rejects with NotSupportedError',
  http1: 'this engine uploads a ReadableStream only over HTTP/2 or later, which an http: URL never uses: fetch() rejects',
});

/** A request-side reason's words: what the browser will do and why, and (where one exists) the change that avoids it. */
export function reasonWords(reason: ReasonData): ReasonWords {
  switch (reason.code) {
    case 'method_not_safelisted':
      return {
        message: `method ${reason.method} is not GET, HEAD or POST`,
        fix:
          reason.method === reason.method.toUpperCase()
            ? 'use POST and tunnel the method (e.g. a `_method` query parameter) if the server supports it'
            : `write the method in upper case (${reason.method.toUpperCase()}) or use POST`,
      };
    case 'header_not_safelisted':
      return headerWords(reason);
    case 'safelist_size_exceeded':
      return {
        message: `the safelisted header values add up to ${reason.total} bytes, over 1024`,
        fix: 'send fewer or shorter Accept / Accept-Language / Content-Language / Content-Type / Range values',
      };
    case 'stream_body':
      return {
        message: 'a ReadableStream body always needs a preflight',
        fix: 'send a Blob, ArrayBuffer or string instead of a stream (ky: drop onUploadProgress)',
      };
    case 'invalid_input':
      return { message: `fetch() would throw: ${reason.detail}` };
    case 'invalid_url':
      return { message: `\`${reason.url}\` is not a valid URL`, fix: 'pass an absolute URL, or a page origin to resolve it against' };
    case 'url_has_credentials':
      return {
        message: 'the URL carries a user name or password, which fetch() refuses',
        fix: 'send credentials in an Authorization header instead',
      };
    case 'unsupported_scheme':
      return { message: `scheme ${reason.scheme} cannot be fetched cross-origin`, fix: 'use an http: or https: URL' };
    case 'invalid_method':
      return { message: `\`${reason.method}\` is not a valid HTTP method token` };
    case 'forbidden_method':
      return {
        message: `method ${reason.method} is forbidden: fetch() throws a TypeError`,
        fix: 'use another method; CONNECT, TRACE and TRACK cannot be sent from a page',
      };
    case 'invalid_header_name':
      return { message: `\`${reason.header}\` is not a valid header name: fetch() throws a TypeError` };
    case 'invalid_header_value':
      return {
        message: `header \`${reason.header}\` has a value with NUL, CR, LF or a character above U+00FF: fetch() throws a TypeError`,
        fix: 'encode the value (e.g. encodeURIComponent) before sending it',
      };
    case 'invalid_mode':
      return { message: `mode \`${reason.mode}\` cannot be used with fetch()`, fix: "use 'cors', 'no-cors' or 'same-origin'" };
    case 'invalid_option':
      return { message: `\`${reason.option}: '${reason.value}'\` is not a valid value: fetch() throws a TypeError` };
    case 'body_not_allowed':
      return {
        message: `a ${reason.method} request cannot have a body: fetch() throws a TypeError`,
        fix: 'send the data as query parameters, or use POST',
      };
    case 'stream_without_duplex':
      return {
        message: "a ReadableStream body needs `duplex: 'half'`: fetch() throws a TypeError",
        fix: "add `duplex: 'half'` to the init",
      };
    case 'body_unusable':
      return reason.body === 'stream'
        ? { message: 'the ReadableStream body is locked by a reader: fetch() throws a TypeError', fix: 'release the reader first' }
        : { message: "the Request's body was already read: fetch() throws a TypeError", fix: 'read a request.clone() instead' };
    case 'window_not_null':
      return { message: '`window` may only be null: fetch() throws a TypeError', fix: 'drop `window`' };
    case 'invalid_referrer':
      return {
        message: `\`referrer: ${JSON.stringify(reason.referrer)}\` is not a valid URL: fetch() throws a TypeError`,
        fix: "pass a URL, or '' for none",
      };
    case 'blob_url_refused':
      return reason.cause === 'method'
        ? { message: `a blob: URL answers only GET, not ${reason.method}: fetch() rejects`, fix: 'use GET' }
        : { message: 'a blob: URL of another origin cannot be fetched: fetch() rejects', fix: 'use the Blob itself' };
    case 'stream_not_allowed':
      return { message: STREAM_REFUSALS[reason.context], fix: 'buffer the body (Blob or ArrayBuffer) before sending' };
    case 'stream_needs_http2':
      return {
        message:
          'this engine uploads a ReadableStream only over HTTP/2 or later: on an HTTP/1.1 connection (every http: URL) fetch() rejects after the preflight',
        fix: 'buffer the body, or serve the API over HTTPS with HTTP/2',
      };
    case 'stream_stringified':
      return {
        message: 'this engine does not support ReadableStream bodies: it sends the text "[object ReadableStream]" as text/plain',
        fix: 'buffer the body (Blob or ArrayBuffer) before sending',
      };
    case 'keepalive_body_too_large':
      return { message: `a keepalive body may be at most 64 KiB (this one is ${reason.size} bytes)`, fix: 'send less, or drop keepalive' };
    case 'no_cors_method':
      return { message: `mode 'no-cors' allows only GET, HEAD and POST, not ${reason.method}`, fix: "use mode 'cors'" };
    case 'no_cors_redirect':
      return {
        message: `mode 'no-cors' requires redirect 'follow', not '${reason.redirect}'`,
        fix: "drop the redirect option or use mode 'cors'",
      };
    case 'same_origin_mode':
      return { message: `mode 'same-origin' refuses the cross-origin URL ${reason.target}`, fix: "use mode 'cors'" };
    case 'only_if_cached':
      return {
        message: `cache 'only-if-cached' requires mode 'same-origin', not '${reason.mode}'`,
        fix: "set mode: 'same-origin' or use another cache mode",
      };
    case 'only_if_cached_miss':
      return {
        message: "cache 'only-if-cached' never goes to the network: without a cached response fetch() rejects",
        fix: "use cache 'force-cache' to fall back to the network",
      };
    case 'forbidden_header_dropped':
      return { message: `header \`${reason.header}\` is forbidden: the browser drops it silently` };
    case 'no_cors_header_dropped':
      return { message: `header \`${reason.header}\` is not allowed in mode 'no-cors': the browser drops it silently` };
    case 'origin_unknown':
      return { message: 'the page origin is unknown: the call is judged as cross-origin', fix: 'pass `origin`' };
    case 'request_body_opaque':
      return { message: "a Request object's body source cannot be inspected: it is judged as a buffered body, not a stream" };
  }
}
