import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** One request as it goes on the wire: the probe builds it the way a browser would. */
export interface WireRequest {
  method: string;
  url: string;
  /** Header lines in order, names as sent. */
  headers: [string, string][];
  body?: string;
}

/** The answer as it came back: status and raw header lines. */
export interface WireResponse {
  status: number;
  headers: [string, string][];
}

/** Sends one request and resolves with the answer's head; the platform is injected so tests and the demo can swap it. */
export type Send = (request: WireRequest, timeoutMs: number) => Promise<WireResponse>;

/** A network failure (refused, unresolvable, timed out): the CLI exits 2, since nothing was judged. */
export class ProbeNetworkError extends Error {
  override name = 'ProbeNetworkError' as const;
}

// node:http rather than fetch: undici's fetch adds headers of its own (accept-language, sec-fetch-mode, user-agent)
// and follows redirects, while the probe must send exactly what a browser sends and see each answer as it is.
export const sendOverHttp: Send = (wire, timeoutMs) =>
  new Promise((resolve, reject) => {
    const url = new URL(wire.url);
    // Header lines as an array keep their order and case, but then Node adds no Host of its own: a browser always sends one.
    const headers = [['Host', url.host], ...wire.headers].flat();
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: wire.method, headers, timeout: timeoutMs });
    const failWith = (message: string): void => reject(new ProbeNetworkError(`${wire.method} ${wire.url}: ${message}`));
    request.on('timeout', () => {
      request.destroy();
      failWith(`no answer in ${timeoutMs} ms`);
    });
    request.on('error', (error: NodeJS.ErrnoException) => failWith(error.code ?? error.message));
    request.on('response', (response) => {
      const headers: [string, string][] = [];
      for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) headers.push([response.rawHeaders[i] ?? '', response.rawHeaders[i + 1] ?? '']);
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers }));
      response.on('error', (error) => failWith(error.message));
    });
    request.end(wire.body);
  });
