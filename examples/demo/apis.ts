import type { IncomingMessage, ServerResponse } from 'node:http';

// The three APIs the demo talks to, all on the API origin: a modern one with a correct CORS policy for the page's
// origin, a misconfigured one with the mistakes people really ship, and a legacy one that only speaks JSONP.

type Handler = (request: IncomingMessage, url: URL, body: string) => { status: number; headers?: Record<string, string>; body?: string };

const json = (status: number, data: unknown): ReturnType<Handler> => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(data),
});

const ITEMS = [
  { id: 1, name: 'compass' },
  { id: 2, name: 'sextant' },
];

/** The cookie the demo's "logged-in user" holds for the API origin (a real Set-Cookie from `/modern/login`). */
export const SESSION_COOKIE = 'crosswise_demo_session=ada';

function cookieUser(request: IncomingMessage): string | null {
  const cookie = request.headers.cookie ?? '';
  return cookie.split(/;\s*/).includes(SESSION_COOKIE) ? 'ada' : null;
}

/** What each API answers in Access-Control-Max-Age, by the first segment of its paths (the legacy one answers no preflight). */
export const API_MAX_AGE = { modern: '600', broken: 'one day', legacy: null } as const;

// What the page may read and send, declared once: the modern API's whole CORS policy.
function modernCors(request: IncomingMessage, pageOrigin: string): Record<string, string> {
  if (request.headers.origin !== pageOrigin) return { Vary: 'Origin' };
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': pageOrigin,
    'Access-Control-Allow-Credentials': 'true',
    Vary: 'Origin',
  };
  if (request.method === 'OPTIONS') {
    headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, PATCH, DELETE';
    headers['Access-Control-Allow-Headers'] = 'authorization, content-type, x-request-id';
    headers['Access-Control-Max-Age'] = API_MAX_AGE.modern;
  }
  return headers;
}

// The misconfigurations seen most in the wild: `*` with credentials, a short Allow-Headers list, a max-age in words.
function brokenCors(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
  if (request.method === 'OPTIONS') {
    headers['Access-Control-Allow-Methods'] = 'GET, POST';
    headers['Access-Control-Allow-Headers'] = 'content-type';
    headers['Access-Control-Max-Age'] = API_MAX_AGE.broken;
  }
  return headers;
}

const modern: Handler = (request, url, body) => {
  const method = url.searchParams.get('_method') ?? request.method ?? 'GET'; // the method override minimize can use
  if (url.pathname === '/modern/login')
    return { status: 204, headers: { 'Set-Cookie': `${SESSION_COOKIE}; Path=/; HttpOnly; SameSite=Lax` } };
  if (url.pathname === '/modern/me') {
    const user = cookieUser(request);
    return user === null ? json(401, { error: 'not logged in' }) : json(200, { user });
  }
  if (url.pathname === '/modern/items' && method === 'GET') return json(200, ITEMS);
  if (url.pathname === '/modern/items' && method === 'POST') {
    // Accepts JSON sent as text/plain too (what minimize's jsonAsText relies on).
    try {
      return json(201, { id: 3, ...(JSON.parse(body) as object) });
    } catch {
      return json(400, { error: 'body must be JSON' });
    }
  }
  if (/^\/modern\/items\/\d+$/.test(url.pathname) && ['PUT', 'PATCH', 'DELETE', 'POST'].includes(method))
    return json(200, { ok: true, method });
  return json(404, { error: 'no such route' });
};

const broken: Handler = (request, url) => {
  if (url.pathname === '/broken/me')
    return cookieUser(request) === null ? json(401, { error: 'not logged in' }) : json(200, { user: 'ada' });
  return json(200, ITEMS);
};

// JSONP only: no CORS headers at all, so fetch from another origin fails and only a script tag can read it.
const legacy: Handler = (_request, url) => {
  const callback = url.searchParams.get('callback') ?? '';
  if (!/^[A-Za-z_$][\w$]*$/.test(callback)) return { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'callback required' };
  const user = { id: Number(url.searchParams.get('id') ?? 42), name: 'Grace', legacy: true };
  return { status: 200, headers: { 'Content-Type': 'text/javascript' }, body: `${callback}(${JSON.stringify(user)});` };
};

// Through setHeader, not writeHead's argument: only then can the playground's probe log read them back when the answer is sent.
function send(response: ServerResponse, status: number, headers: Record<string, string>, body?: string): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.writeHead(status).end(body);
}

/** Serves one API request: the route's handler, with its CORS headers; every preflight answered 204. */
export function handleApi(request: IncomingMessage, response: ServerResponse, body: string, pageOrigin: string): void {
  const url = new URL(request.url ?? '/', 'http://api.invalid');
  const [, area] = url.pathname.split('/');
  const cors = area === 'modern' ? modernCors(request, pageOrigin) : area === 'broken' ? brokenCors(request) : {};
  const handler = area === 'modern' ? modern : area === 'broken' ? broken : area === 'legacy' ? legacy : undefined;
  if (request.method === 'OPTIONS' && area !== 'legacy') {
    send(response, 204, cors);
    return;
  }
  const reply = handler === undefined ? json(404, { error: 'no such API' }) : handler(request, url, body);
  send(response, reply.status, { ...cors, ...reply.headers }, reply.body);
}
