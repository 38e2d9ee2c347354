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
  override name = 'RequestInputError' as const;
  /** One entry per malformed part, each with its stable code (e.g. `invalid_header_value`) and, where one exists, a fix. */
  readonly reasons: readonly Reason[];
  declare readonly prediction: CorsPrediction;

  constructor(prediction: CorsPrediction, reasons: readonly Reason[], options: { request?: Request | undefined; cause?: unknown } = {}) {
    super(requestInputMessage(prediction, reasons), {
      ...options,
      prediction,
    });
    this.reasons = reasons;
  }
}
