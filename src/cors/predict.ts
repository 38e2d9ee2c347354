import { describeBody, tagOf, type BodyInfo } from './body.js';
import { ambientEngine } from './detect-engine.js';
import { ENGINE_QUIRKS, type EngineQuirks } from './engine-quirks.js';
import { ENGINE_PROFILES, type EngineProfile } from './engines.js';
import { buildHeaderList, combinedValue } from './header-list.js';
import { isForbiddenMethod, isToken, normalizeMethod, SAFELISTED_METHODS } from './methods.js';
import { isSameOrigin, pageOrigin, readOrigin, readTarget, resolveUrl, type TargetUrl } from './origin.js';
import { completeReason } from './reasons.js';
import { readRequestShape, type RequestShape } from './request-shape.js';
import { ENGINES, type CorsKind, type CorsPrediction, type PredictOptions, type Reason, type ReasonData } from './types.js';
import { describeThrown, describeValue } from './thrown.js';
import { corsUnsafeNames } from './unsafe-names.js';

/** https://fetch.spec.whatwg.org/#http-network-or-cache-fetch — keepalive bodies share a 64 KiB in-flight budget. */
const KEEPALIVE_BODY_LIMIT = 64 * 1024;

/** Stands in for the document's base URL when the page origin is unknown: only whether the referrer parses matters. */
const REFERRER_BASE = 'https://origin.invalid/';

/** The prediction's fields as they become known, plus the informative notes gathered on the way; `finish` copies all but the notes. */
type Draft = Pick<CorsPrediction, 'engine' | 'method' | 'url' | 'origin' | 'mode' | 'credentials'> & { notes: ReasonData[] };

function finish(draft: Draft, kind: CorsKind, causes: ReasonData[], headers: [string, string][], unsafe: string[] = []): CorsPrediction {
  // The header list is the call's own (built for this call): it becomes the prediction's, with the default Accept.
  if (kind !== 'rejected' && combinedValue(headers, 'accept') === null) headers.push(['accept', '*/*']);
  // Plain loops rather than concat and map: a prediction is built on every call.
  const reasons: Reason[] = [];
  // Each cause and note was made for this call: it becomes the reason itself.
  for (const cause of causes) reasons.push(completeReason(cause));
  for (const note of draft.notes) reasons.push(completeReason(note));
  // Written out rather than spread from the draft less its notes: a prediction is built on every call.
  return {
    kind,
    preflight: kind === 'preflight',
    engine: draft.engine,
    method: draft.method,
    url: draft.url,
    origin: draft.origin,
    mode: draft.mode,
    credentials: draft.credentials,
    unsafeHeaders: unsafe,
    headers: kind === 'rejected' ? [] : headers,
    reasons,
  };
}

function reject(draft: Draft, reason: ReasonData): CorsPrediction {
  return finish(draft, 'rejected', [reason], []);
}

/**
 * The Request constructor's own refusals that depend on the method, mode and body, in the order its steps meet them
 * (https://fetch.spec.whatwg.org/#dom-request): the mode, the cache mode, no-cors methods. Header checks follow.
 */
function modeRefusal(shape: RequestShape, method: string): ReasonData | null {
  if (shape.mode === 'navigate') return { code: 'invalid_mode', mode: shape.mode };
  if (shape.cache === 'only-if-cached' && shape.mode !== 'same-origin') return { code: 'only_if_cached', mode: shape.mode };
  if (shape.mode === 'no-cors' && !SAFELISTED_METHODS.has(method)) return { code: 'no_cors_method', method };
  return null;
}

/** The constructor's body steps, after the headers: no body on GET or HEAD, then "extract a body", then the duplex check. */
function bodyRefusal(shape: RequestShape, method: string, body: BodyInfo): ReasonData | null {
  if (body.kind !== 'none' && (method === 'GET' || method === 'HEAD')) return { code: 'body_not_allowed', method };
  if (body.kind === 'stream') {
    if (shape.keepalive) return { code: 'stream_not_allowed', context: 'keepalive' };
    if (shape.bodyLocked) return { code: 'body_unusable', body: 'stream' };
    if (shape.duplex === undefined) return { code: 'stream_without_duplex' };
    if (shape.mode !== 'cors' && shape.mode !== 'same-origin') return { code: 'stream_not_allowed', context: 'no-cors' };
  }
  if (shape.inputBodyUsed) return { code: 'body_unusable', body: 'request' };
  return null;
}

