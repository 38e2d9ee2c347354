import type { IncomingMessage, ServerResponse } from 'node:http';

// What the API origin saw for each playground run. A page cannot observe its own preflight (the browser hides the
// OPTIONS round trip), the server can: every run adds a unique `_probe` query parameter to its URL (which also keeps
// the browser's preflight cache out of the way) and then asks `GET /_seen/<id>` what arrived. Bounded: the newest
// runs only, a few requests each, values cut short, so a long `--serve` session cannot grow it.

/** The query parameter a playground run adds to its URL. */
export const PROBE_PARAM = '_probe';
const MAX_RUNS = 64;
const MAX_PER_RUN = 8;
const MAX_VALUE = 200;
const ID = /^[\w-]{8,64}$/;

/** One request the API received for a run, and how it answered. */
export interface SeenRequest {
  method: string;
  /** The path and query, without the probe parameter. */
  path: string;
  origin: string | null;
  /** Access-Control-Request-Method and -Headers: set on a preflight only. */
  requestMethod: string | null;
  requestHeaders: string | null;
  /** Whether the browser sent cookies (it never does on a preflight). */
  cookie: boolean;
  status: number;
  /** The Access-Control-* headers of the answer, names lower-case. */
  allow: Record<string, string>;
}

const cut = (value: string): string => (value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value);
const header = (request: IncomingMessage, name: string): string | null => {
  const value = request.headers[name];
  return value === undefined ? null : cut(Array.isArray(value) ? value.join(', ') : value);
};

export interface ProbeLog {
  /** Notes the request if its URL carries a probe id; the status and headers are read when the answer is sent. */
  record(request: IncomingMessage, response: ServerResponse): void;
  /** The answer to `GET /_seen/<id>`, or undefined for any other path. */
  answer(request: IncomingMessage): { status: number; headers: Record<string, string>; body: string } | undefined;
}

export function createProbeLog(): ProbeLog {
  const runs = new Map<string, SeenRequest[]>();
  return {
    record(request, response) {
      // The dev probe's replays (crosswise/dev) are not the page's requests: the journey shows what the browser sent.
      if (request.headers['user-agent'] === 'crosswise-dev-probe') return;
      const url = new URL(request.url ?? '/', 'http://api.invalid');
      const id = url.searchParams.get(PROBE_PARAM);
      if (id === null || !ID.test(id)) return;
      url.searchParams.delete(PROBE_PARAM);
      if (!runs.has(id)) {
        runs.set(id, []);
        if (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value ?? '');
      }
      response.once('finish', () => {
        const seen = runs.get(id);
        if (seen === undefined || seen.length >= MAX_PER_RUN) return;
        const allow = Object.fromEntries(
          Object.entries(response.getHeaders())
            .filter(([name]) => name.startsWith('access-control-'))
            .map(([name, value]) => [name, cut(String(value))]),
        );
        seen.push({
          method: cut(request.method ?? ''),
          path: cut(`${url.pathname}${url.search}`),
          origin: header(request, 'origin'),
          requestMethod: header(request, 'access-control-request-method'),
          requestHeaders: header(request, 'access-control-request-headers'),
          cookie: request.headers.cookie !== undefined,
          status: response.statusCode,
          allow,
        });
      });
    },
    answer(request) {
      const match = /^\/_seen\/([^/?]+)$/.exec(request.url ?? '');
      if (match === null || request.method !== 'GET') return undefined;
      const id = match[1] ?? '';
      // Readable from any page and without credentials: it only echoes what the page itself sent.
      const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
      if (!ID.test(id)) return { status: 400, headers, body: JSON.stringify({ error: 'bad probe id' }) };
      return { status: 200, headers, body: JSON.stringify({ id, seen: runs.get(id) ?? [] }) };
    },
  };
}
