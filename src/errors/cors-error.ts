import type { CorsPrediction } from '../cors/index.js';
import { CrosswiseError } from './crosswise-error.js';

/** One likely reason the browser blocked a call, with what the server must send to fix it. */
export interface CorsCause {
  code:
    | 'preflight_rejected' // the OPTIONS did not answer 2xx with Access-Control-Allow-Origin
    | 'header_not_allowed' // a header missing from Access-Control-Allow-Headers
    | 'method_not_allowed' // the method missing from Access-Control-Allow-Methods
    | 'missing_allow_origin' // the response lacks Access-Control-Allow-Origin for this origin
    | 'credentials_not_allowed' // credentials: 'include' needs the exact origin and Allow-Credentials: true
    | 'unreachable'; // not CORS at all: the server is down, the name does not resolve, TLS failed
  /** The response header the server must send, when the cause is a header. */
  header?: string;
  /** Its value. */
  value?: string;
  message: string;
}

/** A cross-origin call failed at the network level ("Failed to fetch"): here is why, most likely first. */
export class CorsError extends CrosswiseError {
  override name = 'CorsError' as const;
  declare readonly prediction: CorsPrediction;
  /** Likely causes, ranked. */
  readonly causes: readonly CorsCause[];

  constructor(request: Request, prediction: CorsPrediction, causes: readonly CorsCause[], cause: unknown) {
    const first = causes[0];
    super(
      `${prediction.method} ${prediction.url ?? request.url} failed, most likely blocked by CORS: ${first?.message ?? 'unknown cause'}` +
        `${causes.length > 1 ? ` (${causes.length - 1} more likely causes in error.causes)` : ''}.`,
      { request, prediction, cause },
    );
    this.causes = causes;
  }
}
