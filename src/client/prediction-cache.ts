import type { CorsPrediction } from '../cors/index.js';

// An app repeats the same few calls: remembering the last predictions per request shape saves the rules' work on
// every repeat. This runs on every call, so a repeat is found by comparing what the prediction reads from the
// Request, field by field, with the shapes seen at the same URL. A string key of all of it cost more than the rest of
// the client's per-call work together: building it, then hashing it in a Map (measured: ~1 µs of ~1.3 µs).
const LIMIT = 256;
/** Shapes kept per URL: calls that vary a header value per call (a request id) must not make every lookup a scan. */
const PER_URL = 8;

/** Everything a prediction reads from a Request, as read, with the prediction made for it. */
interface Shape {
  readonly url: string;
  readonly method: string;
  readonly mode: RequestMode;
  readonly credentials: RequestCredentials;
  readonly cache: RequestCache;
  readonly redirect: RequestRedirect;
  readonly keepalive: boolean;
  readonly hasBody: boolean;
  /** A body already read: fetch refuses the Request (the rules read it, so the key must). */
  readonly bodyUsed: boolean;
  readonly uploadStream: boolean;
  /** Names and values in turn, in the order the Headers iterate them (sorted and combined). */
  readonly headers: readonly string[];
  readonly prediction: CorsPrediction;
}

// Firefox has no Request#body getter (undefined): its requests are all judged without a body, and keyed alike.
const hasBody = (request: Request): boolean => request.body !== null && request.body !== undefined;

function matches(shape: Shape, request: Request, uploadStream: boolean): boolean {
  if (
    shape.method !== request.method ||
    shape.uploadStream !== uploadStream ||
    shape.hasBody !== hasBody(request) ||
    shape.bodyUsed !== request.bodyUsed ||
    shape.mode !== request.mode ||
    shape.credentials !== request.credentials ||
    shape.cache !== request.cache ||
    shape.redirect !== request.redirect ||
    shape.keepalive !== request.keepalive
  ) {
    return false;
  }
  const { headers } = shape;
  let i = 0;
  for (const [name, value] of request.headers) if (headers[i++] !== name || headers[i++] !== value) return false;
  return i === headers.length;
}

function shapeOf(request: Request, url: string, uploadStream: boolean, prediction: CorsPrediction): Shape {
  return {
    url,
    method: request.method,
    mode: request.mode,
    credentials: request.credentials,
    cache: request.cache,
    redirect: request.redirect,
    keepalive: request.keepalive,
    hasBody: hasBody(request),
    bodyUsed: request.bodyUsed,
    uploadStream,
    headers: [...request.headers].flat(),
    prediction,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Predictions by request shape, at most 256, first in first out (not an LRU: refreshing an entry on every hit cost
 * more on the per-call path than recomputing a hot shape once after 256 new ones have pushed it out). Predictions are
 * frozen: every call of a shape shares one.
 */
export function createPredictionCache(
  predict: (request: Request, uploadStream: boolean) => CorsPrediction,
): (request: Request, uploadStream: boolean) => CorsPrediction {
  const byUrl = new Map<string, Shape[]>();
  const arrival: Shape[] = [];
  const forget = (shape: Shape): void => {
    const shapes = byUrl.get(shape.url);
    const at = shapes?.indexOf(shape) ?? -1;
    if (shapes === undefined || at < 0) return;
    shapes.splice(at, 1);
    if (shapes.length === 0) byUrl.delete(shape.url);
  };
  return (request, uploadStream) => {
    const url = request.url;
    let shapes = byUrl.get(url);
    if (shapes !== undefined) for (const shape of shapes) if (matches(shape, request, uploadStream)) return shape.prediction;
    const shape = shapeOf(request, url, uploadStream, deepFreeze(predict(request, uploadStream)));
    if (shapes === undefined) {
      shapes = [];
      byUrl.set(url, shapes);
    }
    if (shapes.length === PER_URL) forget(shapes[0] as Shape);
    shapes.push(shape);
    arrival.push(shape);
    if (arrival.length > LIMIT) forget(arrival.shift() as Shape);
    return shape.prediction;
  };
}
