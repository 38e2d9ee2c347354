import { describeBody, type BodyInfo } from './body.js';
import { detectEngine } from './detect-engine.js';
import { ENGINE_PROFILES, type EngineProfile } from './engines.js';
import { buildHeaderList, type HeaderEntry } from './header-list.js';
import { isForbiddenMethod, isToken, normalizeMethod, SAFELISTED_METHODS } from './methods.js';
import { ambientOrigin, readOrigin, resolveUrl } from './origin.js';
import { toReason } from './reasons.js';
import { readRequestShape, type RequestShape } from './request-shape.js';
import { ENGINES, type CorsKind, type CorsPrediction, type Engine, type PredictOptions, type ReasonData } from './types.js';
import { corsUnsafeNames } from './unsafe-names.js';

/** https://fetch.spec.whatwg.org/#http-network-or-cache-fetch — keepalive bodies share a 64 KiB in-flight budget. */
const KEEPALIVE_BODY_LIMIT = 64 * 1024;

/** The prediction's fields as they become known, plus the informative notes gathered on the way; `finish` copies all but the notes. */
type Draft = Pick<CorsPrediction, 'engine' | 'method' | 'url' | 'origin' | 'mode' | 'credentials'> & { notes: ReasonData[] };

function finish(draft: Draft, kind: CorsKind, causes: ReasonData[], headers: HeaderEntry[], unsafe: string[] = []): CorsPrediction {
  const sent: [string, string][] = headers.map(({ name, value }) => [name, value]);
  if (kind !== 'rejected' && !sent.some(([name]) => name === 'accept')) sent.push(['accept', '*/*']);
  const { notes, ...known } = draft;
  return {
    kind,
    preflight: kind === 'preflight',
    ...known,
    unsafeHeaders: unsafe,
    headers: kind === 'rejected' ? [] : sent,
    reasons: [...causes, ...notes].map(toReason),
  };
}

function reject(draft: Draft, reason: ReasonData): CorsPrediction {
  return finish(draft, 'rejected', [reason], []);
}

/** The refusals of the Request constructor and of fetch() that depend on the method, mode and body alone. */
function refusal(shape: RequestShape, method: string, body: BodyInfo): ReasonData | null {
  if (shape.mode === 'navigate') return { code: 'invalid_mode', mode: shape.mode };
  if (shape.cache === 'only-if-cached' && shape.mode !== 'same-origin') return { code: 'only_if_cached', mode: shape.mode };
  if (shape.mode === 'no-cors' && !SAFELISTED_METHODS.has(method)) return { code: 'no_cors_method', method };
  if (body.kind !== 'none' && (method === 'GET' || method === 'HEAD')) return { code: 'body_not_allowed', method };
  if (body.kind === 'stream') {
    if (shape.keepalive) return { code: 'stream_not_allowed', context: 'keepalive' };
    if (shape.duplex === undefined) return { code: 'stream_without_duplex' };
    if (shape.mode !== 'cors' && shape.mode !== 'same-origin') return { code: 'stream_not_allowed', context: 'no-cors' };
  }
  if (shape.keepalive && body.size !== null && body.size > KEEPALIVE_BODY_LIMIT) return { code: 'keepalive_body_too_large', size: body.size };
  return null;
}

function bodyContentType(body: BodyInfo, shape: RequestShape, profile: EngineProfile): string | null {
  if (shape.bodyContentTypeApplied || body.contentType === null) return null;
  return body.kind === 'form-data' ? `${body.contentType}${profile.formDataBoundary}` : body.contentType;
}

function predictShape(shape: RequestShape, draft: Draft, profile: EngineProfile, pageOrigin: string | null): CorsPrediction {
  const target = resolveUrl(shape.url, pageOrigin);
  if (target === null) return reject(draft, { code: 'invalid_url', url: shape.url });
  draft.url = target.href;
  if (target.username !== '' || target.password !== '') return reject(draft, { code: 'url_has_credentials', url: target.href });
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
  const refused = refusal(shape, method, body);
  if (refused !== null) return reject(draft, refused);
  if (body.kind === 'stream' && profile.streamBody === 'reject') return reject(draft, { code: 'stream_not_allowed', context: 'engine' });
  const guard = shape.mode === 'no-cors' ? 'request-no-cors' : 'request';
  const list = buildHeaderList(shape.headers, bodyContentType(body, shape, profile), guard, profile);
  if (!list.ok) return reject(draft, list.reason);
  draft.notes.push(...list.notes);
  if (shape.body.kind === 'unknown') draft.notes.push({ code: 'request_body_opaque' });

  const scheme = target.protocol;
  if (scheme === 'data:') return finish(draft, 'same-origin', [], list.entries);
  if (scheme !== 'http:' && scheme !== 'https:' && scheme !== 'blob:') return reject(draft, { code: 'unsupported_scheme', scheme });
  if (pageOrigin === null) draft.notes.push({ code: 'origin_unknown' });
  const sameOrigin = pageOrigin !== null && pageOrigin !== 'null' && target.origin === pageOrigin;
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
  const unsafe = corsUnsafeNames(list.entries, profile);
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
 */
export function predictCors(input: RequestInfo | URL, init?: RequestInit, options: PredictOptions = {}): CorsPrediction {
  const draft: Draft = { engine: 'standard', method: 'GET', url: null, origin: null, mode: 'cors', credentials: 'same-origin', notes: [] };
  try {
    const engine = options.engine ?? detectEngine();
    if (!ENGINES.includes(engine)) return reject(draft, { code: 'invalid_option', option: 'engine', value: String(engine) });
    draft.engine = engine;
    const origin = options.origin ?? ambientOrigin();
    draft.origin = readOrigin(origin);
    if (origin !== undefined && draft.origin === null) return reject(draft, { code: 'invalid_option', option: 'origin', value: String(origin) });
    const read = readRequestShape(input, init);
    if (!read.ok) return reject(draft, read.reason);
    draft.method = read.shape.method;
    draft.mode = read.shape.mode as RequestMode;
    draft.credentials = read.shape.credentials as RequestCredentials;
    return predictShape(read.shape, draft, ENGINE_PROFILES[engine], draft.origin);
  } catch (error) {
    return reject(draft, { code: 'invalid_input', detail: error instanceof Error ? error.message : String(error) });
  }
}
