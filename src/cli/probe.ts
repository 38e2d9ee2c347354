import type { CorsPrediction } from '../cors/index.js';
import {
  judgeExchange,
  judgePreflight,
  preflightHeaders,
  requestHeaders,
  type ExchangeVerdict,
  type ObservedResponse,
} from '../cors/exchange.js';
import type { ProbeArgs } from './args.js';
import { explain } from './explain.js';
import { ProbeNetworkError, sendOverHttp, type Send, type WireRequest, type WireResponse } from './send.js';

/** One round trip of the probe: what was sent (as the engines listed would send it) and what came back. */
export interface ProbeExchange {
  step: 'preflight' | 'request';
  engines: CorsPrediction['engine'][];
  request: WireRequest;
  /** null when no engine would send this request (fetch refuses it, or every preflight failed). */
  response: WireResponse | null;
}

/** One engine's verdict; `judged` is false when the call was held back, so only its preflight was judged. */
export interface ProbeVerdict extends ExchangeVerdict {
  /** False when the probe did not send the call (not GET or HEAD, and no `--send`): `allowed` is then false, `blockedAt` null. */
  judged: boolean;
}

export interface ProbeReport {
  predictions: CorsPrediction[];
  exchanges: ProbeExchange[];
  verdicts: ProbeVerdict[];
  /** The call some engine would send but the probe held back (not GET or HEAD, and no `--send`), or null. */
  heldBack: WireRequest | null;
  /** True when every engine judged lets the page read the response. */
  allowed: boolean;
}

/** Methods the probe sends without `--send`: GET and HEAD, safe by HTTP's rules (https://httpwg.org/specs/rfc9110.html#safe.methods). */
const SENT_WITHOUT_ASKING = new Set(['GET', 'HEAD']);

const preflightFor = (prediction: CorsPrediction, url: string): WireRequest => ({
  method: 'OPTIONS',
  url,
  headers: preflightHeaders(prediction),
});

const actualFor = (prediction: CorsPrediction, url: string, body: string | undefined): WireRequest => ({
  method: prediction.method,
  url,
  headers: requestHeaders(prediction),
  ...(body === undefined ? {} : { body }),
});

const toObserved = (response: WireResponse): ObservedResponse => ({ status: response.status, headers: response.headers });

/** A `send` that shares one deadline among all the probe's round trips. */
function withDeadline(send: Send, timeoutMs: number): (request: WireRequest) => Promise<WireResponse> {
  const deadline = performance.now() + timeoutMs;
  return (request) => {
    const left = Math.floor(deadline - performance.now());
    if (left <= 0)
      return Promise.reject(
        new ProbeNetworkError(`${request.method} ${request.url}: not sent, the ${timeoutMs} ms of --timeout were spent`),
      );
    return send(request, left);
  };
}

/**
 * Sends the call the way each engine would — the OPTIONS preflight first where one is predicted, then the request,
 * only if some engine would send it, and only GET or HEAD unless `args.send` — and judges the answers per engine with
 * the Fetch standard's checks, all within `args.timeout`.
 * @throws {ProbeNetworkError} when the server cannot be reached or does not answer in time.
 */
export async function probe(args: ProbeArgs, sendOne: Send = sendOverHttp): Promise<ProbeReport> {
  const send = withDeadline(sendOne, args.timeout);
  const predictions = explain(args);
  const exchanges: ProbeExchange[] = [];
  const preflights = new Map<string, ProbeExchange>();
  for (const prediction of predictions) {
    if (!prediction.preflight || prediction.url === null) continue;
    const request = preflightFor(prediction, prediction.url);
    const key = JSON.stringify(request);
    const known = preflights.get(key);
    if (known !== undefined) known.engines.push(prediction.engine);
    else preflights.set(key, { step: 'preflight', engines: [prediction.engine], request, response: null });
  }
  for (const exchange of preflights.values()) {
    exchange.response = await send(exchange.request);
    exchanges.push(exchange);
  }
  const preflightOf = (prediction: CorsPrediction): WireResponse | null =>
    [...preflights.values()].find((exchange) => exchange.engines.includes(prediction.engine))?.response ?? null;

  // A browser sends the call only when fetch accepts it and the preflight, if any, passed: the probe does no more.
  const senders = predictions.filter((prediction) => {
    if (prediction.kind === 'rejected' || prediction.url === null) return false;
    const preflight = preflightOf(prediction);
    return preflight === null || judgePreflight(prediction, toObserved(preflight)).failures.length === 0;
  });
  const [sender] = senders;
  let response: WireResponse | null = null;
  let heldBack: WireRequest | null = null;
  if (sender !== undefined && sender.url !== null) {
    const request = actualFor(sender, sender.url, args.data);
    // A probe must not delete or change what it asks about unless told to: the preflight is judged, the call is kept.
    if (!args.send && !SENT_WITHOUT_ASKING.has(request.method)) heldBack = request;
    else {
      response = await send(request);
      exchanges.push({ step: 'request', engines: senders.map((prediction) => prediction.engine), request, response });
    }
  }

  const verdicts = predictions.map((prediction): ProbeVerdict => {
    const preflight = preflightOf(prediction);
    if (heldBack !== null && senders.includes(prediction)) {
      const judged =
        preflight === null ? { failures: [], preflightCacheSeconds: null, notes: [] } : judgePreflight(prediction, toObserved(preflight));
      return { engine: prediction.engine, allowed: false, blockedAt: null, exposed: [], ...judged, judged: false };
    }
    const verdict = judgeExchange(prediction, {
      ...(preflight === null ? {} : { preflight: toObserved(preflight) }),
      ...(response === null ? {} : { response: toObserved(response) }),
    });
    return { ...verdict, judged: true };
  });
  return { predictions, exchanges, verdicts, heldBack, allowed: verdicts.every((verdict) => verdict.allowed) };
}
