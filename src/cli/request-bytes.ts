import type { WireRequest } from './send.js';

// The request as bytes on the wire. Written by hand rather than through node:http, which refuses header values a
// browser sends (\x01, \x7f and other control bytes but NUL, CR and LF) and adds headers of its own.

const TOKEN = /^[!#$%&'*+\-.^_`|~\dA-Za-z]+$/;
// A header value may hold any byte but NUL, CR and LF (https://fetch.spec.whatwg.org/#header-value); one JS char is one byte.
const FORBIDDEN_IN_VALUE = /[\0\r\n\u0100-\uffff]/;

/** The Fetch standard gives a body-less POST or PUT `Content-Length: 0` (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch). */
const ZERO_LENGTH_METHODS = new Set(['POST', 'PUT']);

/**
 * The request line, Host, the header lines as given, Content-Length and Connection, then the body (UTF-8, as fetch
 * encodes a string body).
 * @throws {TypeError} when a method, name or value could not be sent as one header line (the prediction refuses those first).
 */
export function requestBytes(wire: WireRequest): Buffer {
  const url = new URL(wire.url);
  if (!TOKEN.test(wire.method)) throw new TypeError(`cannot send the method ${JSON.stringify(wire.method)}`);
  const lines = [`${wire.method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of wire.headers) {
    if (!TOKEN.test(name) || FORBIDDEN_IN_VALUE.test(value))
      throw new TypeError(`cannot send the header ${JSON.stringify(`${name}: ${value}`)} as one line`);
    lines.push(`${name}: ${value}`);
  }
  const body = wire.body === undefined ? Buffer.alloc(0) : Buffer.from(wire.body, 'utf8');
  if (wire.body !== undefined || ZERO_LENGTH_METHODS.has(wire.method)) lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: keep-alive', '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]);
}
