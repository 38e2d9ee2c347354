import { isSameOrigin, originOfHref } from '../cors/origin.js';
import { minimize, validateMinimizeOptions, type MinimizeOptions } from '../policy/minimize.js';
import { carriedInit } from './rebuild.js';
import { PLUGIN, type MinimizePlugin, type MinimizePluginCode } from './plugins.js';

/** Rebuilds the request when a rewrite applies. The body is buffered: a stream body would itself force a preflight. */
async function rewrite(request: Request, options: MinimizeOptions): Promise<{ request: Request; applied: readonly string[] } | null> {
  const result = minimize({ method: request.method, url: request.url, headers: [...request.headers] }, options);
  if (result.applied.length === 0) return null;
  // Firefox has no Request#body (undefined, body or not): GET and HEAD never have one, anything else is read.
  const body = request.body === null || request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  const next = new Request(result.request.url, {
    ...carriedInit(request),
    method: result.request.method,
    headers: result.request.headers,
    ...(body === undefined ? {} : { body }),
  });
  return { request: next, applied: result.applied };
}

/**
 * Opt-in rewrites that keep cross-origin calls simple (no preflight), as a plugin for the `minimize` option of
 * `createClient` and `createFetch`. Each rewrite applies only where you declare the server accepts it, and only to
 * cross-origin calls; every rewrite applied is reported through `onWarning` (once per rewrite and origin) and
 * `getRewrites(response)`. Throws a TypeError naming the field when an option is malformed.
 * @example
 * const api = createClient({
 *   minimize: minimizePreflights({ jsonAsText: true, headersToQuery: { 'x-api-key': 'api_key' }, methodOverride: '_method' }),
 * });
 */
export function minimizePreflights(options: MinimizeOptions): MinimizePlugin {
  // Each getter (or Proxy trap) is read once, into copies, and the copies are what is checked and kept: an object that
  // showed the check one header and the copy another would move an unchecked one (a token) into the URL. Frozen, so
  // the caller's objects cannot add an unchecked rewrite later either.
  const copy: MinimizeOptions = typeof options === 'object' && options !== null ? { ...options } : options;
  if (typeof copy === 'object' && copy !== null) {
    const { headersToQuery, dropHeaders } = copy;
    if (typeof headersToQuery === 'object' && headersToQuery !== null) copy.headersToQuery = Object.freeze({ ...headersToQuery });
    if (Array.isArray(dropHeaders)) copy.dropHeaders = Object.freeze([...dropHeaders]);
  }
  validateMinimizeOptions(copy);
  const frozen: MinimizeOptions = Object.freeze(copy);
  return Object.freeze({
    [PLUGIN]: 'minimize' as const,
    options: frozen,
    rewrite: async (request: Request, page: string | null) =>
      isSameOrigin(originOfHref(request.url), page) ? null : rewrite(request, frozen),
  } satisfies MinimizePluginCode);
}
