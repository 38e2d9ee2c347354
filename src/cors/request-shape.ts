import { describeBody, tagOf, UNKNOWN_BODY, type BodyInfo } from './body.js';
import { INIT_ENUMS } from './init-enums.js';
import type { ReasonData } from './types.js';

/** fetch()'s arguments reduced to plain data: what the Request constructor would read. */
export interface RequestShape {
  url: string;
  method: string;
  /** Header entries in the order the Request constructor appends them (a Headers object yields combined values). */
  headers: [string, string][];
  body: BodyInfo;
  /** The Content-Type of `body` is already in `headers` (a Request object's body). */
  bodyContentTypeApplied: boolean;
  mode: string;
  credentials: string;
  cache: string;
  redirect: string;
  keepalive: boolean;
  duplex: string | undefined;
}

export type ShapeResult = { ok: true; shape: RequestShape } | { ok: false; reason: ReasonData };

function invalid(detail: string): ShapeResult {
  return { ok: false, reason: { code: 'invalid_input', detail } };
}

/** WebIDL's HeadersInit conversion: a sequence of pairs or a record; a Headers object is iterated (combined values). */
function readHeadersInit(init: unknown): [string, string][] | string {
  if (init === undefined || init === null) return init === null ? 'headers must be an object, not null' : [];
  if (typeof init !== 'object' && typeof init !== 'function') return 'headers must be an object';
  const iterator = (init as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  if (typeof iterator === 'function') {
    const entries: [string, string][] = [];
    for (const pair of init as Iterable<unknown>) {
      if (typeof pair !== 'object' || pair === null || typeof (pair as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
        return 'each header must be a [name, value] pair';
      }
      const items = [...(pair as Iterable<unknown>)];
      if (items.length !== 2) return `a header pair must have 2 items, not ${items.length}`;
      entries.push([String(items[0]), String(items[1])]);
    }
    return entries;
  }
  return Object.keys(init).map((name) => [name, String((init as Record<string, unknown>)[name])]);
}

/** Reads `fetch(input, init)` the way the Request constructor does, without building a Request. */
export function readRequestShape(input: unknown, init: unknown): ShapeResult {
  if (init !== undefined && init !== null && typeof init !== 'object') return invalid('init must be an object');
  const options = (init ?? {}) as Record<string, unknown>;
  const isRequest = tagOf(input) === 'Request';
  const request = input as Request;
  const shape: RequestShape = {
    url: isRequest ? request.url : String(input),
    method: isRequest ? request.method : 'GET',
    headers: isRequest ? [...request.headers] : [],
    // Firefox has no Request#body getter (undefined): a body we cannot see is judged like none.
    body: isRequest && request.body !== null && request.body !== undefined ? UNKNOWN_BODY : describeBody(undefined),
    bodyContentTypeApplied: isRequest,
    mode: isRequest ? request.mode : 'cors',
    credentials: isRequest ? request.credentials : 'same-origin',
    cache: isRequest ? request.cache : 'default',
    redirect: isRequest ? request.redirect : 'follow',
    keepalive: isRequest ? request.keepalive : false,
    duplex: undefined,
  };
  // An enumerated member outside its values makes WebIDL throw; priority and referrerPolicy are only validated.
  for (const key of Object.keys(INIT_ENUMS)) {
    const raw = options[key];
    if (raw === undefined) continue;
    const value = String(raw);
    if (INIT_ENUMS[key]?.has(value) !== true) return { ok: false, reason: { code: 'invalid_option', option: key, value } };
    if (key in shape) (shape as unknown as Record<string, string>)[key] = value;
  }
  if (options['method'] !== undefined) shape.method = String(options['method']);
  if (options['keepalive'] !== undefined) shape.keepalive = Boolean(options['keepalive']);
  if (options['headers'] !== undefined) {
    const headers = readHeadersInit(options['headers']);
    if (typeof headers === 'string') return invalid(headers);
    shape.headers = headers;
  }
  if (options['body'] !== undefined && options['body'] !== null) {
    shape.body = describeBody(options['body']);
    shape.bodyContentTypeApplied = false;
  }
  return { ok: true, shape };
}
