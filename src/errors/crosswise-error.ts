import type { CorsPrediction } from '../cors/index.js';

/** A brand shared across realms and bundle copies, so guards work where instanceof cannot. */
export const CROSSWISE_ERROR_BRAND: unique symbol = Symbol.for('crosswise.error') as never;

/** What every crosswise error can carry, for subclasses and for code that builds one in a hook or a test. */
export interface CrosswiseErrorOptions {
  /** The request as it would have been (or was) sent. */
  request?: Request | undefined;
  /** The prediction for it. */
  prediction?: CorsPrediction | undefined;
  /** The error this one explains (ky's NetworkError, the platform's TypeError). */
  cause?: unknown;
}

/** The base of every error crosswise throws about a call: it carries the request and the prediction for it. */
export class CrosswiseError extends Error {
  /** The class's name as a string (`'CrosswiseError'`, or the subclass's), which survives minifiers and realms. */
  override name: string = 'CrosswiseError';
  /** Marks a crosswise error across realms and bundle copies: the `is…Error` guards read it where `instanceof` fails. */
  readonly [CROSSWISE_ERROR_BRAND] = true;
  /** The request as it would have been (or was) sent. */
  readonly request: Request | undefined;
  /** What crosswise predicted the browser would do with it. */
  readonly prediction: CorsPrediction | undefined;

  /**
   * For subclasses, and for code that builds one in a hook or a test.
   * @param message The sentence the error reads as: what happened to which call, and the fix when there is one.
   * @param options The request, the prediction and the error this one explains.
   * @example
   * throw new CrosswiseError('GET https://api.example.com/items was not sent', { request });
   */
  constructor(message: string, options: CrosswiseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.request = options.request;
    this.prediction = options.prediction;
  }
}
