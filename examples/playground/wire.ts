import type { CorsPrediction } from 'crosswise/cors';

// The header lines on the wire, from a prediction. The same rules as the CLI's probe (src/cors/exchange.ts), which
// the `crosswise/cors` entry keeps out of its table of contents for size; the page needs only these two.

/** https://fetch.spec.whatwg.org/#cors-preflight-fetch: the preflight carries only these, and never cookies or a body. */
export function preflightLines(prediction: CorsPrediction): [string, string][] {
  const lines: [string, string][] = [
    ['Origin', prediction.origin ?? 'null'],
    ['Access-Control-Request-Method', prediction.method],
  ];
  if (prediction.unsafeHeaders.length > 0) lines.push(['Access-Control-Request-Headers', prediction.unsafeHeaders.join(',')]);
  return lines;
}

/** The call's own headers plus Origin (https://fetch.spec.whatwg.org/#append-a-request-origin-header: every CORS request, and any other one that is not GET or HEAD). */
export function sentHeaders(prediction: CorsPrediction): [string, string][] {
  if (prediction.kind === 'rejected') return [];
  const cors = prediction.kind === 'simple' || prediction.kind === 'preflight';
  const withOrigin = cors || !['GET', 'HEAD'].includes(prediction.method);
  return withOrigin ? [...prediction.headers, ['origin', prediction.origin ?? 'null']] : [...prediction.headers];
}

/** Whether the browser attaches cookies to the call itself: https://fetch.spec.whatwg.org/#concept-request-credentials-mode. */
export function sendsCookies(prediction: CorsPrediction): boolean {
  return prediction.credentials === 'include' || (prediction.credentials === 'same-origin' && prediction.kind === 'same-origin');
}
