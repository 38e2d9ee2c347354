import type { CorsPrediction, Reason } from '../cors/index.js';
import { CrosswiseError } from './crosswise-error.js';
import { strictModeMessage } from './words.js';

/** Strict mode refused a call before anything was sent: each offending rule is in `reasons`, each with its fix. */
export class CorsPolicyError extends CrosswiseError {
  override name = 'CorsPolicyError' as const;
  /** The causes that strict mode does not allow (the prediction's other reasons are only informative). */
  readonly reasons: readonly Reason[];
  declare readonly prediction: CorsPrediction;

  constructor(request: Request, prediction: CorsPrediction, reasons: readonly Reason[]) {
    super(strictModeMessage(prediction, reasons), { request, prediction });
    this.reasons = reasons;
  }
}
