import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { requestBytes } from './request-bytes.js';
import { createResponseReader, MalformedAnswer } from './response-reader.js';

/** One request as it goes on the wire: the probe builds it the way a browser would. */
export interface WireRequest {
  method: string;
  url: string;
  /** Header lines in order, names as sent. */
  headers: [string, string][];
  body?: string;
}

/** The answer as it came back: status, raw header lines, and how much of the body was read. */
export interface WireResponse {
  status: number;
  headers: [string, string][];
  /** Body bytes read off the wire: the probe reads at most 64 KiB of a body (CORS is judged on the head). */
  bodyBytes: number;
  /** False when the probe stopped reading before the body ended: at the 64 KiB cap, or at the deadline. */
  bodyComplete: boolean;
}

/** Sends one request and resolves with the answer within `timeoutMs` in all; the platform is injected so tests and the demo can swap it. */
export type Send = (request: WireRequest, timeoutMs: number) => Promise<WireResponse>;

/** A network failure (refused, unresolvable, timed out, not HTTP): the CLI exits 2, since nothing was judged. */
export class ProbeNetworkError extends Error {
  override name = 'ProbeNetworkError' as const;
}

function open(url: URL): Socket {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const https = url.protocol === 'https:';
  const port = url.port === '' ? (https ? 443 : 80) : Number(url.port);
  // SNI takes a host name only (RFC 6066): an IP literal gets none.
  if (https) return tlsConnect({ host, port, ALPNProtocols: ['http/1.1'], ...(isIP(host) === 0 ? { servername: host } : {}) });
  return netConnect({ host, port });
}

// A socket of its own per request, never a pooled one: a server may close after each answer without saying
// `Connection: close`, and a reused socket would then fail with ECONNRESET. One deadline covers connecting, the head
// and the body, so a server that trickles bytes cannot keep the probe waiting (an idle timeout would).
export const sendOverHttp: Send = (wire, timeoutMs) =>
  new Promise((resolve, reject) => {
    const bytes = requestBytes(wire);
    const reader = createResponseReader(wire.method);
    const socket = open(new URL(wire.url));
    let received = 0;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      outcome();
    };
    const fail = (message: string): void => settle(() => reject(new ProbeNetworkError(`${wire.method} ${wire.url}: ${message}`)));
    const deadline = setTimeout(() => {
      const answer = reader.partial(false);
      if (answer !== undefined) settle(() => resolve(answer));
      else
        fail(
          `${received === 0 ? 'no answer' : `the answer's head still incomplete (${received} bytes)`} at the deadline (${timeoutMs} ms left of --timeout)`,
        );
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      try {
        const answer = reader.push(chunk);
        if (answer !== undefined) settle(() => resolve(answer));
      } catch (error) {
        fail(error instanceof MalformedAnswer ? `malformed answer: ${error.message}` : String(error));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    socket.on('close', () => {
      const answer = reader.partial(true);
      if (answer !== undefined) settle(() => resolve(answer));
      else
        fail(
          received === 0
            ? 'the server closed the connection without answering'
            : 'the server closed the connection in the middle of the head',
        );
    });
    socket.write(bytes);
  });
