import type { SeenRequest } from './probe-log.js';
import type { CallRecord } from './session.js';

// The demo's agreement column: what crosswise predicted for a call, against what the API's own log says reached it.
// A page cannot see its own preflight; the server can. Each call's URL carries its own probe id (session.ts), so the
// log holds that call's requests alone, and no preflight cached for another URL can stand in for one.

/** A call's prediction against the API's log. */
export interface Agreement {
  /** What crosswise said would reach the API, in the words below. */
  predicted: string;
  /** What the API's log shows. */
  saw: string;
  agrees: boolean;
}

// Access-Control-Request-Headers as the prediction lists its unsafe headers: lower-case, sorted, comma-separated.
const headerList = (value: string): string =>
  value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
    .sort()
    .join(',');

/**
 * The log of one call in a prediction's words: `preflight [names]` when an OPTIONS came first (the names from its
 * Access-Control-Request-Headers, else its requested method), `simple` for a CORS request with no OPTIONS before it,
 * `JSONP` for a request without an Origin header (a classic script tag sends none; every call of the demo is
 * cross-origin, and a cross-origin fetch always sends one), `nothing sent` for an empty log. Several steps are
 * joined with ` → ` (`simple → JSONP`: the fetch failed, then the script tag).
 */
export function describeTraffic(seen: readonly SeenRequest[]): string {
  const steps: string[] = [];
  let preflighted = false;
  for (const request of seen) {
    if (request.method === 'OPTIONS' && request.requestMethod !== null) {
      steps.push(`preflight [${headerList(request.requestHeaders ?? '') || request.requestMethod}]`);
      preflighted = true;
    } else if (request.origin === null) {
      steps.push('JSONP');
    } else if (preflighted) {
      preflighted = false; // the call its preflight let through
    } else {
      steps.push('simple');
    }
  }
  return steps.length === 0 ? 'nothing sent' : steps.join(' → ');
}

/** What crosswise's record of a call says the API gets: its prediction, or nothing when crosswise refused to send it. */
export function predictedTraffic(record: CallRecord): string {
  return record.transport === '—' ? 'nothing sent' : record.prediction;
}

/** Whether what reached the API is what crosswise predicted for the call. */
export function judgeCall(record: CallRecord, seen: readonly SeenRequest[]): Agreement {
  const predicted = predictedTraffic(record);
  const saw = describeTraffic(seen);
  return { predicted, saw, agrees: predicted === saw };
}

/** Asks the API's log (`GET /_seen/<probe>`) what reached it for one call. */
export async function readTraffic(apiOrigin: string, probe: string): Promise<SeenRequest[]> {
  const response = await fetch(`${apiOrigin}/_seen/${encodeURIComponent(probe)}`);
  if (!response.ok) throw new Error(`the API's log answered ${response.status} for ${probe}`);
  const body = (await response.json()) as { seen: SeenRequest[] };
  return body.seen;
}

/** One row of the demo's table: the call, crosswise's prediction, the API's log, and `yes` or `NO`. */
export function agreementRow(call: string, record: CallRecord | undefined, seen: readonly SeenRequest[]): string[] {
  if (record === undefined) return [call, 'missing', describeTraffic(seen), 'NO'];
  const { predicted, saw, agrees } = judgeCall(record, seen);
  return [call, predicted, saw, agrees ? 'yes' : 'NO'];
}
