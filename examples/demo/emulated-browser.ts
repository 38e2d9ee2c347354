import { checkCorsResponse, predictCors, type Engine } from '../../src/cors/index.js';
import { judgePreflight, preflightHeaders, requestHeaders } from '../../src/cors/exchange.js';

// Node's fetch enforces no CORS, so the Node half of the demo runs the session through crosswise's own model of the
// browser: predict, send the preflight the engine would send and judge it, send the call, judge the answer; a
// refusal is the browser's opaque "Failed to fetch" TypeError, which the client must then explain. Cookies live in
// a jar per origin and travel as the credentials mode says. The Chromium half of the demo checks this model.

/** One round trip the emulated browser made, for the demo's counts. */
export interface WireLog {
  method: string;
  url: string;
}

export interface EmulatedBrowser {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Every request that reached the network, preflights included. */
  log: WireLog[];
}

const failedToFetch = (): TypeError => new TypeError('Failed to fetch');

export function emulateBrowser(pageOrigin: string, engine: Engine): EmulatedBrowser {
  const jar = new Map<string, string[]>();
  const log: WireLog[] = [];
  const send = async (url: string, init: RequestInit): Promise<Response> => {
    log.push({ method: init.method ?? 'GET', url });
    return globalThis.fetch(url, { ...init, redirect: 'manual' });
  };

  const emulated = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const prediction = predictCors(request, undefined, { origin: pageOrigin, engine });
    if (prediction.kind === 'rejected' || prediction.url === null) throw failedToFetch();
    const target = new URL(prediction.url).origin;
    const withCookies = prediction.credentials === 'include' || (prediction.credentials === 'same-origin' && target === pageOrigin);
    if (prediction.preflight) {
      const preflight = await send(prediction.url, { method: 'OPTIONS', headers: preflightHeaders(prediction) });
      if (judgePreflight(prediction, { status: preflight.status, headers: preflight.headers }).failures.length > 0) throw failedToFetch();
    }
    const headers = new Headers(prediction.kind === 'same-origin' ? prediction.headers : requestHeaders(prediction));
    const cookies = jar.get(target);
    if (withCookies && cookies !== undefined) headers.set('cookie', cookies.join('; '));
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const response = await send(prediction.url, { method: prediction.method, headers, ...(body === undefined ? {} : { body }) });
    // A cross-origin Set-Cookie is stored only for a credentialed call whose answer passes the CORS check.
    const passes =
      prediction.kind === 'same-origin' ||
      checkCorsResponse(response.headers, { origin: pageOrigin, credentials: prediction.credentials }).length === 0;
    if (withCookies && passes) {
      for (const line of response.headers.getSetCookie())
        jar.set(target, [...(jar.get(target) ?? []).filter((c) => c.split('=')[0] !== line.split('=')[0]), line.split(';')[0] ?? '']);
    }
    if (!passes) throw failedToFetch();
    return response;
  };
  return { fetch: emulated, log };
}