/** The body's own Content-Type, null where the caller set one (the list then holds the caller's). Also read by wire-profiles.ts. */
export function bodyContentType(body: BodyInfo, shape: RequestShape, profile: EngineProfile): string | null {
  if (shape.bodyContentTypeApplied || body.contentType === null) return null;
  return body.kind === 'form-data' ? `${body.contentType}${profile.formDataBoundary}` : body.contentType;
}

/** The constructor's URL steps, then `window` and `referrer`: what it refuses before it looks at the mode. */
function urlRefusal(shape: RequestShape, target: TargetUrl | null, quirks: EngineQuirks, pageOrigin: string | null): ReasonData | null {
  if (target === null) return { code: 'invalid_url', url: shape.url };
  if (target.credentials) return { code: 'url_has_credentials', url: target.href };
  if (shape.window && quirks.windowMember === 'must-be-null') return { code: 'window_not_null' };
  // A referrer resolves against the document's base URL; where the page is unknown, any hierarchical base judges the parse alike.
  if (
    shape.referrer !== undefined &&
    shape.referrer !== '' &&
    resolveUrl(shape.referrer, pageOrigin === null || pageOrigin === 'null' ? REFERRER_BASE : pageOrigin) === null
  ) {
    return { code: 'invalid_referrer', referrer: shape.referrer };
  }
  return null;
}

/** https://fetch.spec.whatwg.org/#concept-scheme-fetch — a blob: URL answers GET from its own origin only; anything else is a network error. */
function blobRefusal(method: string, sameOrigin: boolean): ReasonData | null {
  if (method !== 'GET') return { code: 'blob_url_refused', cause: 'method', method };
  return sameOrigin ? null : { code: 'blob_url_refused', cause: 'cross-origin', method };
}

function predictShape(shape: RequestShape, draft: Draft, profile: EngineProfile, pageOrigin: string | null): CorsPrediction {
  const target = readTarget(shape.url, pageOrigin);
  if (target !== null) draft.url = target.href;
  const urlRefused = urlRefusal(shape, target, ENGINE_QUIRKS[profile.engine], pageOrigin);
  if (urlRefused !== null || target === null) return reject(draft, urlRefused ?? { code: 'invalid_url', url: shape.url });
  if (!isToken(shape.method)) return reject(draft, { code: 'invalid_method', method: shape.method });
  if (isForbiddenMethod(shape.method)) return reject(draft, { code: 'forbidden_method', method: shape.method });
  const method = normalizeMethod(shape.method);
  draft.method = method;

  let body = shape.body;
  if (body.kind === 'stream' && profile.streamBody === 'stringified') {
    // The engine has no stream bodies: WebIDL falls through to the string member of BodyInit.
    body = describeBody('[object ReadableStream]');
    draft.notes.push({ code: 'stream_stringified' });
  }
  const modeRefused = modeRefusal(shape, method);
  if (modeRefused !== null) return reject(draft, modeRefused);
  const guard = shape.mode === 'no-cors' ? 'request-no-cors' : 'request';
  const list = buildHeaderList(shape.headers, bodyContentType(body, shape, profile), guard, profile);
  if (!list.ok) return reject(draft, list.reason);
  const bodyRefused = bodyRefusal(shape, method, body);
  if (bodyRefused !== null) return reject(draft, bodyRefused);

  // The Request is built: what follows is fetch() refusing a well-formed request.
  if (shape.keepalive && body.size !== null && body.size > KEEPALIVE_BODY_LIMIT)
    return reject(draft, { code: 'keepalive_body_too_large', size: body.size });
  if (body.kind === 'stream' && profile.streamBody === 'reject') return reject(draft, { code: 'stream_not_allowed', context: 'engine' });
  draft.notes.push(...list.notes);
  if (shape.body.kind === 'unknown') draft.notes.push({ code: 'request_body_opaque' });

  const scheme = target.protocol;
  if (scheme === 'data:') return finish(draft, 'same-origin', [], list.entries);
  if (scheme !== 'http:' && scheme !== 'https:' && scheme !== 'blob:') return reject(draft, { code: 'unsupported_scheme', scheme });
  if (pageOrigin === null) draft.notes.push({ code: 'origin_unknown' });
  const sameOrigin = isSameOrigin(target.origin, pageOrigin);
  if (scheme === 'blob:') {
    const blobRefused = blobRefusal(method, sameOrigin);
    if (blobRefused !== null) return reject(draft, blobRefused);
  }
  if (shape.cache === 'only-if-cached' && profile.onlyIfCached === 'network-error') return reject(draft, { code: 'only_if_cached_miss' });
  if (body.kind === 'stream' && profile.streamBody === 'http2-only') {
    if (sameOrigin && scheme === 'http:') return reject(draft, { code: 'stream_not_allowed', context: 'http1' });
    draft.notes.push({ code: 'stream_needs_http2' });
  }
  if (sameOrigin) return finish(draft, 'same-origin', [], list.entries);
  if (shape.mode === 'same-origin') return reject(draft, { code: 'same_origin_mode', target: target.origin });
  if (shape.mode === 'no-cors') {
    if (shape.redirect !== 'follow') return reject(draft, { code: 'no_cors_redirect', redirect: shape.redirect });
    return finish(draft, 'no-cors', [], list.entries);
  }

  const causes: ReasonData[] = [];
  if (!SAFELISTED_METHODS.has(method)) causes.push({ code: 'method_not_safelisted', method });
  const unsafe = corsUnsafeNames(list, profile);
  causes.push(...unsafe.reasons);
  if (body.kind === 'stream') causes.push({ code: 'stream_body' });
  return finish(draft, causes.length > 0 ? 'preflight' : 'simple', causes, list.entries, unsafe.names);
}

