import { badPolicyOption } from './words.js';
import { dropHeaders } from './rewrites/drop-headers.js';
import { headersToQuery } from './rewrites/headers-to-query.js';
import { jsonAsText } from './rewrites/json-as-text.js';
import { methodOverride } from './rewrites/method-override.js';
import type { RewritableRequest, RewriteResult } from './rewrites/shape.js';

export type { RewritableRequest } from './rewrites/shape.js';

/** The opt-in rewrites that keep calls simple; each applies only where the server was declared to accept it. */
export interface MinimizeOptions {
  /**
   * Send JSON bodies as text/plain. The server must parse the body as JSON whatever its Content-Type.
   * @default false
   */
  jsonAsText?: boolean;
  /**
   * Header name → query parameter name. The server must read the parameter.
   * @default none
   * @example { headersToQuery: { 'X-Request-Id': 'rid' } }
   */
  headersToQuery?: Readonly<Record<string, string>>;
  /**
   * The query parameter that carries PUT/PATCH/DELETE… through POST. The server must honour it.
   * @default none: the method is sent as it is
   * @example { methodOverride: '_method' }
   */
  methodOverride?: string;
  /**
   * Headers to drop from cross-origin calls.
   * @default none
   * @example { dropHeaders: ['x-debug'] }
   */
  dropHeaders?: readonly string[];
}

/** Applies the chosen rewrites in a fixed order and lists each one applied: never silent. */
export function minimize(request: RewritableRequest, options: MinimizeOptions): { request: RewritableRequest; applied: string[] } {
  const applied: string[] = [];
  let current = request;
  const apply = (result: RewriteResult): void => {
    if (result === null) return;
    current = result.request;
    applied.push(result.applied);
  };
  if (options.dropHeaders !== undefined) apply(dropHeaders(current, options.dropHeaders));
  if (options.headersToQuery !== undefined) apply(headersToQuery(current, options.headersToQuery));
  if (options.jsonAsText === true) apply(jsonAsText(current));
  if (options.methodOverride !== undefined) apply(methodOverride(current, options.methodOverride));
  return { request: current, applied };
}

/** Rejects malformed minimize options with a TypeError naming the field. */
export function validateMinimizeOptions(options: unknown): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) throw new TypeError(badPolicyOption('minimize', 'must be an object of rewrites'));
  const { jsonAsText: json, headersToQuery: toQuery, methodOverride: override, dropHeaders: drop } = options as Record<string, unknown>;
  if (json !== undefined && typeof json !== 'boolean') throw new TypeError(badPolicyOption('minimize.jsonAsText', 'must be a boolean'));
  if (
    toQuery !== undefined &&
    (typeof toQuery !== 'object' || toQuery === null || Object.values(toQuery).some((value) => typeof value !== 'string' || value === ''))
  ) {
    throw new TypeError(badPolicyOption('minimize.headersToQuery', 'must map header names to query parameter names'));
  }
  if (override !== undefined && (typeof override !== 'string' || !/^[\w.-]+$/.test(override)))
    throw new TypeError(badPolicyOption('minimize.methodOverride', 'must be a query parameter name'));
  if (drop !== undefined && (!Array.isArray(drop) || drop.some((name) => typeof name !== 'string')))
    throw new TypeError(badPolicyOption('minimize.dropHeaders', 'must be an array of header names'));
}
