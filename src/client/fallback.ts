import { loadJsonp } from '../jsonp/index.js';
import type { JsonpClientOptions } from './options.js';
import { remember } from './predictions.js';

/** Per-call JSONP wishes, as ky forwards them to the transport. */
export interface JsonpWish {
  transport?: 'fetch' | 'jsonp';
  fallback?: 'jsonp';
}

/** Refuses, before anything is sent, JSONP for a method other than GET or for an origin not allowlisted. */
export function checkJsonpWish(request: Request, wish: JsonpWish, options: JsonpClientOptions | undefined): void {
  if (wish.transport !== 'jsonp' && wish.fallback !== 'jsonp') return;
  const what = wish.transport === 'jsonp' ? "transport: 'jsonp'" : "fallback: 'jsonp'";
  if (request.method !== 'GET') throw new TypeError(`\`${what}\` works for GET only: a script tag cannot send ${request.method}`);
  const origin = new URL(request.url).origin;
  if (options?.origins.includes(origin) !== true) {
    throw new TypeError(`\`${what}\` needs ${origin} in the client's \`jsonp.origins\`: JSONP runs that origin's code with the page's authority`);
  }
}

/** Loads the request's URL through a script tag and answers as a JSON Response, so ky's `.json()` and schemas work. */
export async function viaJsonp(request: Request, options: JsonpClientOptions): Promise<Response> {
  const { callbackParam, timeout, document } = options;
  const data = await loadJsonp(request.url, { callbackParam, timeout, document, signal: request.signal });
  const response = new Response(JSON.stringify(data ?? null), { status: 200, headers: { 'Content-Type': 'application/json' } });
  remember(response, { transport: 'jsonp' });
  return response;
}
