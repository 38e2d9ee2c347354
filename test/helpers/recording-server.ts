import { createServer, type Server, type Socket } from 'node:net';

// A loopback HTTP/1.1 server on node:net with a parser of its own: Node's http parser answers 400 to
// lower-case or unknown methods and to control bytes in values, and we must record all a browser sends.

export interface RecordedRequest {
  method: string;
  path: string;
  /** Raw header lines, in order, names as sent. */
  headers: [string, string][];
  body: Buffer;
}

export interface Reply {
  status: number;
  /** A record, or `[name, value]` lines when a name must repeat (each pair is one line on the wire). */
  headers?: Record<string, string> | [string, string][];
  body?: string | Buffer;
}

export type RouteHandler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface RecordingServer {
  origin: string;
  port: number;
  /** Every request received, in arrival order. */
  records: RecordedRequest[];
  /** The records whose path starts with `prefix`. */
  recordsUnder(prefix: string): RecordedRequest[];
  /** Serves `path` (exact match, query ignored) with `handler` instead of the default CORS-permissive probe reply. */
  route(path: string, handler: RouteHandler): void;
  /** Serves every path under `prefix` with `handler`. */
  routePrefix(prefix: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  500: 'Internal Server Error',
};

export function headerValue(request: RecordedRequest, name: string): string | null {
  const lower = name.toLowerCase();
  const values = request.headers.filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
  return values.length === 0 ? null : values.join(', ');
}

/** Allows whatever the browser asks for, so that only the browser's own refusals can fail a probe. */
export function permissiveReply(request: RecordedRequest): Reply {
  const origin = headerValue(request, 'origin');
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': '*',
    Vary: 'Origin',
  };
  if (request.method === 'OPTIONS') {
    const method = headerValue(request, 'access-control-request-method');
    const requested = headerValue(request, 'access-control-request-headers');
    if (method !== null) headers['Access-Control-Allow-Methods'] = method;
    if (requested !== null) headers['Access-Control-Allow-Headers'] = requested;
    headers['Access-Control-Max-Age'] = '0';
    return { status: 204, headers };
  }
  return { status: 200, headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'ok' };
}

type Parsed = { request: RecordedRequest; consumed: number } | 'incomplete' | 'invalid';

function parseChunked(buffer: Buffer, start: number): { body: Buffer; end: number } | 'incomplete' | 'invalid' {
  const parts: Buffer[] = [];
  let position = start;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', position);
    if (lineEnd === -1) return 'incomplete';
    const size = Number.parseInt(buffer.subarray(position, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (Number.isNaN(size)) return 'invalid';
    position = lineEnd + 2;
    if (size === 0) {
      const trailerEnd = buffer.indexOf('\r\n\r\n', position - 2);
      if (trailerEnd === -1) return 'incomplete';
      return { body: Buffer.concat(parts), end: trailerEnd + 4 };
    }
    if (buffer.length < position + size + 2) return 'incomplete';
    parts.push(buffer.subarray(position, position + size));
    position += size + 2;
  }
}

function parseRequest(buffer: Buffer): Parsed {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd === -1) return 'incomplete';
  const lines = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
  const [method = '', path = ''] = (lines.shift() ?? '').split(' ');
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  const request: RecordedRequest = { method, path, headers, body: Buffer.alloc(0) };
  const bodyStart = headEnd + 4;
  if (headerValue(request, 'transfer-encoding')?.toLowerCase().includes('chunked') === true) {
    const chunked = parseChunked(buffer, bodyStart);
    if (typeof chunked === 'string') return chunked;
    request.body = chunked.body;
    return { request, consumed: chunked.end };
  }
  const length = Number(headerValue(request, 'content-length') ?? '0');
  if (!Number.isInteger(length) || length < 0) return 'invalid';
  if (buffer.length < bodyStart + length) return 'incomplete';
  request.body = buffer.subarray(bodyStart, bodyStart + length);
  return { request, consumed: bodyStart + length };
}

function serialize(reply: Reply): Buffer {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : (reply.body ?? Buffer.alloc(0));
  const head = [`HTTP/1.1 ${reply.status} ${STATUS_TEXT[reply.status] ?? 'Status'}`];
  const lines = Array.isArray(reply.headers) ? reply.headers : Object.entries(reply.headers ?? {});
  for (const [name, value] of lines) head.push(`${name}: ${value}`);
  head.push(`Content-Length: ${body.length}`, 'Connection: keep-alive', '', '');
  return Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), body]);
}

export async function createRecordingServer(): Promise<RecordingServer> {
  const records: RecordedRequest[] = [];
  const routes = new Map<string, RouteHandler>();
  const prefixRoutes: [string, RouteHandler][] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = Buffer.alloc(0);
    let queue = Promise.resolve();
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        const parsed = parseRequest(buffer);
        if (parsed === 'incomplete') return;
        if (parsed === 'invalid') {
          socket.end(serialize({ status: 400, body: 'bad request' }));
          return;
        }
        buffer = buffer.subarray(parsed.consumed);
        const { request } = parsed;
        records.push(request);
        const path = request.path.split('?')[0] ?? '';
        const handler = routes.get(path) ?? prefixRoutes.find(([prefix]) => path.startsWith(prefix))?.[1] ?? permissiveReply;
        // Replies leave in request order even when a handler is asynchronous (HTTP/1.1 pipelining).
        queue = queue.then(async () => {
          const reply = await Promise.resolve(handler(request)).catch((error: unknown) => ({ status: 500, body: String(error) }));
          if (!socket.destroyed) socket.write(serialize(reply));
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('recording server: no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    port: address.port,
    records,
    recordsUnder: (prefix) => records.filter((record) => record.path.startsWith(prefix)),
    route: (path, handler) => void routes.set(path, handler),
    routePrefix: (prefix, handler) => void prefixRoutes.push([prefix, handler]),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
