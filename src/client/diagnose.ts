import type { CorsPrediction } from '../cors/index.js';
import { toCheckFailure, type CheckFailureData } from '../cors/check-text.js';
import { SAFELISTED_METHODS } from '../cors/methods.js';
import type { CorsCause } from '../errors/cors-error.js';
import { directoryOf } from './evidence.js';

// The browser hides why a cross-origin call failed. What is known: the call's prediction (what the server had to
// allow), the calls this client saw succeed at the same origin, and, when asked for, a reachability check or the dev
// probe's reading of the server. Each candidate cause gets a score from that evidence; the ranking is the order.

/** What the diagnosis of one failure rests on. */
export interface DiagnosisEvidence {
  /** Calls to the same origin whose responses passed the CORS check, oldest first. */
  successes: readonly CorsPrediction[];
  /** A no-cors request's outcome: true when the server answered, false when it could not be reached, undefined when not run. */
  reachable?: boolean | undefined;
  /** What the dev probe saw (`confirmed` or `likely` causes), when one was asked. */
  probed?: readonly CorsCause[] | undefined;
}

interface Candidate {
  data: CheckFailureData;
  score: number;
  likely?: string;
}

function describeCall(prediction: CorsPrediction): string {
  const headers = prediction.unsafeHeaders.length === 0 ? '' : ` with ${prediction.unsafeHeaders.join(', ')}`;
  return `${prediction.method}${headers}`;
}

/** The request headers this call sends that no earlier passing preflight to the origin carried. */
function newHeaders(prediction: CorsPrediction, preflights: readonly CorsPrediction[]): string[] {
  const allowed = new Set(preflights.flatMap((earlier) => earlier.unsafeHeaders));
  return prediction.unsafeHeaders.filter((name) => !allowed.has(name));
}

/** Every cause the call could have met, scored by how often each breaks real deployments (before any evidence). */
function candidates(prediction: CorsPrediction): Candidate[] {
  const origin = prediction.origin ?? 'null';
  const include = prediction.credentials === 'include';
  const list: Candidate[] = [];
  const add = (score: number, data: CheckFailureData): void => void list.push({ data, score });
  const stage = prediction.preflight ? 'preflight' : 'response';
  if (prediction.preflight) {
    const headers = prediction.unsafeHeaders.join(', ');
    if (headers !== '') add(60, { stage, code: 'header_not_allowed', header: 'Access-Control-Allow-Headers', expected: headers });
    if (!SAFELISTED_METHODS.has(prediction.method))
      add(56, { stage, code: 'method_not_allowed', header: 'Access-Control-Allow-Methods', expected: prediction.method });
    add(50, { stage, code: 'missing_allow_origin', header: 'Access-Control-Allow-Origin', expected: origin });
    // Authentication middleware that rejects the credential-less OPTIONS is the classic failure of Authorization calls.
    add(prediction.unsafeHeaders.includes('authorization') ? 58 : 45, {
      stage,
      code: 'preflight_status',
      header: 'status',
      expected: '2xx (e.g. 204)',
    });
    if (!include && prediction.unsafeHeaders.includes('authorization')) {
      add(35, { stage, code: 'wildcard_does_not_cover_authorization', header: 'Access-Control-Allow-Headers', expected: headers });
    }
    add(20, { stage, code: 'preflight_redirect', header: 'Location' });
  }
  if (include) {
    add(prediction.preflight ? 48 : 62, {
      stage,
      code: 'wildcard_origin_with_credentials',
      header: 'Access-Control-Allow-Origin',
      expected: origin,
    });
    add(prediction.preflight ? 47 : 61, {
      stage,
      code: 'allow_credentials_not_true',
      header: 'Access-Control-Allow-Credentials',
      expected: 'true',
    });
  }
  add(prediction.preflight ? 30 : 60, {
    stage: 'response',
    code: 'missing_allow_origin',
    header: 'Access-Control-Allow-Origin',
    expected: origin,
  });
  add(15, { stage, code: 'allow_origin_mismatch', header: 'Access-Control-Allow-Origin', expected: origin });
  add(12, { stage, code: 'multiple_allow_origin', header: 'Access-Control-Allow-Origin', expected: origin });
  add(10, { stage: 'network', code: 'unreachable' });
  return list;
}

