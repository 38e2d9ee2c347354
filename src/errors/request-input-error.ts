import type { CorsPrediction, Reason } from '../cors/index.js';
import { CrosswiseError } from './crosswise-error.js';

function describe(prediction: CorsPrediction, reasons: readonly Reason[]): string {
  const target = `${prediction.method} ${prediction.url ?? '(invalid URL)'}`;
  const fix = reasons.find((reason) => reason.fix !== undefined)?.fix;
  return `crosswise refused ${target}: ${reasons.map((reason) => reason.message).join('; ')}.${fix === undefined ? '' : ` Fix: ${fix}.`} Nothing was sent.`;
}

/**
 * The call itself is malformed — a header name or value, the method or the URL is one that `fetch()` refuses (CR,
 * LF or NUL in a value, a forbidden method, credentials in the URL, ...). Thrown in every `cors` mode, before
 * anything is sent; `reasons` names each problem, `cause` keeps the platform's own TypeError when there was one.
 */
export class RequestInputError extends CrosswiseError {
  override name = 'RequestInputError' as const;
  /** One entry per malformed part, each with its stable code (e.g. `invalid_header_value`) and, where one exists, a fix. */
  readonly reasons: readonly Reason[];
  declare readonly prediction: CorsPrediction;

  constructor(prediction: CorsPrediction, reasons: readonly Reason[], options: { request?: Request | undefined; cause?: unknown } = {}) {
    super(describe(prediction, reasons), { ...options, prediction });
    this.reasons = reasons;
  }
}
