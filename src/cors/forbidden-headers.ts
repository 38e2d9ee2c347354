import { isForbiddenMethod } from './methods.js';

// Forbidden request-headers: the page may not set them; Headers drops them silently.
// https://fetch.spec.whatwg.org/#forbidden-request-header
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

/** Forbidden when any comma-separated method in their value is a forbidden method. */
const METHOD_OVERRIDE_NAMES: ReadonlySet<string> = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);

/**
 * Whether (name, value) is a forbidden request-header by the standard. `name` must be lower-case.
 * Engines add their own names on top (see engines.ts).
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  if (FORBIDDEN_NAMES.has(name)) return true;
  if (name.startsWith('proxy-') || name.startsWith('sec-')) return true;
  if (METHOD_OVERRIDE_NAMES.has(name)) {
    return value.split(',').some((method) => isForbiddenMethod(method.trim()));
  }
  return false;
}