/** Moves the scores by what this client saw succeed at the same origin before. */
function weigh(list: Candidate[], prediction: CorsPrediction, successes: readonly CorsPrediction[]): void {
  if (successes.length === 0) return;
  const include = prediction.credentials === 'include';
  const preflights = successes.filter((earlier) => earlier.preflight);
  const samePreflight =
    prediction.preflight &&
    preflights.some(
      (earlier) =>
        earlier.method === prediction.method &&
        earlier.credentials === prediction.credentials &&
        prediction.unsafeHeaders.every((name) => earlier.unsafeHeaders.includes(name)),
    );
  const sameSimple =
    !prediction.preflight && successes.some((earlier) => !earlier.preflight && earlier.credentials === prediction.credentials);
  const credentialed = successes.some((earlier) => earlier.credentials === 'include');
  const added = newHeaders(prediction, preflights);
  const methodSeen = preflights.some((earlier) => earlier.method === prediction.method);
  const calls = `${successes.length} earlier call${successes.length === 1 ? '' : 's'} to this origin passed the CORS check`;
  for (const candidate of list) {
    const { code, stage } = candidate.data;
    if (code === 'unreachable') candidate.score = 0;
    // The server echoes this origin on some responses: a wrong or doubled value is unlikely.
    if (code === 'allow_origin_mismatch' || code === 'multiple_allow_origin') candidate.score -= 10;
    if (code === 'wildcard_origin_with_credentials' || code === 'allow_credentials_not_true') {
      if (credentialed) candidate.score -= 40;
      else if (include)
        Object.assign(candidate, { score: candidate.score + 35, likely: `${calls}, none with credentials: this call sends credentials` });
    }
    if (stage === 'preflight' && samePreflight) candidate.score -= 50;
    if (stage === 'response' && code === 'missing_allow_origin' && (samePreflight || sameSimple)) {
      const before = samePreflight ? `the same preflighted call (${describeCall(prediction)})` : 'calls that need no preflight';
      Object.assign(candidate, {
        score: 95,
        likely: `${before} passed before: this response lacked the CORS headers, most often an error response (4xx/5xx) that skips the CORS middleware`,
      });
    }
    if (samePreflight || stage !== 'preflight') continue;
    if (code === 'header_not_allowed') {
      if (preflights.length > 0 && added.length === 0) candidate.score -= 40;
      else if (preflights.length > 0)
        Object.assign(candidate, { score: 85, likely: `earlier preflights to this origin passed without ${added.join(', ')}` });
    }
    if (code === 'method_not_allowed') {
      if (methodSeen) candidate.score -= 40;
      else if (preflights.length > 0)
        Object.assign(candidate, { score: 84, likely: `earlier preflights to this origin passed, none for ${prediction.method}` });
    }
    // The server answers OPTIONS (or at least sends CORS headers): a bare or rejected preflight is less probable.
    if ((code === 'missing_allow_origin' || code === 'preflight_status') && preflights.length > 0) candidate.score -= 20;
    if (code === 'missing_allow_origin' && preflights.length === 0) candidate.score += 5;
  }
  // Simple calls pass but this preflighted one fails: the preflight is the stage at fault.
  if (prediction.preflight && preflights.length === 0)
    for (const candidate of list) if (candidate.data.stage === 'response') candidate.score -= 20;
  // Calls elsewhere on the origin may meet another route with another CORS set-up: they move the ranking, but only a
  // success in the same directory makes a cause likely.
  const directory = prediction.url === null ? null : directoryOf(prediction.url);
  if (!successes.some((earlier) => earlier.url !== null && directoryOf(earlier.url) === directory))
    for (const candidate of list) delete candidate.likely;
}

function toCause(candidate: Candidate): CorsCause {
  const cause: CorsCause = { ...toCheckFailure(candidate.data), confidence: candidate.likely === undefined ? 'possible' : 'likely' };
  if (candidate.likely !== undefined) cause.evidence = candidate.likely;
  return cause;
}

const sameCause = (a: CheckFailureData, b: CheckFailureData): boolean => a.code === b.code && a.stage === b.stage;

/**
 * Ranks the causes of a failed cross-origin call by evidence. Only the dev probe or a failed reachability check makes a
 * cause `confirmed`; what this client saw succeed before makes one `likely`; the rest are `possible`.
 */
export function rankCauses(prediction: CorsPrediction, evidence: DiagnosisEvidence): CorsCause[] {
  const unreachable: CheckFailureData = { stage: 'network', code: 'unreachable' };
  if (evidence.reachable === false) {
    return [
      {
        ...toCheckFailure(unreachable),
        confidence: 'confirmed',
        evidence: 'a no-cors request to the same origin failed too: the browser could not reach the server',
      },
    ];
  }
  const list = candidates(prediction);
  weigh(list, prediction, evidence.successes);
  const ranked = list.filter((candidate) => !(evidence.reachable === true && candidate.data.code === 'unreachable'));
  ranked.sort((a, b) => b.score - a.score);
  const probed = evidence.probed ?? [];
  const rest = ranked.filter((candidate) => !probed.some((cause) => sameCause(cause, candidate.data))).map(toCause);
  // Once the server's answer was seen, what the history suggested is only possible.
  if (probed.some((cause) => cause.confidence === 'confirmed')) {
    for (const cause of rest) {
      cause.confidence = 'possible';
      delete cause.evidence;
    }
  }
  return [...probed, ...rest];
}
