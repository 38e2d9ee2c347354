import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import ts from 'typescript';
import { createProbeHandler } from '../../src/dev/index.js';
import { handleApi } from './apis.js';
import { createProbeLog } from './probe-log.js';

// The demo's two loopback origins: the page origin serves the pages and the modules they import (the built
// library, ky, zod, and the demo's and the playground's own TypeScript transpiled on request); the API origin serves
// the three APIs, and what it saw for each playground run.

const ROOT = new URL('../../', import.meta.url);
const TYPES: Record<string, string> = {
  js: 'text/javascript',
  mjs: 'text/javascript',
  cjs: 'text/javascript',
  html: 'text/html; charset=utf-8',
  css: 'text/css',
  json: 'application/json',
  png: 'image/png',
};

/** The modules a demo page imports by bare name, mapped to what the page origin serves. */
export const IMPORT_MAP = `<script type="importmap">${JSON.stringify({
  imports: {
    crosswise: '/dist/index.js',
    'crosswise/cors': '/dist/cors.js',
    'crosswise/jsonp': '/dist/jsonp.js',
    ky: '/node_modules/ky/distribution/index.js',
    zod: '/node_modules/zod/index.js',
    'zod/': '/node_modules/zod/',
  },
})}</script>`;

export type PageHandler = (request: IncomingMessage, url: URL) => { status: number; type?: string; body: string | Buffer } | undefined;

/** One request as the API origin saw it. */
export interface ApiRequest {
  method: string;
  path: string;
}

export interface DemoServers {
  pageOrigin: string;
  apiOrigin: string;
  /**
   * Records what reaches the API origin from now on (what really reached the network), until the returned function
   * is called; it returns the requests in order. Only open recordings keep anything: a server left up by `--serve`
   * for the playground does not grow with every call it answers.
   */
  recordApi(): () => ApiRequest[];
  /** Serves `path` on the page origin. */
  page(path: string, handler: PageHandler): void;
  close(): Promise<void>;
}

// Only these trees are served, and only plain relative paths inside them: the demo never exposes the rest of the disk.
const STATIC = /^\/(dist\/(chunks\/)?[\w.-]+\.js|node_modules\/(ky\/distribution|zod)\/[\w./-]+\.(js|mjs|cjs|json))$/;

// The pages' own modules: /demo/x.js is examples/demo/x.ts and /playground/x.js examples/playground/x.ts, transpiled
// as they are requested (so an edit shows on reload); the playground's stylesheet is served as it is.
const SOURCE = /^\/(demo|playground)\/([\w-]+)\.(js|css)$/;

function serveStatic(path: string): { status: number; type: string; body: string | Buffer } | undefined {
  if (path.includes('..')) return undefined;
  if (STATIC.test(path))
    return {
      status: 200,
      type: TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
      body: readFileSync(new URL(`.${path}`, ROOT)),
    };
  const match = SOURCE.exec(path);
  if (match === null) return undefined;
  const [, folder, name, extension] = match;
  if (extension === 'css')
    return { status: 200, type: TYPES.css ?? '', body: readFileSync(new URL(`examples/${folder}/${name}.css`, ROOT)) };
  const source = readFileSync(new URL(`examples/${folder}/${name}.ts`, ROOT), 'utf8');
  const output = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  return { status: 200, type: TYPES.js ?? '', body: output.outputText };
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`127.0.0.1:${port} is already in use (is another demo still serving?)`, { cause: error })
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : '');
    });
  });
}

/** The largest request body the demo API reads (1 MiB): past it the answer is 413 and the connection is closed. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A body past {@link MAX_BODY_BYTES}. */
class BodyTooLarge extends Error {
  override name = 'BodyTooLarge' as const;
}

// Reads at most MAX_BODY_BYTES: a 300 MB upload must cost the demo nothing, not 300 MB of buffers.
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.pause();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

// The request's URL, or null when it cannot be one (`GET //[ HTTP/1.1` is a valid request line but no valid URL).
function requestUrl(request: IncomingMessage, base: string): URL | null {
  try {
    return new URL(request.url ?? '/', base);
  } catch {
    return null;
  }
}

// A plain-text answer that also ends the connection: after a refused body, the rest of the upload is not read.
function refuse(response: ServerResponse, status: 400 | 413 | 500, text: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'Content-Type': 'text/plain', Connection: 'close' }).end(text);
}

/** Starts both origins on loopback (ephemeral ports unless given). */
export async function startDemoServers(ports: { page?: number; api?: number } = {}): Promise<DemoServers> {
  const pages = new Map<string, PageHandler>();
  let pageOrigin = '';
  // The dev probe (crosswise/dev) on the page origin, as a Vite dev server would mount it: the playground's client asks it.
  const devProbe = createProbeHandler();
  const pageServer = createServer((request: IncomingMessage, response: ServerResponse) =>
    devProbe(request, response, () => {
      const url = requestUrl(request, pageOrigin);
      if (url === null) {
        refuse(response, 400, 'bad request: the target is not a URL');
        return;
      }
      try {
        const reply = pages.get(url.pathname)?.(request, url) ?? serveStatic(url.pathname);
        if (reply === undefined) response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        else
          response
            .writeHead(reply.status, { 'Content-Type': reply.type ?? 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
            .end(reply.body);
      } catch (error) {
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
      }
    }),
  );
  const recordings = new Set<ApiRequest[]>();
  const recordApi = (): (() => ApiRequest[]) => {
    const seen: ApiRequest[] = [];
    recordings.add(seen);
    return () => {
      recordings.delete(seen);
      return seen;
    };
  };
  const probes = createProbeLog();
  const apiServer = createServer((request, response) => {
    for (const seen of recordings) seen.push({ method: request.method ?? '', path: request.url ?? '' });
    // The probe log and the APIs parse the URL against this same base: once it parses here, it parses there.
    if (requestUrl(request, 'http://api.invalid') === null) {
      refuse(response, 400, 'bad request: the target is not a URL');
      return;
    }
    try {
      probes.record(request, response);
      const seen = probes.answer(request);
      if (seen !== undefined) {
        response.writeHead(seen.status, seen.headers).end(seen.body);
        return;
      }
    } catch (error) {
      refuse(response, 500, String(error));
      return;
    }
    readBody(request)
      .then((body) => handleApi(request, response, body, pageOrigin))
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge) refuse(response, 413, `request body larger than ${MAX_BODY_BYTES} bytes`);
        else if (request.destroyed) response.destroy();
        else refuse(response, 500, String(error));
      });
  });
  pageOrigin = await listen(pageServer, ports.page ?? 0);
  const apiOrigin = await listen(apiServer, ports.api ?? 0).catch((error: unknown) => {
    pageServer.close();
    throw error;
  });
  const close = (server: Server): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    pageOrigin,
    apiOrigin,
    recordApi,
    page: (path, handler) => void pages.set(path, handler),
    close: async () => void (await Promise.all([close(pageServer), close(apiServer)])),
  };
}
