import { predictCors, type CorsPrediction, type Engine } from '../cors/index.js';
import { isSameOrigin, originOfHref } from '../cors/origin.js';
import { CorsPolicyError } from '../errors/cors-policy-error.js';
import { CredentialsPolicyError } from '../errors/credentials-policy-error.js';
import { decideCredentials, type CredentialsPolicy } from '../policy/credentials.js';
import { minimize, type MinimizeOptions } from '../policy/minimize.js';
import { uncoveredCauses } from './allow-preflight.js';
import type { AllowPreflight, CorsMode } from './options.js';
import { checkJsonpWish, viaJsonp, type JsonpWish } from './fallback.js';
import { uploadStreamInit, type UploadStreamMark } from './ky-contract.js';
import { pageOrigin } from './page-origin.js';
import { createPredictionCache } from './prediction-cache.js';
import type { JsonpClientOptions } from './options.js';
import { remember } from './predictions.js';
import { mustVerifyRedirects, sendVerifyingRedirects } from './redirects.js';
import type { Warner } from './warnings.js';

export interface TransportConfig {
  origin: string | undefined;
  engine: Engine | undefined;
  cors: CorsMode;
  allowPreflight: AllowPreflight;
  warn: Warner;
  /** The per-origin credentials policy, when the client has one. */
  credentials: CredentialsPolicy | undefined;
  /** Origins allowed to answer by JSONP. */
  jsonp: JsonpClientOptions | undefined;
  /** Opt-in preflight-avoiding rewrites for cross-origin calls. */
  minimize: MinimizeOptions | undefined;
  /** Counts every call that goes out (stats). */
  record: (prediction: CorsPrediction) => void;
  /** Sees every response fetch resolved with (it passed the browser's CORS check): the diagnosis's evidence. */
  received?: (response: Response, prediction: CorsPrediction) => void;
  /** The fetch that really sends: the caller's `fetch` option, else the platform's. */
  fetch: SendingFetch;
}

/** A fetch as the transport calls it: always with a Request, and the keys ky did not know. */
export type SendingFetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** Per-call keys ky forwards to its `fetch` untouched (it forwards every key it does not know). */
export interface TransportInit extends RequestInit, JsonpWish, UploadStreamMark {
  cors?: CorsMode;
  allowPreflight?: AllowPreflight;
  /** The caller's per-call `fetch`, moved here by the client so that it sends under the policies instead of replacing them. */
  crosswiseFetch?: SendingFetch;
}

const NO_WISH: JsonpWish = Object.freeze({});

const NO_CALL_OPTIONS: TransportInit = Object.freeze({});

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return true;
}

/**
 * ky forwards every key it does not know to its `fetch`: crosswise's own per-call options, and whatever the caller
 * meant for fetch itself, which this returns. Nearly every call forwards nothing: then this allocates nothing.
 */
function initForFetch(init: TransportInit): RequestInit | undefined {
  if (isEmpty(init)) return undefined;
  const { cors, allowPreflight, crosswiseUploadStream, crosswiseFetch, transport, fallback, ...rest } = init;
  return isEmpty(rest) ? undefined : rest;
}

/** Predicts what the browser will do with `request` exactly as ky built it. */
export function predictRequest(
  request: Request,
  config: Pick<TransportConfig, 'origin' | 'engine'>,
  uploadStream: boolean,
): CorsPrediction {
  const streamInit = uploadStream ? uploadStreamInit(request) : undefined;
  return predictCors(request, streamInit, { origin: config.origin, engine: config.engine });
}

/** Rebuilds the request when a rewrite applies. The body is buffered: a stream body would itself force a preflight. */
async function rewrite(request: Request, options: MinimizeOptions): Promise<{ request: Request; applied: readonly string[] } | null> {
  const result = minimize({ method: request.method, url: request.url, headers: [...request.headers] }, options);
  if (result.applied.length === 0) return null;
  // Firefox has no Request#body (undefined, body or not): GET and HEAD never have one, anything else is read.
  const body = request.body === null || request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  const next = new Request(result.request.url, {
    method: result.request.method,
    headers: result.request.headers,
    ...(body === undefined ? {} : { body }),
    credentials: request.credentials,
    mode: request.mode,
    cache: request.cache,
    redirect: request.redirect,
    referrerPolicy: request.referrerPolicy,
    keepalive: request.keepalive,
    signal: request.signal,
  });
  return { request: next, applied: result.applied };
}

