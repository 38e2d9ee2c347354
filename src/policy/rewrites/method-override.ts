import { SAFELISTED_METHODS } from '../../cors/methods.js';
import type { RewritableRequest, RewriteResult } from './shape.js';

/** Tunnels a non-safelisted method through POST and a query parameter (Rails', Laravel's, Express method-override). */
export function methodOverride(request: RewritableRequest, parameter: string): RewriteResult {
  if (SAFELISTED_METHODS.has(request.method)) return null;
  const url = new URL(request.url);
  url.searchParams.set(parameter, request.method.toUpperCase());
  return {
    request: { ...request, method: 'POST', url: url.href },
    applied: `sent ${request.method} as POST ?${parameter}=${request.method.toUpperCase()} (minimize.methodOverride)`,
  };
}
