import type { CorsPrediction } from '../cors/index.js';

// Requests and responses are platform objects we must not extend: predictions ride beside them, weakly held.
const predictions = new WeakMap<object, CorsPrediction>();

export function rememberPrediction(target: object, prediction: CorsPrediction): void {
  predictions.set(target, prediction);
}

/**
 * The prediction crosswise made for the request behind a response, a request, or an error thrown for a call.
 * Works in hooks too (`afterResponse({ response })`, `beforeError({ error })`).
 */
export function getPrediction(target: object): CorsPrediction | undefined {
  const direct = predictions.get(target);
  if (direct !== undefined) return direct;
  const nested = (target as { prediction?: unknown; request?: unknown }).prediction;
  if (typeof nested === 'object' && nested !== null && 'kind' in nested) return nested as CorsPrediction;
  const request = (target as { request?: unknown }).request;
  return typeof request === 'object' && request !== null ? predictions.get(request) : undefined;
}

const rewrites = new WeakMap<object, readonly string[]>();

export function rememberRewrites(target: object, applied: readonly string[]): void {
  rewrites.set(target, applied);
}

/** The minimize rewrites applied to the request behind a response (or a request), each described in a sentence. */
export function getRewrites(target: object): readonly string[] {
  return rewrites.get(target) ?? [];
}

const transports = new WeakMap<object, 'fetch' | 'jsonp'>();

export function rememberTransport(response: object, transport: 'fetch' | 'jsonp'): void {
  transports.set(response, transport);
}

/** How the response came: by fetch, or through a JSONP script tag (`transport` or `fallback: 'jsonp'`). */
export function getTransport(response: object): 'fetch' | 'jsonp' {
  return transports.get(response) ?? 'fetch';
}
