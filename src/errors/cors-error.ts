import type { CorsCheckFailure, CorsPrediction } from '../cors/index.js';
import { CrosswiseError } from './crosswise-error.js';
import { corsErrorMessage } from './words.js';

/**
 * How sure the diagnosis is of a cause:
 * - `confirmed`: seen on the wire (the dev probe read the server's answer, or a reachability check proved the server down);
 * - `likely`: what this client saw before points at it (e.g. the same preflight passed earlier, so the response is at fault);
 * - `possible`: consistent with the call, nothing for or against it.
 */
export type Confidence = 'confirmed' | 'likely' | 'possible';

/** One reason the browser may have blocked a call: where, what the server sent (when known), what it must send, and how sure. */
export interface CorsCause extends CorsCheckFailure {
  /** How sure the diagnosis is of this cause: `confirmed` only when seen on the wire. */
  confidence: Confidence;
  /** What the confidence rests on, e.g. "the dev probe saw the preflight answer 204 without PUT". */
  evidence?: string;
}

/** What the diagnosis learned beyond the causes themselves. */
export interface CorsErrorDetails {
  /** True when a no-cors request proved the server answers (so the browser refused the response); null when not checked. */
  serverAnswered?: boolean | null;
}

/** A cross-origin call failed at the network level ("Failed to fetch") in a browser: the causes, ranked by evidence. */
export class CorsError extends CrosswiseError {
  /** Always `'CorsError'`. */
  override name = 'CorsError' as const;
  /** What crosswise predicted the browser would do with the call: always set. */
  declare readonly prediction: CorsPrediction;
  /** The causes, most probable first; only one seen on the wire is `confirmed`. */
  readonly causes: readonly CorsCause[];
  /** True when a no-cors request proved the server answers; null when that was not checked (`diagnose.reachability`). */
  readonly serverAnswered: boolean | null;

  /**
   * Built by the diagnosis when a cross-origin call fails with the browser's opaque network error.
   * @param request The request that was sent.
   * @param prediction What crosswise predicted the browser would do with it.
   * @param causes The possible causes, most probable first (the first one heads the message).
   * @param cause The error the browser threw (ky's NetworkError or fetch's TypeError), kept as `error.cause`.
   * @param details What the diagnosis learned besides: whether the server answered a no-cors request.
   */
  constructor(request: Request, prediction: CorsPrediction, causes: readonly CorsCause[], cause: unknown, details: CorsErrorDetails = {}) {
    const serverAnswered = details.serverAnswered ?? null;
    super(corsErrorMessage(`${prediction.method} ${prediction.url ?? request.url}`, causes, serverAnswered), {
      request,
      prediction,
      cause,
    });
    this.causes = causes;
    this.serverAnswered = serverAnswered;
  }
}
