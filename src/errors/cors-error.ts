import type { CorsCheckFailure, CorsPrediction } from '../cors/index.js';
import { CrosswiseError } from './crosswise-error.js';

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

function headline(call: string, first: CorsCause | undefined, serverAnswered: boolean | null): string {
  if (first === undefined) return `${call} failed, most likely blocked by CORS`;
  const text = `${first.message} (${first.confidence})`;
  if (first.code === 'unreachable' && first.confidence === 'confirmed') return `${call} failed: ${text}`;
  // "blocked by CORS" as a fact needs proof that the server answered: a confirmed cause, or an opaque no-cors answer.
  if (first.confidence === 'confirmed' || serverAnswered === true) return `${call} was blocked by CORS: ${text}`;
  return `${call} failed, most likely blocked by CORS: ${text}`;
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
    const first = causes[0];
    const serverAnswered = details.serverAnswered ?? null;
    const fix = first?.fix === undefined ? '' : ` Fix: ${first.fix}.`;
    const more = causes.length > 1 ? ` ${causes.length - 1} other possible causes in error.causes.` : '';
    super(`${headline(`${prediction.method} ${prediction.url ?? request.url}`, first, serverAnswered)}.${fix}${more}`, {
      request,
      prediction,
      cause,
    });
    this.causes = causes;
    this.serverAnswered = serverAnswered;
  }
}
