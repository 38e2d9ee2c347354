import type { CorsPrediction } from '../cors/index.js';
import { judgeExchange, judgePreflight, preflightHeaders, requestHeaders, type ExchangeVerdict, type ObservedResponse } from '../cors/exchange.js';
import type { ProbeArgs } from './args.js';
import { explain } from './explain.js';
import { sendOverHttp, type Send, type WireRequest, type WireResponse } from './send.js';

/** One round trip of the probe: what was sent (as the engines listed would send it) and what came back. */
export interface ProbeExchange {
  step: 'preflight' | 'request';
  engines: CorsPrediction['engine'][];
  request: WireRequest;
  /** null when no engine would send this request (fetch refuses it, or every preflight failed). */
  response: WireResponse | null;
}

export interface ProbeReport {
  predictions: CorsPrediction[];
  exchanges: ProbeExchange[];
  verdicts: ExchangeVerdict[];
  /** True when every engine judged lets the page read the response. */
  allowed: boolean;
}

const preflightFor = (prediction: CorsPrediction, url: string): WireRequest => ({ method: 'OPTIONS', url, headers: preflightHeaders(prediction) });

const actualFor = (prediction: CorsPrediction, url: string, body: string | undefined): WireRequest => ({
  method: prediction.method,
  url,
  headers: requestHeaders(prediction),
  ...(body === undefined ? {} : { body }),
});

const toObserved = (response: WireResponse): ObservedResponse => ({ status: response.status, headers: response.headers });

/**
 * Sends the call the way each engine would — the OPTIONS preflight first where one is predicted, then the request,
 * only if some engine would send it — and judges the answers per engine with the Fetch standard's checks.
 * @throws {ProbeNetworkError} when the server cannot be reached.
 */
export async function probe(args: ProbeArgs, send: Send = sendOverHttp): Promise<ProbeReport> {
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
    exchange.response = await send(exchange.request, args.timeout);
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
  if (sender !== undefined && sender.url !== null) {
    const request = actualFor(sender, sender.url, args.data);
    response = await send(request, args.timeout);
    exchanges.push({ step: 'request', engines: senders.map((prediction) => prediction.engine), request, response });
  }

  const verdicts = predictions.map((prediction) => {
    const preflight = preflightOf(prediction);
    return judgeExchange(prediction, {
      ...(preflight === null ? {} : { preflight: toObserved(preflight) }),
      ...(response === null ? {} : { response: toObserved(response) }),
    });
  });
  return { predictions, exchanges, verdicts, allowed: verdicts.every((verdict) => verdict.allowed) };
}
