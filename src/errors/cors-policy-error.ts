import type { CorsPrediction, Reason } from '../cors/index.js';
import { CrosswiseError } from './crosswise-error.js';
import { strictModeMessage } from './words.js';

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
    super(strictModeMessage(prediction, reasons), { request, prediction });
    this.reasons = reasons;
  }
}
