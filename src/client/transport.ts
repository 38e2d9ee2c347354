import { predictCors, type CorsPrediction, type Engine } from '../cors/index.js';
import { originOfHref } from '../cors/origin.js';
import { CorsPolicyError } from '../errors/cors-policy-error.js';
import { uncoveredCauses } from './allow-preflight.js';
import type { AllowPreflight, CorsMode } from './options.js';
import { uploadStreamInit, type UploadStreamMark } from './ky-contract.js';
import type { CredentialedCall, CredentialsPluginCode, JsonpPluginCode, JsonpWish, MinimizePluginCode } from './plugins.js';
import { pageOrigin } from './page-origin.js';
import { createPredictionCache } from './prediction-cache.js';
import { remember } from './predictions.js';
import { keepingReferrer } from './rebuild.js';
import type { Warner } from './warnings.js';
import { jsonpPluginRequired } from './words.js';

export interface TransportConfig {
  origin: string | undefined;
  engine: Engine | undefined;
  cors: CorsMode;
  allowPreflight: AllowPreflight;
  warn: Warner;
  /** The per-origin credentials policy plugin, when the client has one. */
  credentials: CredentialsPluginCode | undefined;
  /** The JSONP plugin: origins allowed to answer by JSONP. */
  jsonp: JsonpPluginCode | undefined;
  /** The plugin of opt-in preflight-avoiding rewrites for cross-origin calls. */
  minimize: MinimizePluginCode | undefined;
  /** Counts every call that goes out: the stats plugin's record, undefined without it (a call then pays nothing for stats). */
  record: ((prediction: CorsPrediction) => void) | undefined;
  /** Sees every response fetch resolved with (it passed the browser's CORS check): the diagnosis's evidence, the header-read watches. */
  received: ((response: Response, prediction: CorsPrediction) => void) | undefined;
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

/** The call's JSONP wish, keeping only the keys it sets; NO_WISH when it sets none (nearly every call: nothing allocated). */
function jsonpWish(transport: JsonpWish['transport'], fallback: JsonpWish['fallback']): JsonpWish {
  if (transport === undefined && fallback === undefined) return NO_WISH;
  const wish: JsonpWish = {};
  if (transport !== undefined) wish.transport = transport;
  if (fallback !== undefined) wish.fallback = fallback;
  return wish;
}

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

/** A per-call JSONP wish on a client without the JSONP plugin: refused by name, never sent some other way. */
function noJsonp(wish: JsonpWish): TypeError {
  return new TypeError(jsonpPluginRequired(wish.transport === 'jsonp' ? "transport: 'jsonp'" : "fallback: 'jsonp'"));
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
    const wish = jsonpWish(transport, fallback);
    if (wish !== NO_WISH) {
      if (config.jsonp === undefined) throw noJsonp(wish);
      config.jsonp.check(request, wish, config.credentials, pageOrigin(config.origin));
      if (wish.transport === 'jsonp') return config.jsonp.load(request);
    }
    let credentialed: CredentialedCall | undefined;
    if (config.credentials !== undefined) {
      credentialed = config.credentials.apply(request, pageOrigin(config.origin));
      request = credentialed.request;
    }
    let uploadStream = crosswiseUploadStream;
    let applied: readonly string[] = [];
    const rewritten = config.minimize === undefined ? null : await config.minimize.rewrite(request, pageOrigin(config.origin));
    if (rewritten !== null) {
      ({ request, applied } = rewritten);
      uploadStream = false; // the rewrite buffered the body
    }
    const prediction = predict(request, uploadStream);
    // One note per rewrite and origin, not per URL: a thousand ids behind one endpoint are one cause.
    for (const sentence of applied)
      config.warn.note(
        'rewrite_applied',
        `${request.method} ${request.url}: ${sentence}`,
        prediction,
        `${originOfHref(request.url)} ${sentence}`,
      );
    if (credentialed?.warning !== undefined) config.warn.note('wildcard_with_credentials', credentialed.warning, prediction);
    const known = applied.length > 0 ? { prediction, rewrites: applied } : { prediction };
    remember(request, known);
    // A failed call is diagnosed with ky's own Request, not the one the policies rebuilt: it must diagnose what was really sent.
    if (input instanceof Request && input !== request) remember(input, known);
    if (cors !== 'off') {
      const causes = uncoveredCauses(prediction.reasons, allowPreflight);
      if (causes.length > 0) {
        if (cors === 'strict') throw new CorsPolicyError(request, prediction, causes);
        config.warn(prediction, causes);
      }
    }
    config.record?.(prediction);
    // fetch(request, init) builds the Request again from an init with any RequestInit member (`priority`, which ky and
    // createFetch forward because a Request hides it), and that resets the referrer: the init keeps it.
    const forwarded = input instanceof Request ? keepingReferrer(request, rest) : undefined;
    const jsonpFallback = wish.fallback === 'jsonp' && prediction.kind !== 'same-origin' ? config.jsonp : undefined;
    const fallbackRequest = jsonpFallback === undefined ? undefined : request.clone();
    let response: Response;
    try {
      response = await (credentialed === undefined
        ? crosswiseFetch(request, forwarded)
        : credentialed.send(request, crosswiseFetch, forwarded));
    } catch (error) {
      // Only a network-level failure (what a CORS refusal looks like) falls back; aborts and policy errors do not.
      if (jsonpFallback === undefined || fallbackRequest === undefined || !(error instanceof TypeError)) throw error;
      const loaded = await jsonpFallback.load(fallbackRequest);
      // The call was predicted as fetch would send it; the response says it came by JSONP instead.
      remember(loaded, { ...known, transport: 'jsonp' });
      return loaded;
    }
    remember(response, known); // by fetch: the transport a response has unless it says otherwise
    config.received?.(response, prediction);
    return response;
  };
}
