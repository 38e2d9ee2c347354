import type { CorsPrediction } from '../cors/index.js';

/** What crosswise knows of one call, kept beside its Request and its Response (never changed once recorded: calls may share one). */
export interface CallFacts {
  prediction?: CorsPrediction;
  rewrites?: readonly string[];
  transport?: 'fetch' | 'jsonp';
}

// The facts ride on the Request and the Response themselves, under a registered symbol (every copy of crosswise
// reads the same key; no string key can clash, and JSON, for-in and Object.keys skip symbols). A WeakMap would
// leave the platform objects untouched, but its entries are ephemerons the garbage collector must trace: measured
// with a stubbed network, that was ~3 µs of the client's ~6 µs per call over ky. A frozen object falls back to one.
const FACTS: unique symbol = Symbol.for('crosswise.call') as never;
const sealed = new WeakMap<object, CallFacts>();

const factsOf = (target: object): CallFacts | undefined => (target as { [FACTS]?: CallFacts })[FACTS] ?? sealed.get(target);

/**
 * Records the facts of the call behind `target` (a Request or a Response). They replace any recorded before: ky
 * sends every attempt as a Request of its own, so an object that comes back is a new call (a response served
 * again from a cache, a request a hook returns twice), and its facts are the new call's.
 */
export function remember(target: object, facts: CallFacts): void {
  if (Object.isExtensible(target)) (target as { [FACTS]?: CallFacts })[FACTS] = facts;
  else sealed.set(target, facts);
}

/** Records on `target` what is known of the call behind `source`: a Request a caller passed on, for the one sent in its place. */
export function rememberAs(target: object, source: object): void {
  const facts = factsOf(source);
  if (facts !== undefined) remember(target, facts);
}

/**
 * The prediction crosswise made for the request behind a response, a request, or an error thrown for a call.
 * Works in hooks too (`afterResponse({ response })`, `beforeError({ error })`).
 */
export function getPrediction(target: object): CorsPrediction | undefined {
  const direct = factsOf(target)?.prediction;
  if (direct !== undefined) return direct;
  const nested = (target as { prediction?: unknown; request?: unknown }).prediction;
  if (typeof nested === 'object' && nested !== null && 'kind' in nested) return nested as CorsPrediction;
  const request = (target as { request?: unknown }).request;
  return typeof request === 'object' && request !== null ? factsOf(request)?.prediction : undefined;
}

/** The minimize rewrites applied to the request behind a response (or a request), each described in a sentence. */
export function getRewrites(target: object): readonly string[] {
  return factsOf(target)?.rewrites ?? [];
}

/** How the response came: by fetch, or through a JSONP script tag (`transport` or `fallback: 'jsonp'`). */
export function getTransport(response: object): 'fetch' | 'jsonp' {
  return factsOf(response)?.transport ?? 'fetch';
}
