import { describeBody, tagOf, UNKNOWN_BODY, type BodyInfo } from './body.js';
import { INIT_ENUMS, STRING_MEMBERS } from './init-enums.js';
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
  /** A `Request` input's own cache mode is read only where it can be `only-if-cached` (its mode is `same-origin`). */
  cache: string;
  /** A `Request` input's own redirect mode is read only where it matters (`no-cors`); elsewhere `follow`. */
  redirect: string;
  /** `keepalive`; a `Request` input's own flag only where the init gives a body (its own body's size is unknown). */
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

/** WebIDL's string conversions (DOMString, USVString, ByteString) throw a TypeError for a Symbol. */
const symbolIn = (what: string): string => `${what} is a Symbol, which cannot become a string`;

/**
 * WebIDL's HeadersInit conversion: a sequence of pairs or a record; a Headers object is iterated (combined values).
 * Every pair is the call's own (a copy of a given pair, or one Object.entries made), so names and values become
 * strings in place: the header list takes the pairs over without another copy.
 */
function readHeadersInit(init: unknown): [string, string][] | string {
  if (typeof init !== 'object' && typeof init !== 'function') return '`headers` must be an object';
  if (init === null) return '`headers` must be an object, not null';
  let entries: unknown[][];
  if (typeof (init as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
    entries = [];
    for (const pair of init as Iterable<unknown>) {
      if (typeof pair !== 'object' || pair === null || typeof (pair as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
        return 'each header must be a [name, value] pair';
      }
      const items = [...(pair as Iterable<unknown>)];
      if (items.length !== 2) return `a header pair must have 2 items, not ${items.length}`;
      entries.push(items);
    }
  } else {
    // A record: every enumerable own key, strings first; an enumerable Symbol key cannot become a header name.
    entries = Object.entries(init);
    for (const key of Object.getOwnPropertySymbols(init)) {
      if (Object.prototype.propertyIsEnumerable.call(init, key)) return symbolIn('a header name');
    }
  }
  for (const entry of entries) {
    if (typeof entry[0] === 'symbol' || typeof entry[1] === 'symbol') return symbolIn('a header name or value');
    entry[0] = String(entry[0]);
    entry[1] = String(entry[1]);
  }
  return entries as [string, string][];
}

/** The members read as strings, by WebIDL's rules: an enumeration's value, or any string (a Symbol throws). */
type Strings = Partial<Record<(typeof STRING_MEMBERS)[number], string>>;

/**
 * Reads `fetch(input, init)` the way the Request constructor does, without building a Request. A `Request` input's
 * getters cross into the platform (bindings calls in a browser): each is read once, and only where a rule needs it.
 */
export function readRequestShape(input: unknown, init: unknown): ShapeResult {
  if (typeof input === 'symbol') return invalid(symbolIn('the input'));
  // A string (most calls) needs no brand check; a Request of this realm is known by its class, one of another
  // realm (an iframe's) by its brand.
  const isRequest =
    typeof input === 'object' &&
    input !== null &&
    ((typeof Request === 'function' && input instanceof Request) || tagOf(input) === 'Request');
  const request = input as Request;
  const url = isRequest ? request.url : String(input);
  if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function')
    return invalid('init must be an object');
  const options = (init ?? {}) as Record<string, unknown>;

  let body: BodyInfo | undefined;
  let bodyLocked = false;
  let headers: [string, string][] | undefined;
  const given: Strings = {};
  // No init (a plain GET of a URL, or a Request as it is): nothing to convert.
  for (const key of init === undefined || init === null ? [] : STRING_MEMBERS) {
    const raw = options[key];
    if (raw === undefined) continue;
    const values = INIT_ENUMS[key];
    if (key === 'body') {
      if (raw === null) continue;
      if (typeof raw === 'symbol') return invalid(symbolIn('the body'));
      body = describeBody(raw);
      bodyLocked = body.kind === 'stream' && (raw as ReadableStream).locked === true;
    } else if (key === 'headers') {
      const read = readHeadersInit(raw);
      if (typeof read === 'string') return invalid(read);
      headers = read;
    } else if (key === 'signal') {
      if (raw !== null && tagOf(raw) !== 'AbortSignal') return invalid('`signal` is not an AbortSignal');
    } else if (values !== undefined) {
      const value = typeof raw === 'symbol' ? raw.toString() : String(raw);
      if (!values.has(value)) return { ok: false, reason: { code: 'invalid_option', option: key, value } };
      given[key] = value;
    } else {
      if (typeof raw === 'symbol') return invalid(symbolIn(`\`${key}\``));
      given[key] = String(raw);
    }
  }
  const window = options['window'];
  const keepalive = options['keepalive'];
  // A Request input's getters, each read once and only where a rule needs it: the Request already passed its
  // constructor, so a GET or HEAD Request has no body, only a same-origin one can carry only-if-cached, and its
  // redirect mode matters only in no-cors. A member the init gives replaces the Request's.
  const ownMethod = isRequest ? request.method : 'GET';
  const ownMode = isRequest ? request.mode : 'cors';
  const mode = given.mode ?? ownMode;
  // Firefox has no Request#body getter (undefined): a body we cannot see is judged like none, but its bodyUsed still counts.
  const ownBody = isRequest && body === undefined && ownMethod !== 'GET' && ownMethod !== 'HEAD' ? request.body : null;
  // A Request's header list as its Headers object yields it: a loop, not a spread. V8 spreads an iterable that is not
  // an array through a generic path that never inlines its `next()`, and undici's (Node's Request) costs twice the loop that way.
  if (isRequest && headers === undefined) {
    headers = [];
    for (const pair of request.headers) headers.push(pair);
  }
  const shape: RequestShape = {
    url,
    method: given.method ?? ownMethod,
    headers: headers ?? [],
    body: body ?? (ownBody !== null && ownBody !== undefined ? UNKNOWN_BODY : describeBody(undefined)),
    bodyContentTypeApplied: isRequest && body === undefined,
    bodyLocked,
    inputBodyUsed: ownBody !== null && request.bodyUsed === true,
    mode,
    credentials: given.credentials ?? (isRequest ? request.credentials : 'same-origin'),
    cache: given.cache ?? (ownMode === 'same-origin' ? request.cache : 'default'),
    redirect: given.redirect ?? (isRequest && mode === 'no-cors' ? request.redirect : 'follow'),
    // A Request's own keepalive flag only limits a body the init gives: its own body has no size a prediction sees.
    keepalive: keepalive !== undefined ? Boolean(keepalive) : isRequest && body !== undefined && request.keepalive,
    duplex: given.duplex,
    referrer: given.referrer,
    window: window !== undefined && window !== null,
  };
  return { ok: true, shape };
}
