import { judgeExchange, type ExchangeVerdict } from '../../src/cors/exchange.js';
import { predictCors, type Engine } from '../../src/cors/index.js';
import { PERMISSIVE, type ResponseObservation, type ResponseRun } from './response-observe.js';
import type { ResponseCase } from './response-cases.js';

// Judges each case of the response matrix with one engine's rules (the very judgeExchange `probe` uses) and
// compares with what the engine did: allowed or blocked, where it stopped, and which headers the page could read.

/** The model's answer for one case: allowed, where it stops, which headers the page reads, and why. */
export interface ResponseVerdict {
  ok: boolean;
  preflight: boolean;
  blockedAt: ExchangeVerdict['blockedAt'];
  readable: string[];
  codes: string[];
}

export function judgeCase(item: ResponseCase, run: Pick<ResponseRun, 'pageOrigin' | 'sentHeaders'>, engine: Engine): ResponseVerdict {
  const url = 'http://127.0.0.1:1/r/case'; // another origin than the page's: only the origin matters to the checks
  const prediction = predictCors(url, item.request as RequestInit, { origin: run.pageOrigin, engine });
  const headers = run.sentHeaders.get(item.id) ?? item.response.headers;
  const verdict = judgeExchange(prediction, {
    preflight: item.preflight ?? PERMISSIVE,
    response: { status: item.response.status, headers },
  });
  return {
    ok: verdict.allowed,
    preflight: prediction.preflight,
    blockedAt: verdict.blockedAt,
    readable: verdict.exposed,
    codes: verdict.failures.map((failure) => failure.code),
  };
}

/** Agreement on everything the page and the server saw. */
export function responseAgrees(verdict: ResponseVerdict, observation: ResponseObservation): boolean {
  if (verdict.ok !== observation.ok || verdict.preflight !== observation.preflightSent) return false;
  // Blocked at the preflight: the request itself never reaches the server; blocked at the response: it did.
  if (!verdict.ok && (verdict.blockedAt === 'preflight') === observation.actualSent) return false;
  return !verdict.ok || verdict.readable.join(',') === observation.readable.join(',');
}

export interface ResponseDisagreement {
  item: ResponseCase;
  predicted: ResponseVerdict;
  observed: ResponseObservation;
}

/** The cases where `engine`'s rules (by default the engine that ran) part ways with what the engine did. */
export function compareResponses(run: ResponseRun, engine: Engine = run.engine): ResponseDisagreement[] {
  const disagreements: ResponseDisagreement[] = [];
  for (const item of run.cases) {
    const observed = run.observations.get(item.id);
    if (observed === undefined) throw new Error(`${run.engine}: no observation for ${item.id}`);
    const predicted = judgeCase(item, run, engine);
    if (!responseAgrees(predicted, observed)) disagreements.push({ item, predicted, observed });
  }
  return disagreements;
}

const describe = (ok: boolean, readable: string[], where: string): string => (ok ? `ok [${readable.join(',')}]` : `blocked ${where}`);

export function formatResponseDisagreement(engine: string, { item, predicted, observed }: ResponseDisagreement): string {
  const saw = describe(
    observed.ok,
    observed.readable,
    `(${observed.preflightSent ? 'preflight sent' : 'no preflight'}, ${observed.actualSent ? 'request sent' : 'request not sent'}; ${observed.error ?? ''})`,
  );
  return `${engine} ${item.id} ${item.title}\n    predicted: ${describe(predicted.ok, predicted.readable, `at ${predicted.blockedAt ?? '?'} (${predicted.codes.join(' ')})`)}\n    observed:  ${saw}`;
}
