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
  /** The init body is a ReadableStream a reader has locked. */
  bodyLocked: boolean;
  /** The input is a Request whose body was already read, and the init gives no new body. */
  inputBodyUsed: boolean;
  mode: string;
  credentials: string;
  cache: string;
  redirect: string;
  keepalive: boolean;
  duplex: string | undefined;
  /** `init.referrer` as given (undefined when absent). */
  referrer: string | undefined;
  /** `init.window` is present and not null. */
  window: boolean;
}

export type ShapeResult = { ok: true; shape: RequestShape } | { ok: false; reason: ReasonData };

function invalid(detail: string): ShapeResult {
  return { ok: false, reason: { code: 'invalid_input', detail } };
}

/** WebIDL's string conversions (DOMString, USVString, ByteString) throw a TypeError for a Symbol; anything else goes through ToString. */
function idlString(value: unknown): string | null {
  return typeof value === 'symbol' ? null : String(value);
}

const isEnumerable = (object: object, key: PropertyKey): boolean => Object.prototype.propertyIsEnumerable.call(object, key);

/** WebIDL's HeadersInit conversion: a sequence of pairs or a record; a Headers object is iterated (combined values). */
function readHeadersInit(init: unknown): [string, string][] | string {
  if (init === null) return '`headers` must be an object, not null';
  if (typeof init !== 'object' && typeof init !== 'function') return '`headers` must be an object';
  const iterator = (init as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  const entries: [string, string][] = [];
  if (typeof iterator === 'function') {
    for (const pair of init as Iterable<unknown>) {
      if (typeof pair !== 'object' || pair === null || typeof (pair as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
        return 'each header must be a [name, value] pair';
      }
      const items = [...(pair as Iterable<unknown>)];
      if (items.length !== 2) return `a header pair must have 2 items, not ${items.length}`;
      const name = idlString(items[0]);
      const value = idlString(items[1]);
      if (name === null || value === null) return 'a header name or value is a Symbol, which cannot become a string';
      entries.push([name, value]);
    }
    return entries;
  }
  // A record: every enumerable own key, strings first; an enumerable Symbol key cannot become a header name.
  const record = init as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    const value = idlString(record[name]);
    if (value === null) return `the value of header \`${name}\` is a Symbol, which cannot become a string`;
    entries.push([name, value]);
  }
  for (const key of Object.getOwnPropertySymbols(record)) {
    if (isEnumerable(record, key)) return 'a header name is a Symbol, which cannot become a string';
  }
  return entries;
}

/** One enumerated member: its value, or the refusal WebIDL throws for a value outside the enumeration. */
function enumMember(options: Record<string, unknown>, key: string, fallback: string): string | ReasonData {
  const raw = options[key];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'symbol' ? raw.toString() : String(raw);
  return INIT_ENUMS[key]?.has(value) === true ? value : { code: 'invalid_option', option: key, value };
}

/**
 * Reads `fetch(input, init)` the way the Request constructor does, without building a Request: WebIDL converts the
 * input, then the init's members in lexicographic order, and the first conversion that throws is the refusal.
 */
export function readRequestShape(input: unknown, init: unknown): ShapeResult {
  if (typeof input === 'symbol') return invalid('the input is a Symbol, which cannot become a URL string');
  const isRequest = tagOf(input) === 'Request';
  const request = input as Request;
  const url = isRequest ? request.url : String(input);
  if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') return invalid('init must be an object');
  const options = (init ?? {}) as Record<string, unknown>;

  // Firefox has no Request#body getter (undefined): a body we cannot see is judged like none.
  let body = isRequest && request.body !== null && request.body !== undefined ? UNKNOWN_BODY : describeBody(undefined);
  let bodyLocked = false;
  const rawBody = options['body'];
  if (rawBody !== undefined && rawBody !== null) {
    if (typeof rawBody === 'symbol') return invalid('the body is a Symbol, which cannot become a string');
    body = describeBody(rawBody);
    bodyLocked = body.kind === 'stream' && (rawBody as ReadableStream).locked === true;
  }
  const cache = enumMember(options, 'cache', isRequest ? request.cache : 'default');
  if (typeof cache !== 'string') return { ok: false, reason: cache };
  const credentials = enumMember(options, 'credentials', isRequest ? request.credentials : 'same-origin');
  if (typeof credentials !== 'string') return { ok: false, reason: credentials };
  const duplex = enumMember(options, 'duplex', '');
  if (typeof duplex !== 'string') return { ok: false, reason: duplex };
  let headers: [string, string][] = isRequest ? [...request.headers] : [];
  if (options['headers'] !== undefined) {
    const read = readHeadersInit(options['headers']);
    if (typeof read === 'string') return invalid(read);
    headers = read;
  }
  if (typeof options['integrity'] === 'symbol') return invalid('`integrity` is a Symbol, which cannot become a string');
  let method = isRequest ? request.method : 'GET';
  if (options['method'] !== undefined) {
    const given = idlString(options['method']);
    if (given === null) return invalid('`method` is a Symbol, which cannot become a string');
    method = given;
  }
  const mode = enumMember(options, 'mode', isRequest ? request.mode : 'cors');
  if (typeof mode !== 'string') return { ok: false, reason: mode };
  const priority = enumMember(options, 'priority', 'auto');
  if (typeof priority !== 'string') return { ok: false, reason: priority };
  const redirect = enumMember(options, 'redirect', isRequest ? request.redirect : 'follow');
  if (typeof redirect !== 'string') return { ok: false, reason: redirect };
  let referrer: string | undefined;
  if (options['referrer'] !== undefined) {
    const given = idlString(options['referrer']);
    if (given === null) return invalid('`referrer` is a Symbol, which cannot become a string');
    referrer = given;
  }
  const referrerPolicy = enumMember(options, 'referrerPolicy', '');
  if (typeof referrerPolicy !== 'string') return { ok: false, reason: referrerPolicy };
  const signal = options['signal'];
  if (signal !== undefined && signal !== null && tagOf(signal) !== 'AbortSignal') return invalid('`signal` is not an AbortSignal');
  const window = options['window'];

  const hasInitBody = rawBody !== undefined && rawBody !== null;
  const shape: RequestShape = {
    url,
    method,
    headers,
    body,
    bodyContentTypeApplied: isRequest && !hasInitBody,
    bodyLocked,
    inputBodyUsed: isRequest && !hasInitBody && request.bodyUsed === true,
    mode,
    credentials,
    cache,
    redirect,
    keepalive: options['keepalive'] !== undefined ? Boolean(options['keepalive']) : isRequest && request.keepalive,
    duplex: duplex === '' ? undefined : duplex,
    referrer,
    window: window !== undefined && window !== null,
  };
  return { ok: true, shape };
}
