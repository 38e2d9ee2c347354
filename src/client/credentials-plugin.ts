import { originOfHref } from '../cors/origin.js';
import { CredentialsPolicyError } from '../errors/credentials-policy-error.js';
import { decideCredentials, validateCredentialsPolicy, type CredentialsPolicy } from '../policy/credentials.js';
import { PLUGIN, type CredentialsPlugin, type CredentialsPluginCode } from './plugins.js';
import { rebuildRequest } from './rebuild.js';
import { mustVerifyRedirects, sendVerifyingRedirects } from './redirects.js';

/**
 * The per-origin credentials policy, as a plugin for the `credentials` option of `createClient` and `createFetch`:
 * credentials (cookies, HTTP auth) go to the `include` origins only, every other origin gets `otherwise`, and a call
 * that asks for `credentials: 'include'` anywhere else throws a `CredentialsPolicyError` before anything is sent.
 * Redirects of credentialed calls are followed under the policy too (`redirects`). Throws a TypeError naming the
 * field when the policy is malformed.
 * @example
 * const api = createClient({
 *   credentials: credentialsPolicy({ include: ['https://api.example.com'], otherwise: 'omit' }),
 * });
 */
export function credentialsPolicy(policy: CredentialsPolicy): CredentialsPlugin {
  // Each getter (or Proxy trap) is read once, into copies, and the copies are what is checked and kept: a policy that
  // showed the check one allowlist and the copy another would send cookies where no check looked. Frozen, so the
  // caller's arrays (or `client.options`) cannot widen the allowlist later either.
  const copy: CredentialsPolicy = typeof policy === 'object' && policy !== null ? { ...policy } : policy;
  if (typeof copy === 'object' && copy !== null) {
    const { include, wildcard } = copy;
    if (Array.isArray(include)) copy.include = Object.freeze([...include]);
    if (Array.isArray(wildcard)) copy.wildcard = Object.freeze([...wildcard]);
  }
  validateCredentialsPolicy(copy);
  const frozen: CredentialsPolicy = Object.freeze(copy);
  const decide: CredentialsPluginCode['decide'] = (target, page, asked) => decideCredentials(frozen, target, page, asked);
  return Object.freeze({
    [PLUGIN]: 'credentials' as const,
    policy: frozen,
    decide,
    apply(request: Request, page: string | null) {
      // A Request always has a mode; 'same-origin' is fetch's default, so only 'include' and 'omit' count as asked for.
      const asked = request.credentials === 'same-origin' ? undefined : request.credentials;
      const target = originOfHref(request.url);
      const decision = decide(target, page, asked);
      if (!decision.ok) throw new CredentialsPolicyError(request, target, decision.reason);
      return {
        request: decision.credentials === request.credentials ? request : rebuildRequest(request, { credentials: decision.credentials }),
        warning: decision.warning,
        send: (sent: Request, fetch: (request: Request, init?: RequestInit) => Promise<Response>, init: RequestInit | undefined) =>
          mustVerifyRedirects(sent, frozen)
            ? sendVerifyingRedirects(sent, { policy: frozen, page, asked, send: fetch, init })
            : fetch(sent, init),
      };
    },
  } satisfies CredentialsPluginCode);
}
