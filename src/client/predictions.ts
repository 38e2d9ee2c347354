import type { CorsPrediction } from '../cors/index.js';

/** What crosswise knows of one call, kept beside its Request and its Response. */
interface CallFacts {
  prediction?: CorsPrediction;
  rewrites?: readonly string[];
  transport?: 'fetch' | 'jsonp';
}

// Requests and responses are platform objects we must not extend: the facts ride beside them, weakly held, in one
// map (one entry per object and call: every WeakMap entry costs the garbage collector on a hot path).
const facts = new WeakMap<object, CallFacts>();

/** Records facts about the call behind `target` (a Request or a Response), over what was recorded before. */
export function remember(target: object, add: CallFacts): void {
  const known = facts.get(target);
  facts.set(target, known === undefined ? add : { ...known, ...add });
}

/**
 * The prediction crosswise made for the request behind a response, a request, or an error thrown for a call.
 * Works in hooks too (`afterResponse({ response })`, `beforeError({ error })`).
 */
export function getPrediction(target: object): CorsPrediction | undefined {
  const direct = facts.get(target)?.prediction;
  if (direct !== undefined) return direct;
  const nested = (target as { prediction?: unknown; request?: unknown }).prediction;
  if (typeof nested === 'object' && nested !== null && 'kind' in nested) return nested as CorsPrediction;
  const request = (target as { request?: unknown }).request;
  return typeof request === 'object' && request !== null ? facts.get(request)?.prediction : undefined;
}

/** The minimize rewrites applied to the request behind a response (or a request), each described in a sentence. */
export function getRewrites(target: object): readonly string[] {
  return facts.get(target)?.rewrites ?? [];
}

/** How the response came: by fetch, or through a JSONP script tag (`transport` or `fallback: 'jsonp'`). */
export function getTransport(response: object): 'fetch' | 'jsonp' {
  return facts.get(response)?.transport ?? 'fetch';
}
