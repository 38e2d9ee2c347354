import type { RunReport } from './run-it.js';

// Did the run go as predicted? The one fact the server can confirm: whether an OPTIONS preflight went out (and
// whether anything went out at all, for a call the client or fetch() refused before sending).

export interface Agreement {
  /** true: as predicted; false: not; null: the server could not be asked (not the demo API). */
  matches: boolean | null;
  text: string;
}

export function agreement(report: RunReport): Agreement {
  const { prediction, outcome, seen } = report;
  const refusedBeforeSending =
    !outcome.ok && ['CorsPolicyError', 'CredentialsPolicyError', 'RequestSchemaError', 'MalformedInput'].includes(outcome.error);
  const sends = prediction !== undefined && prediction.kind !== 'rejected' && !refusedBeforeSending;
  const expected = !sends ? 'nothing sent' : prediction.preflight ? 'an OPTIONS preflight first' : 'no OPTIONS preflight';
  if (seen === null)
    return { matches: null, text: `Predicted: ${expected}. The URL is not on the demo API, so no server log to compare with.` };
  const options = seen.filter((entry) => entry.method === 'OPTIONS').length;
  const saw = seen.length === 0 ? 'nothing' : `${seen.length} request(s), ${options} of them OPTIONS`;
  const matches = !sends ? seen.length === 0 : prediction.preflight === options > 0;
  return { matches, text: `Predicted: ${expected}. The server saw ${saw}: ${matches ? 'as predicted' : 'NOT as predicted'}.` };
}
