import type { CorsPrediction } from '../cors/index.js';

// An app repeats the same few calls: remembering the last predictions per request shape saves the rules' work on
// every repeat. The key holds everything the prediction reads from a Request; entries are frozen because shared.
const LIMIT = 256;

export function requestKey(request: Request, uploadStream: boolean): string {
  let headers = '';
  for (const [name, value] of request.headers) headers += `\n${name}:${value}`;
  return `${request.method} ${request.url} ${request.mode} ${request.credentials} ${request.cache} ${request.redirect} ${String(request.keepalive)} ${request.body === null ? 0 : 1}${uploadStream ? 's' : ''}${headers}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A small first-in-first-out cache of frozen predictions. Not an LRU: refreshing an entry on every hit cost more on
 * the per-call path than recomputing a hot shape once after 256 new ones have pushed it out.
 */
export function createPredictionCache(): (key: string, compute: () => CorsPrediction) => CorsPrediction {
  const entries = new Map<string, CorsPrediction>();
  return (key, compute) => {
    const hit = entries.get(key);
    if (hit !== undefined) return hit;
    const prediction = deepFreeze(compute());
    entries.set(key, prediction);
    if (entries.size > LIMIT) entries.delete(entries.keys().next().value as string);
    return prediction;
  };
}
