import type { WireResponse } from './send.js';

// Reads an HTTP/1.x answer as the bytes arrive, as far as the probe needs: the whole head (interim 1xx answers
// skipped), then the body only up to a small cap — CORS is judged on the head, and a 100 MB body must not be read.

/** The most head bytes read: past this the answer is refused as malformed. */
export const HEAD_LIMIT = 64 * 1024;
/** The most body bytes read: past this the probe stops reading and says so. */
export const BODY_LIMIT = 64 * 1024;

/** An answer that is not HTTP/1.x as the probe reads it. */
export class MalformedAnswer extends Error {
  override name = 'MalformedAnswer' as const;
}

const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~\dA-Za-z]+$/;

interface Head {
  status: number;
  headers: [string, string][];
}

function headEnd(buffer: Buffer): { end: number; next: number } | null {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return null;
  if (lf !== -1 && (crlf === -1 || lf < crlf)) return { end: lf, next: lf + 2 };
  return { end: crlf, next: crlf + 4 };
}

function parseHead(text: string): Head {
  const [statusLine = '', ...lines] = text.split(/\r?\n/);
  const status = STATUS_LINE.exec(statusLine);
  if (status === null) throw new MalformedAnswer(`not an HTTP/1.x status line: ${JSON.stringify(statusLine.slice(0, 80))}`);
  const headers: [string, string][] = [];
  for (const line of lines) {
    const last = headers.at(-1);
    // obs-fold (https://httpwg.org/specs/rfc9112.html#line.folding): a continuation line joins the previous value.
    if (/^[ \t]/.test(line) && last !== undefined) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0));
    if (!TOKEN.test(name)) throw new MalformedAnswer(`not a header line: ${JSON.stringify(line.slice(0, 80))}`);
    headers.push([name, line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  return { status: Number(status[1]), headers };
}

const header = (head: Head, name: string): string | undefined => head.headers.find(([key]) => key.toLowerCase() === name)?.[1];

// How the body's end is marked: chunks, a length, or the connection closing (https://httpwg.org/specs/rfc9112.html#message.body.length).
function framingOf(head: Head): 'chunked' | number | 'close' {
  if (/(^|,)\s*chunked\s*$/i.test(header(head, 'transfer-encoding') ?? '')) return 'chunked';
  const length = header(head, 'content-length')?.trim();
  return length !== undefined && /^\d+$/.test(length) ? Number(length) : 'close';
}

// True once the chunked body in `body` has ended (the zero-size chunk and the trailer's empty line).
function chunkedEnded(body: Buffer): boolean {
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd === -1) return false;
    const size = Number.parseInt(body.toString('latin1', at, lineEnd).split(';')[0] ?? '', 16);
    if (Number.isNaN(size)) throw new MalformedAnswer('a chunk size that is not hexadecimal');
    if (size === 0) return body.indexOf('\r\n\r\n', lineEnd) !== -1;
    at = lineEnd + 2 + size + 2;
    if (at > body.length) return false;
  }
}

export interface ResponseReader {
  /** Takes the next bytes; returns the answer once it is read as far as the probe reads. */
  push(chunk: Buffer): WireResponse | undefined;
  /** The answer read so far if its head is complete: when the connection ended (`ended`), or when the deadline came. */
  partial(ended: boolean): WireResponse | undefined;
}

/** A reader for the answer to a `method` request (a HEAD answer has no body). */
export function createResponseReader(method: string): ResponseReader {
  let pending = Buffer.alloc(0);
  let head: Head | null = null;
  let body = Buffer.alloc(0);
  let bodyBytes = 0;

  const answer = (complete: boolean): WireResponse | undefined =>
    head === null ? undefined : { status: head.status, headers: head.headers, bodyBytes, bodyComplete: complete };

  function bodyDone(): WireResponse | undefined {
    if (head === null) return undefined;
    if (method === 'HEAD' || head.status === 204 || head.status === 304 || head.status < 200) return answer(true);
    const framing = framingOf(head);
    if (framing === 'chunked' && chunkedEnded(body)) return answer(true);
    if (typeof framing === 'number' && bodyBytes >= framing) return answer(true);
    return bodyBytes >= BODY_LIMIT ? answer(false) : undefined;
  }

  function readHeads(): void {
    for (;;) {
      const end = headEnd(pending);
      if (end === null) {
        if (pending.length > HEAD_LIMIT) throw new MalformedAnswer(`the head is longer than ${HEAD_LIMIT / 1024} KiB`);
        return;
      }
      const parsed = parseHead(pending.toString('latin1', 0, end.end));
      pending = pending.subarray(end.next);
      // Interim answers (100 Continue, 103 Early Hints) come before the real one; 101 switches protocols and ends it.
      if (parsed.status >= 200 || parsed.status === 101) {
        head = parsed;
        return;
      }
    }
  }

  function takeBody(bytes: Buffer): void {
    bodyBytes += bytes.length;
    if (body.length < BODY_LIMIT) body = Buffer.concat([body, bytes.subarray(0, BODY_LIMIT - body.length)]);
  }

  return {
    push(chunk) {
      if (head === null) {
        pending = Buffer.concat([pending, chunk]);
        readHeads();
        if (head === null) return undefined;
        takeBody(pending);
        pending = Buffer.alloc(0);
      } else {
        takeBody(chunk);
      }
      return bodyDone();
    },
    partial(ended) {
      // Without a length or chunks, the body is whatever came before the connection closed.
      return bodyDone() ?? answer(ended && head !== null && framingOf(head) === 'close');
    },
  };
}