/**
 * The `fetch` handed to ky. ky calls it on every attempt with the final Request (after every hook, with its own
 * Accept and Content-Type), which is the request the browser will judge: predict it, enforce the policy, send it.
 */
export function createTransport(config: TransportConfig): (input: Request | URL | string, init?: TransportInit) => Promise<Response> {
  const predict = createPredictionCache((request, uploadStream) => predictRequest(request, config, uploadStream));
  return async (input, init = NO_CALL_OPTIONS) => {
    const {
      cors = config.cors,
      allowPreflight = config.allowPreflight,
      crosswiseUploadStream = false,
      crosswiseFetch = config.fetch,
      transport,
      fallback,
    } = init;
    const rest = initForFetch(init);
    let request = input instanceof Request ? input : new Request(input, rest);
    const wish: JsonpWish =
      transport === undefined && fallback === undefined
        ? NO_WISH
        : { ...(transport === undefined ? {} : { transport }), ...(fallback === undefined ? {} : { fallback }) };
    if (wish !== NO_WISH) checkJsonpWish(request, wish, config.jsonp, { policy: config.credentials, page: pageOrigin(config.origin) });
    if (wish.transport === 'jsonp' && config.jsonp !== undefined) return viaJsonp(request, config.jsonp);
    let credentialsWarning: string | undefined;
    let asked: RequestCredentials | undefined;
    if (config.credentials !== undefined) {
      // A Request always has a mode; 'same-origin' is fetch's default, so only 'include' and 'omit' count as asked for.
      asked = request.credentials === 'same-origin' ? undefined : request.credentials;
      const target = originOfHref(request.url);
      const decision = decideCredentials(config.credentials, target, pageOrigin(config.origin), asked);
      if (!decision.ok) throw new CredentialsPolicyError(request, target, decision.reason);
      if (decision.credentials !== request.credentials) request = new Request(request, { credentials: decision.credentials });
      credentialsWarning = decision.warning;
    }
    let uploadStream = crosswiseUploadStream;
    let applied: readonly string[] = [];
    if (config.minimize !== undefined && !isSameOrigin(originOfHref(request.url), pageOrigin(config.origin))) {
      const rewritten = await rewrite(request, config.minimize);
      if (rewritten !== null) {
        ({ request, applied } = rewritten);
        uploadStream = false; // the rewrite buffered the body
      }
    }
    const prediction = predict(request, uploadStream);
    // One note per rewrite and origin, not per URL: a thousand ids behind one endpoint are one cause.
    for (const sentence of applied)
      config.warn.note(`${request.method} ${request.url}: ${sentence}`, prediction, `${originOfHref(request.url)} ${sentence}`);
    if (credentialsWarning !== undefined) config.warn.note(credentialsWarning, prediction);
    const known = applied.length > 0 ? { prediction, rewrites: applied } : { prediction };
    remember(request, known);
    // ky's beforeError sees its own Request, not the one the policies rebuilt: it must diagnose what was really sent.
    if (input instanceof Request && input !== request) remember(input, known);
    if (cors !== 'off') {
      const causes = uncoveredCauses(prediction.reasons, allowPreflight);
      if (causes.length > 0) {
        if (cors === 'strict') throw new CorsPolicyError(request, prediction, causes);
        config.warn(prediction, causes);
      }
    }
    config.record(prediction);
    const forwarded = input instanceof Request ? rest : undefined;
    const jsonpFallback =
      wish.fallback === 'jsonp' && config.jsonp !== undefined && prediction.kind !== 'same-origin' ? config.jsonp : undefined;
    const fallbackRequest = jsonpFallback === undefined ? undefined : request.clone();
    let response: Response;
    try {
      response = mustVerifyRedirects(request, config.credentials)
        ? await sendVerifyingRedirects(request, {
            policy: config.credentials,
            page: pageOrigin(config.origin),
            asked,
            send: crosswiseFetch,
            init: forwarded,
          })
        : await crosswiseFetch(request, forwarded);
    } catch (error) {
      // Only a network-level failure (what a CORS refusal looks like) falls back; aborts and policy errors do not.
      if (fallbackRequest === undefined || !(error instanceof TypeError)) throw error;
      const loaded = await viaJsonp(fallbackRequest, jsonpFallback as JsonpClientOptions);
      // The call was predicted as fetch would send it; the response says it came by JSONP instead.
      remember(loaded, { ...known, transport: 'jsonp' });
      return loaded;
    }
    remember(response, known); // by fetch: the transport a response has unless it says otherwise
    config.received?.(response, prediction);
    return response;
  };
}
