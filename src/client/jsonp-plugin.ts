import { isSameOrigin, originOfHref } from '../cors/origin.js';
import { CredentialsPolicyError } from '../errors/credentials-policy-error.js';
import { loadJsonp } from '../jsonp/index.js';
import {
  PLUGIN,
  type CredentialsPluginCode,
  type JsonpPlugin,
  type JsonpPluginCode,
  type JsonpTransportOptions,
  type JsonpWish,
} from './plugins.js';
import { remember } from './predictions.js';
import { badOption, jsonpRefused, jsonpSendsCookies } from './words.js';

/**
 * True when the client keeps cookies from `origin` (its policy decides no `include` there, or the call asks for
 * `omit`) — a script tag would send them anyway: it has no credentials mode of its own.
 */
function keepsCookiesFrom(request: Request, origin: string, credentials: CredentialsPluginCode | undefined, page: string | null): boolean {
  if (isSameOrigin(origin, page)) return false;
  if (request.credentials === 'omit') return true;
  if (credentials === undefined) return false;
  const decision = credentials.decide(origin, page, request.credentials === 'include' ? 'include' : undefined);
  return !decision.ok || decision.credentials !== 'include';
}

function validate(options: unknown): asserts options is JsonpTransportOptions {
  if (typeof options !== 'object' || options === null || !Array.isArray((options as JsonpTransportOptions).origins)) {
    throw new TypeError(badOption('jsonpTransport', 'takes { origins: string[], callbackParam?, timeout?, credentials?, document? }'));
  }
  const credentials = (options as JsonpTransportOptions).credentials as unknown;
  if (credentials !== undefined && credentials !== 'include') {
    throw new TypeError(
      badOption('jsonp.credentials', `must be 'include' (a script tag cannot omit cookies), not ${JSON.stringify(credentials)}`),
    );
  }
}

/**
 * GET calls through a script tag, as a plugin for the `jsonp` option of `createClient` and `createFetch`: a call with
 * `transport: 'jsonp'` always loads that way, one with `fallback: 'jsonp'` retries once that way after a cross-origin
 * network failure. Only the `origins` listed may answer (JSONP runs their code with the page's authority), and JSONP
 * toward an origin the client keeps cookies from is refused (see `credentials`). Throws a TypeError naming the field
 * when an option is malformed.
 * @example
 * const api = createClient({ jsonp: jsonpTransport({ origins: ['https://legacy.example.com'], callbackParam: 'cb' }) });
 * const data = await api.get('https://legacy.example.com/feed', { fallback: 'jsonp' }).json();
 */
export function jsonpTransport(options: JsonpTransportOptions): JsonpPlugin {
  // Copied first, then checked, then frozen: getters or a Proxy read twice could show the check one value and keep another.
  const copy: JsonpTransportOptions = typeof options === 'object' && options !== null ? { ...options } : options;
  if (Array.isArray(copy?.origins)) copy.origins = Object.freeze([...copy.origins]);
  validate(copy);
  const frozen: JsonpTransportOptions = Object.freeze(copy);
  return Object.freeze({
    [PLUGIN]: 'jsonp' as const,
    options: frozen,
    check(request: Request, wish: JsonpWish, credentials: CredentialsPluginCode | undefined, page: string | null): void {
      const what = wish.transport === 'jsonp' ? "transport: 'jsonp'" : "fallback: 'jsonp'";
      if (request.method !== 'GET')
        throw new TypeError(jsonpRefused(what, `works for GET only: a script tag cannot send ${request.method}`));
      const origin = originOfHref(request.url);
      if (!frozen.origins.includes(origin)) {
        throw new TypeError(
          jsonpRefused(what, `needs ${origin} in the client's \`jsonp.origins\`: JSONP runs that origin's code with the page's authority`),
        );
      }
      if (frozen.credentials !== 'include' && keepsCookiesFrom(request, origin, credentials, page)) {
        throw new CredentialsPolicyError(request, origin, jsonpSendsCookies(what, origin), 'jsonp_sends_cookies');
      }
    },
    async load(request: Request): Promise<Response> {
      const { callbackParam, timeout, document } = frozen;
      const data = await loadJsonp(request.url, { callbackParam, timeout, document, signal: request.signal });
      const response = new Response(JSON.stringify(data ?? null), { status: 200, headers: { 'Content-Type': 'application/json' } });
      remember(response, { transport: 'jsonp' });
      return response;
    },
  } satisfies JsonpPluginCode);
}
