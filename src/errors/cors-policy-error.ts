import type { CorsPrediction, Reason } from '../cors/index.js';
import { CrosswiseError } from './crosswise-error.js';

function describe(prediction: CorsPrediction, blocking: readonly Reason[]): string {
  const target = `${prediction.method} ${prediction.url ?? '(invalid URL)'}`;
  const verdict = prediction.kind === 'rejected' ? 'the browser would refuse it' : 'the browser would send a preflight';
  const first = blocking[0];
  const causes = blocking.map((reason) => reason.message).join('; ');
  return `crosswise strict mode refused ${target}: ${verdict} (${causes}).${first?.fix === undefined ? '' : ` Fix: ${first.fix}.`} Nothing was sent.`;
}

/** Strict mode refused a call before anything was sent: each offending rule is in `reasons`, each with its fix. */
export class CorsPolicyError extends CrosswiseError {
  override name = 'CorsPolicyError' as const;
  /** The causes that strict mode does not allow (the prediction's other reasons are only informative). */
  readonly reasons: readonly Reason[];
  declare readonly prediction: CorsPrediction;

  constructor(request: Request, prediction: CorsPrediction, reasons: readonly Reason[]) {
    super(describe(prediction, reasons), { request, prediction });
    this.reasons = reasons;
  }
}
