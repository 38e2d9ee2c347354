import { API_MAX_AGE } from '../demo/apis.js';
import type { PlaygroundInput } from './request.js';

// Calls worth trying, each against the demo's APIs: the modern one (a correct CORS policy, max-age 600), the
// misconfigured one (`*` with credentials, a short Allow-Headers list, max-age "one day"), the JSONP-only legacy
// one; and shapes where the engines part ways (docs/engines.md). The max-age field follows the API the URL names.

export interface Preset {
  label: string;
  /** Appended to the API origin. */
  path: string;
  input: Partial<Omit<PlaygroundInput, 'url'>>;
}

const PUT_JSON = {
  method: 'PUT',
  headers: 'Authorization: Bearer demo',
  bodyType: 'json',
  body: '{"name":"astrolabe"}',
  credentials: 'include',
} as const;

export const PRESETS: readonly Preset[] = [
  { label: 'PUT JSON with Authorization → modern API (preflight, allowed)', path: '/modern/items/1', input: { ...PUT_JSON } },
  { label: 'the same PUT → misconfigured API (its preflight refuses)', path: '/broken/items/1', input: { ...PUT_JSON } },
  { label: 'GET items (simple)', path: '/modern/items', input: { method: 'GET' } },
  {
    label: 'POST JSON sent as text/plain (stays simple)',
    path: '/modern/items',
    input: { method: 'POST', headers: 'Content-Type: text/plain', bodyType: 'text', body: '{"name":"astrolabe"}' },
  },
  { label: 'GET /modern/login with credentials (sets a cookie)', path: '/modern/login', input: { method: 'GET', credentials: 'include' } },
  { label: 'GET /modern/me with credentials (sends the cookie)', path: '/modern/me', input: { method: 'GET', credentials: 'include' } },
  {
    label: 'GET /broken/me with credentials (Allow-Origin: * refuses it)',
    path: '/broken/me',
    input: { method: 'GET', credentials: 'include' },
  },
  { label: 'PUT in strict mode (nothing is sent)', path: '/modern/items/1', input: { ...PUT_JSON, cors: 'strict' } },
  { label: 'DPR: 2 — Chromium safelists the client hint', path: '/modern/items', input: { method: 'GET', headers: 'DPR: 2' } },
  {
    label: 'X-Request-Id twice — Firefox names it twice',
    path: '/modern/items',
    input: { method: 'GET', headers: 'X-Request-Id: 1\nX-Request-Id: 2' },
  },
  {
    label: 'Range: Bytes=0-1 — WebKit takes the unit in any case',
    path: '/modern/items',
    input: { method: 'GET', headers: 'Range: Bytes=0-1' },
  },
  {
    label: 'POST a ReadableStream — every engine differs',
    path: '/modern/items',
    input: { method: 'POST', bodyType: 'stream', body: '{"name":"astrolabe"}' },
  },
  {
    label: 'Cookie and User-Agent headers — forbidden, dropped',
    path: '/modern/items',
    input: { method: 'GET', headers: 'Cookie: a=1\nUser-Agent: playground' },
  },
  {
    label: 'GET the JSONP-only legacy API with fetch (no CORS headers)',
    path: '/legacy/user?id=7&callback=show',
    input: { method: 'GET' },
  },
];

/** What every field but the engine (the reader's choice) holds unless a preset says otherwise. */
export const BLANK: Omit<PlaygroundInput, 'url' | 'engine'> = {
  method: 'GET',
  headers: '',
  bodyType: 'none',
  body: '',
  credentials: 'same-origin',
  mode: 'cors',
  maxAge: '',
  cors: 'warn',
};

/**
 * The Access-Control-Max-Age the demo API that `url` names answers with ('' for the legacy API, which answers no
 * preflight), or undefined when `url` is not on one of the demo's APIs: the field then stays as the reader left it.
 */
export function demoApiMaxAge(url: string, apiOrigin: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  const area = parsed.pathname.split('/')[1] ?? '';
  if (parsed.origin !== apiOrigin || !Object.hasOwn(API_MAX_AGE, area)) return undefined;
  return API_MAX_AGE[area as keyof typeof API_MAX_AGE] ?? '';
}
