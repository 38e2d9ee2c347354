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
  validateCredentialsPolicy(policy);
  // The lists are copied and frozen too: the caller's arrays (or `client.options`) must not widen the allowlist later.
  const { include, wildcard } = policy;
  const frozen: CredentialsPolicy = Object.freeze({
    ...policy,
    ...(include === undefined ? {} : { include: Object.freeze([...include]) }),
    ...(wildcard === undefined ? {} : { wildcard: Object.freeze([...wildcard]) }),
  });
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
