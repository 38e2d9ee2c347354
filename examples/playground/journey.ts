import { preflightCacheSeconds, type CorsPrediction } from 'crosswise/cors';
import { PROBE_PARAM, type SeenRequest } from '../demo/probe-log.js';
import { preflightLines, sendsCookies } from './wire.js';

// The journey of one call as a list of arrows between the page and the server: the prediction's (what the browser
// will do) and the server's log of a run (what it did), drawn by the same view so the two can be compared.

/** `predicted`: what will happen; `seen`: the server logged it; `not-sent`: the browser never sent it; `blocked`: the browser stops here. */
export type StepState = 'predicted' | 'seen' | 'not-sent' | 'blocked';

export interface Step {
  from: 'page' | 'server';
  title: string;
  lines: string[];
  state: StepState;
}

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST']; // https://fetch.spec.whatwg.org/#cors-safelisted-method

// The path as the server logs it: without the run's probe id.
function pathOf(url: string | null): string {
  if (url === null) return '(invalid URL)';
  const parsed = new URL(url);
  parsed.searchParams.delete(PROBE_PARAM);
  return `${parsed.pathname}${parsed.search}`;
}

const cookieLine = (prediction: CorsPrediction): string =>
  sendsCookies(prediction)
    ? `cookies: any the browser holds for the server (credentials: '${prediction.credentials}')`
    : `cookies: none (credentials: '${prediction.credentials}'${prediction.credentials === 'same-origin' ? ', cross-origin' : ''})`;

function preflightSteps(prediction: CorsPrediction, path: string): Step[] {
  const origin = prediction.origin ?? 'null';
  const include = prediction.credentials === 'include';
  const allow = [`Access-Control-Allow-Origin: ${include ? origin : `${origin} or *`}`];
  if (include) allow.push('Access-Control-Allow-Credentials: true');
  if (!SAFELISTED_METHODS.includes(prediction.method)) allow.push(`Access-Control-Allow-Methods: ${prediction.method}`);
  if (prediction.unsafeHeaders.length > 0) allow.push(`Access-Control-Allow-Headers: ${[...new Set(prediction.unsafeHeaders)].join(', ')}`);
  return [
    {
      from: 'page',
      title: `OPTIONS ${path}`,
      lines: [...preflightLines(prediction).map(([name, value]) => `${name}: ${value}`), 'no cookies, no body'],
      state: 'predicted',
    },
    { from: 'server', title: '2xx, and it must answer', lines: allow, state: 'predicted' },
  ];
}

/** The steps the prediction implies, in order. */
export function predictedJourney(prediction: CorsPrediction): Step[] {
  const path = pathOf(prediction.url);
  const call = `${prediction.method} ${path}`;
  if (prediction.kind === 'rejected') {
    const why = prediction.reasons.filter((reason) => reason.severity === 'reject').map((reason) => reason.message);
    return [{ from: 'page', title: 'fetch() rejects: nothing is sent', lines: why, state: 'blocked' }];
  }
  const origin = prediction.origin ?? 'null';
  const include = prediction.credentials === 'include';
  const request: Step = {
    from: 'page',
    title: call,
    lines: [cookieLine(prediction), `${prediction.headers.length} header(s), see “Headers the browser sends”`],
    state: 'predicted',
  };
  const answers: Record<Exclude<CorsPrediction['kind'], 'rejected'>, string[]> = {
    'same-origin': ['no CORS check: the page reads it'],
    'no-cors': ['opaque: the page sees status 0, no headers, no body'],
    simple: [
      `the CORS check: Access-Control-Allow-Origin: ${include ? `${origin} (exactly, not *)` : `${origin} or *`}`,
      ...(include ? ['and Access-Control-Allow-Credentials: true'] : []),
    ],
    preflight: [
      `the CORS check again: Access-Control-Allow-Origin: ${include ? `${origin} (exactly)` : `${origin} or *`}`,
      ...(include ? ['and Access-Control-Allow-Credentials: true'] : []),
    ],
  };
  const response: Step = { from: 'server', title: 'the response', lines: answers[prediction.kind], state: 'predicted' };
  return [...(prediction.preflight ? preflightSteps(prediction, path) : []), request, response];
}

function seenSteps(entry: SeenRequest, cachedFor: string | null): Step[] {
  const asked = [
    entry.requestMethod === null ? null : `Access-Control-Request-Method: ${entry.requestMethod}`,
    entry.requestHeaders === null ? null : `Access-Control-Request-Headers: ${entry.requestHeaders}`,
  ];
  const answered = Object.entries(entry.allow).map(([name, value]) => `${name}: ${value}`);
  return [
    {
      from: 'page',
      title: `${entry.method} ${entry.path}`,
      lines: [
        `Origin: ${entry.origin ?? '(none)'}`,
        ...asked.filter((line) => line !== null),
        `cookies: ${entry.cookie ? 'sent' : 'none sent'}`,
      ],
      state: 'seen',
    },
    { from: 'server', title: `${entry.status}`, lines: cachedFor === null ? answered : [...answered, cachedFor], state: 'seen' },
  ];
}

/** The steps a run really took, from the server's log; `failure` is the error the page got, if any. */
export function observedJourney(prediction: CorsPrediction | undefined, seen: readonly SeenRequest[], failure: string | null): Step[] {
  const passedPreflight = seen.some((entry) => entry.method !== 'OPTIONS');
  const steps = seen.flatMap((entry) => {
    // A preflight the browser got past is cached for its max-age, as this engine caps it.
    const cached =
      entry.method === 'OPTIONS' && passedPreflight && prediction !== undefined
        ? `→ ${prediction.engine} caches it ${preflightCacheSeconds(entry.allow['access-control-max-age'], prediction.engine)} s`
        : null;
    return seenSteps(entry, cached);
  });
  const last = steps.at(-1);
  // The browser refused the last answer the server gave: that is where the page's error comes from.
  if (failure !== null && last !== undefined) Object.assign(last, { state: 'blocked', lines: [...last.lines, failure] });
  if (prediction !== undefined && seen.length > 0 && !passedPreflight && prediction.method !== 'OPTIONS') {
    steps.push({
      from: 'page',
      title: `${prediction.method} ${pathOf(prediction.url)}`,
      lines: ['never sent: the browser stopped at the preflight'],
      state: 'not-sent',
    });
  }
  if (seen.length === 0)
    steps.push({ from: 'page', title: 'nothing reached the server', lines: failure === null ? [] : [failure], state: 'not-sent' });
  return steps;
}
