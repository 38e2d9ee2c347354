import type { PlaygroundInput } from './request.js';

// Calls worth trying, each against the demo's APIs: the modern one (a correct CORS policy, max-age 600), the
// misconfigured one (`*` with credentials, a short Allow-Headers list, max-age "one day"), the JSONP-only legacy
// one; and shapes where the engines part ways (docs/engines.md).

export interface Preset {
  label: string;
  /** Appended to the API origin. */
  path: string;
  input: Partial<Omit<PlaygroundInput, 'url'>>;
}

const MODERN = { maxAge: '600' };
const BROKEN = { maxAge: 'one day' };
const PUT_JSON = { method: 'PUT', headers: 'Authorization: Bearer demo', bodyType: 'json', body: '{"name":"astrolabe"}', credentials: 'include' } as const;

export const PRESETS: readonly Preset[] = [
  { label: 'PUT JSON with Authorization → modern API (preflight, allowed)', path: '/modern/items/1', input: { ...PUT_JSON, ...MODERN } },
  { label: 'the same PUT → misconfigured API (its preflight refuses)', path: '/broken/items/1', input: { ...PUT_JSON, ...BROKEN } },
  { label: 'GET items (simple)', path: '/modern/items', input: { method: 'GET', ...MODERN } },
  { label: 'POST JSON sent as text/plain (stays simple)', path: '/modern/items', input: { method: 'POST', headers: 'Content-Type: text/plain', bodyType: 'text', body: '{"name":"astrolabe"}', ...MODERN } },
  { label: 'GET /modern/login with credentials (sets a cookie)', path: '/modern/login', input: { method: 'GET', credentials: 'include', ...MODERN } },
  { label: 'GET /modern/me with credentials (sends the cookie)', path: '/modern/me', input: { method: 'GET', credentials: 'include', ...MODERN } },
  { label: 'GET /broken/me with credentials (Allow-Origin: * refuses it)', path: '/broken/me', input: { method: 'GET', credentials: 'include', ...BROKEN } },
  { label: 'PUT in strict mode (nothing is sent)', path: '/modern/items/1', input: { ...PUT_JSON, cors: 'strict', ...MODERN } },
  { label: 'DPR: 2 — Chromium safelists the client hint', path: '/modern/items', input: { method: 'GET', headers: 'DPR: 2', ...MODERN } },
  { label: 'X-Request-Id twice — Firefox names it twice', path: '/modern/items', input: { method: 'GET', headers: 'X-Request-Id: 1\nX-Request-Id: 2', ...MODERN } },
  { label: 'Range: Bytes=0-1 — WebKit takes the unit in any case', path: '/modern/items', input: { method: 'GET', headers: 'Range: Bytes=0-1', ...MODERN } },
  { label: 'POST a ReadableStream — every engine differs', path: '/modern/items', input: { method: 'POST', bodyType: 'stream', body: '{"name":"astrolabe"}', ...MODERN } },
  { label: 'Cookie and User-Agent headers — forbidden, dropped', path: '/modern/items', input: { method: 'GET', headers: 'Cookie: a=1\nUser-Agent: playground', ...MODERN } },
  { label: 'GET the JSONP-only legacy API with fetch (no CORS headers)', path: '/legacy/user?id=7&callback=show', input: { method: 'GET', ...MODERN } },
];

/** What every field but the engine (the reader's choice) holds unless a preset says otherwise. */
export const BLANK: Omit<PlaygroundInput, 'url' | 'engine'> = { method: 'GET', headers: '', bodyType: 'none', body: '', credentials: 'same-origin', mode: 'cors', maxAge: '', cors: 'warn' };
