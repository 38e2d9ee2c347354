import type { CorsPrediction, Reason } from '../cors/index.js';
import { CrosswiseError } from './crosswise-error.js';
import { reasonsText } from './describe.js';

function describe(prediction: CorsPrediction, blocking: readonly Reason[]): string {
  const verdict = prediction.kind === 'rejected' ? 'the browser would refuse it' : 'the browser would send a preflight';
  return `crosswise strict mode refused ${prediction.method} ${prediction.url ?? '(invalid URL)'}: ${verdict}: ${reasonsText(blocking)} Nothing was sent.`;
}

/** Strict mode refused a call before anything was sent: each offending rule is in `reasons`, each with its fix. */
export class CorsPolicyError extends CrosswiseError {
  /** Always `'CorsPolicyError'`. */
  override name = 'CorsPolicyError' as const;
  /** The causes that strict mode does not allow (the prediction's other reasons are only informative). */
  readonly reasons: readonly Reason[];
  /** What crosswise predicted the browser would do with the call it refused: always set. */
  declare readonly prediction: CorsPrediction;

  /**
   * Built by strict mode (`cors: 'strict'`); the message names the call, the verdict, each reason and the first fix.
   * @param request The request as it would have been sent.
   * @param prediction What the browser would have done with it.
   * @param reasons The causes strict mode does not allow: those `allowPreflight` does not cover.
   */
  constructor(request: Request, prediction: CorsPrediction, reasons: readonly Reason[]) {
    super(describe(prediction, reasons), { request, prediction });
    this.reasons = reasons;
  }
}