/**
 * Predicts what the browser will do with `fetch(input, init)` from a page on `options.origin`: same-origin,
 * a simple CORS request, a preflighted one, no-cors, or a refusal, with the exact Access-Control-Request-Headers
 * list and one reason per cause. Takes exactly what fetch() takes. Never throws: bad input is a `rejected` verdict.
 *
 * @example
 * predictCors('https://api.example.com/items', { method: 'PUT', headers: { 'X-Token': 't' } }, { origin: 'https://app.example.com' })
 * // → { kind: 'preflight', unsafeHeaders: ['x-token'], reasons: [{ code: 'method_not_safelisted', … }, …] }
 * @param input The URL or `Request`, as `fetch()` takes it.
 * @param init The `RequestInit`, as `fetch()` takes it.
 * @param options The page's origin (by default `location.origin`; none in Node) and the engine whose rules apply.
 */
export function predictCors(input: RequestInfo | URL, init?: RequestInit, options: PredictOptions = {}): CorsPrediction {
  const draft: Draft = { engine: 'standard', method: 'GET', url: null, origin: null, mode: 'cors', credentials: 'same-origin', notes: [] };
  try {
    const engine = options.engine ?? ambientEngine();
    if (!ENGINES.includes(engine)) return reject(draft, { code: 'invalid_option', option: 'engine', value: describeValue(engine) });
    draft.engine = engine;
    const origin = options.origin ?? pageOrigin();
    draft.origin = readOrigin(origin);
    if (origin !== undefined && draft.origin === null)
      return reject(draft, { code: 'invalid_option', option: 'origin', value: describeValue(origin) });
    const read = readRequestShape(input, init);
    if (!read.ok) {
      // The refusal came before the URL was read: still name the target where it is a plain string or URL.
      if (typeof input === 'string' || tagOf(input) === 'URL') draft.url = readTarget(String(input), draft.origin)?.href ?? null;
      return reject(draft, read.reason);
    }
    draft.method = read.shape.method;
    draft.mode = read.shape.mode as RequestMode;
    draft.credentials = read.shape.credentials as RequestCredentials;
    return predictShape(read.shape, draft, ENGINE_PROFILES[engine], draft.origin);
  } catch (error) {
    // A getter, toString or Proxy trap threw: fetch() would throw it too. Naming it must not throw in turn.
    return reject(draft, { code: 'invalid_input', detail: `reading the arguments threw ${describeThrown(error)}` });
  }
}
