import { isSameOrigin, originOf } from '../cors/origin.js';
import { badPolicyOption, notAllowlisted, wildcardWithCredentials } from './words.js';

// The per-origin credentials policy: cookies and HTTP auth go only where the app said they may. Pure: it knows
// origins and modes, not ky or the network.

/** Where credentials may go: the `include` origins get them, every other origin gets `otherwise`; asking for `include` elsewhere is refused. */
export interface CredentialsPolicy {
  /**
   * Origins that receive credentials (`credentials: 'include'`). Exact serialized origins.
   * @default none: no other origin receives credentials
   * @example { include: ['https://api.example.com'] }
   */
  include?: readonly string[];
  /**
   * Origins known to answer `Access-Control-Allow-Origin: *`: a credentialed call to them is refused by the browser.
   * @default none
   */
  wildcard?: readonly string[];
  /**
   * The mode for every other origin.
   * @default 'same-origin'
   * @example 'omit'
   */
  otherwise?: 'omit' | 'same-origin';
  /**
   * What a credentialed call (credentials `'include'`) does with a redirect. `'verify'`: crosswise follows it only
   * where it can see the `Location` (Node, Deno, Bun) and decides credentials again for the new origin, so cookies
   * never follow a redirect out of the allowlist; a browser hides where a redirect leads, so there the call throws a
   * `CredentialsPolicyError` (code `redirect_hidden`) instead. `'follow'`: the platform follows redirects, and the
   * cookies go wherever they lead. A call that sets `redirect` itself (`'manual'`, `'error'`) keeps it.
   * @default 'verify'
   * @example { include: ['https://api.example.com'], redirects: 'follow' }
   */
  redirects?: 'verify' | 'follow';
}

export type CredentialsDecision = { ok: true; credentials: RequestCredentials; warning?: string } | { ok: false; reason: string };

/** Rejects a malformed policy with a TypeError naming the field. */
export function validateCredentialsPolicy(policy: unknown): void {
  if (policy === undefined) return;
  if (typeof policy !== 'object' || policy === null)
    throw new TypeError(badPolicyOption('credentials', 'must be { include?, wildcard?, otherwise?, redirects? }'));
  const { include, wildcard, otherwise, redirects } = policy as Record<string, unknown>;
  for (const [name, list] of [
    ['include', include],
    ['wildcard', wildcard],
  ] as const) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new TypeError(badPolicyOption(`credentials.${name}`, `must be an array of origins`));
    for (const origin of list) {
      // Not 'null' either: an opaque origin matches no request.
      if (origin === 'null' || originOf(origin) !== origin) {
        throw new TypeError(
          badPolicyOption(
            `credentials.${name}`,
            `holds ${JSON.stringify(origin)}, which is not a serialized origin such as 'https://api.example.com'`,
          ),
        );
      }
    }
  }
  if (otherwise !== undefined && otherwise !== 'omit' && otherwise !== 'same-origin')
    throw new TypeError(badPolicyOption('credentials.otherwise', "must be 'omit' or 'same-origin'"));
  if (redirects !== undefined && redirects !== 'verify' && redirects !== 'follow') {
    throw new TypeError(badPolicyOption('credentials.redirects', `must be 'verify' or 'follow', not ${JSON.stringify(redirects)}`));
  }
}

/**
 * The credentials mode for a call to `target` from `page`: the allowlist decides; a call that asks for `include`
 * toward an origin outside it is refused (nothing is sent), and one toward a wildcard-only origin is warned about.
 */
export function decideCredentials(
  policy: CredentialsPolicy,
  target: string,
  page: string | null,
  requested: RequestCredentials | undefined,
): CredentialsDecision {
  const allowlisted = policy.include?.includes(target) === true;
  const sameOrigin = isSameOrigin(target, page);
  if (requested === 'omit') return { ok: true, credentials: 'omit' };
  if (requested === 'include' && !allowlisted && !sameOrigin) {
    return { ok: false, reason: notAllowlisted(target) };
  }
  if (allowlisted && policy.wildcard?.includes(target) === true) {
    return {
      ok: true,
      credentials: 'include',
      warning: wildcardWithCredentials(target),
    };
  }
  if (allowlisted) return { ok: true, credentials: 'include' };
  return { ok: true, credentials: requested ?? policy.otherwise ?? 'same-origin' };
}
