import { isSameOrigin, originOfHref } from '../cors/origin.js';
import { loadJsonp } from '../jsonp/index.js';
import { CredentialsPolicyError } from '../errors/credentials-policy-error.js';
import { decideCredentials, type CredentialsPolicy } from '../policy/credentials.js';
import type { JsonpClientOptions } from './options.js';
import { remember } from './predictions.js';

/** Per-call JSONP wishes, as ky forwards them to the transport. */
export interface JsonpWish {
  transport?: 'fetch' | 'jsonp';
  fallback?: 'jsonp';
}

/** What the client says about credentials: its policy, if any, and the page's origin. */
export interface JsonpCredentials {
  policy: CredentialsPolicy | undefined;
  page: string | null;
}

/**
 * True when the client keeps cookies from `origin` (its policy decides no `include` there, or the call asks for
 * `omit`) — a script tag would send them anyway: it has no credentials mode of its own.
 */
function keepsCookiesFrom(request: Request, origin: string, credentials: JsonpCredentials): boolean {
  if (isSameOrigin(origin, credentials.page)) return false;
  if (request.credentials === 'omit') return true;
  if (credentials.policy === undefined) return false;
  const asked = request.credentials === 'include' ? 'include' : undefined;
  const decision = decideCredentials(credentials.policy, origin, credentials.page, asked);
  return !decision.ok || decision.credentials !== 'include';
}

/**
 * Refuses, before anything is sent, JSONP for a method other than GET, for an origin not allowlisted, or for an
 * origin the client keeps cookies from (unless `jsonp.credentials` is `'include'`).
 */
export function checkJsonpWish(
  request: Request,
  wish: JsonpWish,
  options: JsonpClientOptions | undefined,
  credentials: JsonpCredentials,
): void {
  if (wish.transport !== 'jsonp' && wish.fallback !== 'jsonp') return;
  const what = wish.transport === 'jsonp' ? "transport: 'jsonp'" : "fallback: 'jsonp'";
  if (request.method !== 'GET') throw new TypeError(`\`${what}\` works for GET only: a script tag cannot send ${request.method}`);
  const origin = originOfHref(request.url);
  if (options?.origins.includes(origin) !== true) {
    throw new TypeError(
      `\`${what}\` needs ${origin} in the client's \`jsonp.origins\`: JSONP runs that origin's code with the page's authority`,
    );
  }
  if (options.credentials !== 'include' && keepsCookiesFrom(request, origin, credentials)) {
    const reason = `\`${what}\` loads ${origin} through a script tag, which always sends that origin's cookies, and the client's credentials keep them from it`;
    throw new CredentialsPolicyError(request, origin, reason, 'jsonp_sends_cookies');
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
