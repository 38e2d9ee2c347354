import type { CorsPrediction, Reason } from '../cors/index.js';
import { CrosswiseError } from './crosswise-error.js';
import { requestInputMessage } from './words.js';

/**
 * The call itself is malformed — a header name or value, the method, the URL or an option is one that `fetch()`
 * refuses (CR, LF or NUL in a value, a forbidden method, credentials in the URL, `priority: 'bogus'`, ...) — or it
 * asks for what every browser refuses whatever the server says: a keepalive body over the 64 KiB budget. Thrown in
 * every `cors` mode, before anything is sent, even where the platform (Node's fetch) would send it; `reasons` names
 * each problem, `cause` keeps the platform's own TypeError when there was one.
 */
export class RequestInputError extends CrosswiseError {
  /** Always `'RequestInputError'`. */
  override name = 'RequestInputError' as const;
  /** One entry per malformed part, each with its stable code (e.g. `invalid_header_value`) and, where one exists, a fix. */
  readonly reasons: readonly Reason[];
  /** The prediction that found the input malformed (its kind is `rejected`): always set. */
  declare readonly prediction: CorsPrediction;

  /**
   * Built by the client when the prediction finds the call malformed; the message lists every reason.
   * @param prediction The prediction for the call, whose reasons include the malformed parts.
   * @param reasons The malformed parts, one reason each.
   * @param options The request when one could be built, and the platform's own TypeError when it threw one.
   */
  constructor(
    prediction: CorsPrediction,
    reasons: readonly Reason[],
    options: {
      /** The request, when the platform could build one (a malformed header value may stop it). */
      request?: Request | undefined;
      /** The platform's own error (the `Request` constructor's TypeError), kept as `error.cause`. */
      cause?: unknown;
    } = {},
  ) {
    super(requestInputMessage(prediction, reasons), {
      ...options,
      prediction,
    });
    this.reasons = reasons;
  }
}
