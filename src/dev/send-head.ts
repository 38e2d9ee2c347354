import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SeenResponse } from '../cors/probe-request.js';

// The dev probe's only way out: one request, its answer's head, nothing more. node:http rather than fetch, because
// undici adds headers of its own and follows redirects, while the replay must send what a browser sends and see each
// answer as it is. The body is never read, and one deadline covers the whole exchange.

/** One request as it goes on the wire. */
export interface HeadRequest {
  /** The method to send: OPTIONS for the preflight replay, else the call's own. */
  method: string;
  /** The absolute http(s) URL to send it to. */
  url: string;
  /** Header lines in order, names as sent (Host is added). */
  headers: [string, string][];
}

/** Sends one request and resolves with the answer's status and header lines; tests inject their own. */
export type SendHead = (request: HeadRequest, timeoutMs: number) => Promise<SeenResponse>;

/** The server could not be reached: refused, unresolvable, reset or out of time. `code` is Node's (ECONNREFUSED, ENOTFOUND…). */
export class UnreachableError extends Error {
  /** Always `'UnreachableError'`. */
  override name = 'UnreachableError' as const;
  /**
   * Built by the probe's sender when no answer came.
   * @param code The network error's code (`ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT` when no answer came in time, …).
   * @param message What happened, in a sentence.
   */
  constructor(
    /** The network error's code (`ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT` when no answer came in time, …). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** True for an `UnreachableError`, also from another realm or copy of crosswise: matched by class, then by name and `code`. */
export function isUnreachableError(error: unknown): error is UnreachableError {
  return (
    error instanceof UnreachableError ||
    ((error as UnreachableError | null)?.name === 'UnreachableError' && typeof (error as UnreachableError).code === 'string')
  );
}

/** Largest answer head read from the server, in bytes (Node's default is also 16 KiB). */
const MAX_HEADER_BYTES = 16 * 1024;

export const sendHead: SendHead = (wire, timeoutMs) =>
  new Promise((resolve, reject) => {
    const url = new URL(wire.url);
    const headers = [['Host', url.host], ...wire.headers].flat();
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { method: wire.method, headers, maxHeaderSize: MAX_HEADER_BYTES, agent: false });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new UnreachableError('ETIMEDOUT', `${wire.method} ${wire.url}: no answer in ${timeoutMs} ms`));
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new UnreachableError(error.code ?? 'ERROR', `${wire.method} ${wire.url}: ${error.code ?? error.message}`));
    });
    request.on('response', (response) => {
      clearTimeout(timer);
      const lines: [string, string][] = [];
      for (let i = 0; i + 1 < response.rawHeaders.length; i += 2)
        lines.push([response.rawHeaders[i] ?? '', response.rawHeaders[i + 1] ?? '']);
      // The head is all the checks read: drop the connection rather than download a body of any size.
      response.destroy();
      request.destroy();
      resolve({ status: response.statusCode ?? 0, headers: lines });
    });
    request.end();
  });
