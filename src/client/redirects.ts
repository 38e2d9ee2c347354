import { CredentialsPolicyError } from '../errors/credentials-policy-error.js';
import { originOf } from '../cors/origin.js';
import { decideCredentials, type CredentialsPolicy } from '../policy/credentials.js';
import { carriedInit, rebuildRequest } from './rebuild.js';
import type { SendingFetch } from './transport.js';
import { redirectedOff, redirectHidden } from './words.js';

// A platform that follows a redirect keeps the credentials mode: the allowlist would hold for the first URL only.

/** https://fetch.spec.whatwg.org/#redirect-status */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** https://fetch.spec.whatwg.org/#http-redirect-fetch step 11: more than 20 redirects is a network error. */
const MAX_REDIRECTS = 20;

/** https://fetch.spec.whatwg.org/#request-body-header-name: dropped with the body when a redirect turns the call into a GET. */
const REQUEST_BODY_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type'] as const;

/**
 * Dropped when a redirect crosses origins: Authorization by the standard (CORS non-wildcard request-header name),
 * the others as undici drops them, since outside a browser a caller may set them by hand.
 */
const CROSS_ORIGIN_DROPPED = ['authorization', 'proxy-authorization', 'cookie', 'host'] as const;

export interface RedirectContext {
  policy: CredentialsPolicy;
  /** The page's origin, if known: the policy always allows it. */
  page: string | null;
  /** What the call itself asked for: `include` asked explicitly makes an off-list hop an error, not an `omit`. */
  asked: RequestCredentials | undefined;
  send: SendingFetch;
  /** The keys ky did not know, handed to fetch on every hop. */
  init: RequestInit | undefined;
}

/** True when crosswise must follow this call's redirects itself: a credentialed call, left to follow them, under a policy that verifies. */
export function mustVerifyRedirects(request: Request, policy: CredentialsPolicy | undefined): policy is CredentialsPolicy {
  return policy !== undefined && policy.redirects !== 'follow' && request.credentials === 'include' && request.redirect === 'follow';
}

/** The method, body and headers of the next hop (HTTP-redirect fetch steps 12–14). */
async function nextHop(
  current: Request,
  replay: Request | undefined,
  status: number,
  target: URL,
): Promise<{ method: string; headers: Headers; body: ArrayBuffer | null }> {
  const headers = new Headers(current.headers);
  const toGet =
    ((status === 301 || status === 302) && current.method === 'POST') ||
    (status === 303 && current.method !== 'GET' && current.method !== 'HEAD');
  if (toGet) for (const name of REQUEST_BODY_HEADERS) headers.delete(name);
  if (target.origin !== new URL(current.url).origin) for (const name of CROSS_ORIGIN_DROPPED) headers.delete(name);
  const body = toGet || replay === undefined ? null : await replay.arrayBuffer();
  return { method: toGet ? 'GET' : current.method, headers, body };
}

/**
 * Sends a credentialed request with `redirect: 'manual'` and follows each redirect itself, by the rules of
 * https://fetch.spec.whatwg.org/#http-redirect-fetch, only after the policy decided credentials for its origin again.
 * Refuses, with a `CredentialsPolicyError`, a hop the policy refuses and a redirect the platform hides (a browser's
 * opaque redirect).
 */
export async function sendVerifyingRedirects(request: Request, context: RedirectContext): Promise<Response> {
  let current = request;
  for (let hops = 0; ; hops++) {
    // The body must be sent again on a 307 or 308: keep a copy before this hop consumes it.
    const replay = current.body === null ? undefined : current.clone();
    const response = await context.send(rebuildRequest(current, { redirect: 'manual' }), context.init);
    if (response.type === 'opaqueredirect') {
      throw new CredentialsPolicyError(current, originOf(current.url), redirectHidden(), 'redirect_hidden');
    }
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
    void response.body?.cancel().catch(() => undefined);
    if (hops === MAX_REDIRECTS) throw new TypeError(`fetch failed: more than ${MAX_REDIRECTS} redirects from ${request.url}`);
    const target = new URL(location, current.url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      throw new TypeError(`fetch failed: a redirect to ${target.protocol} from ${current.url}`);
    const decision = decideCredentials(context.policy, target.origin, context.page, context.asked);
    if (!decision.ok) {
      throw new CredentialsPolicyError(
        current,
        target.origin,
        redirectedOff(response.status, target.href, decision.reason),
        'redirect_not_allowlisted',
      );
    }
    const { method, headers, body } = await nextHop(current, replay, response.status, target);
    // The referrer stays the first request's across redirects (https://fetch.spec.whatwg.org/#http-redirect-fetch).
    current = new Request(target, { ...carriedInit(current), method, headers, body, credentials: decision.credentials });
    // A hop without credentials carries no cookie wherever it goes: the platform may follow the rest.
    if (decision.credentials !== 'include') return context.send(current, context.init);
  }
}
