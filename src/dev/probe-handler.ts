import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseProbeRequest } from '../cors/probe-request.js';
import { replay } from './replay.js';
import { sendHead, type SendHead } from './send-head.js';
import { callerProblem } from './same-origin-caller.js';

/** Options of {@link createProbeHandler}. */
export interface ProbeHandlerOptions {
  /**
   * The path the handler answers (POST only); every other path goes to `next`.
   * @default '/__crosswise/probe'
   */
  path?: string;
  /**
   * Deadline of each request the probe sends to the API, in milliseconds.
   * @default 5000
   */
  timeout?: number;
  /** How the probe reaches the API (tests inject one). @default node:http, heads only */
  send?: SendHead;
}

/** A connect/express/Vite middleware: `(req, res, next)`; without `next`, other paths answer 404. */
export type ProbeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** The largest request body read, in bytes: a described call is a few hundred. */
const MAX_BODY_BYTES = 8 * 1024;
/** How long the page has to send that body. */
const BODY_DEADLINE_MS = 2000;
/** Replays in flight at once; more get 429. */
const MAX_IN_FLIGHT = 4;

function answer(res: ServerResponse, status: number, body: unknown): void {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  // A refused body may still be arriving: close the connection after the answer rather than read it.
  if (status === 400 || status === 413) headers['Connection'] = 'close';
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Stop reading and answer; the connection closes once the answer is out (see `answer`).
    const fail = (message: string): void => {
      req.pause();
      req.removeAllListeners('data');
      reject(new RangeError(message));
    };
    const timer = setTimeout(() => fail(`the body did not arrive within ${BODY_DEADLINE_MS} ms`), BODY_DEADLINE_MS);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        clearTimeout(timer);
        fail(`the body is over ${MAX_BODY_BYTES} bytes`);
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * A Node request handler for development: it answers `POST /__crosswise/probe` with what the server really sends for
 * a call the page describes (the preflight replayed as the page's engine sends it; a GET or HEAD re-sent; nothing
 * else), judged with the browser's own checks. It answers only loopback callers from its own origin.
 * @example
 * // express or connect, with createProbeHandler from crosswise/dev:
 * app.use(createProbeHandler());
 * // then, in the page: createClient({ diagnose: diagnosis({ probe: '/__crosswise/probe' }) })
 */
export function createProbeHandler(options: ProbeHandlerOptions = {}): ProbeHandler {
  const path = options.path ?? '/__crosswise/probe';
  const timeout = options.timeout ?? 5000;
  const send = options.send ?? sendHead;
  if (!path.startsWith('/')) throw new TypeError('`path` must start with /');
  if (!Number.isFinite(timeout) || timeout <= 0) throw new RangeError('`timeout` must be a positive number of milliseconds');
  let inFlight = 0;
  return (req, res, next) => {
    if ((req.url ?? '').split('?')[0] !== path) {
      if (next !== undefined) next();
      else answer(res, 404, { error: 'not found' });
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      answer(res, 405, { error: 'POST only' });
      return;
    }
    const problem = callerProblem(req);
    if (problem !== null) {
      answer(res, 403, { error: problem });
      return;
    }
    if (inFlight >= MAX_IN_FLIGHT) {
      answer(res, 429, { error: `at most ${MAX_IN_FLIGHT} probes at once` });
      return;
    }
    inFlight += 1;
    void (async () => {
      try {
        const call = parseProbeRequest(JSON.parse(await readBody(req)) as unknown);
        if (typeof call === 'string') answer(res, 400, { error: call });
        else answer(res, 200, await replay(call, send, timeout));
      } catch (error) {
        answer(res, 400, { error: error instanceof Error ? error.message : String(error) });
      } finally {
        inFlight -= 1;
      }
    })();
  };
}
