import { CrosswiseError } from './crosswise-error.js';

/** A call asked for credentials toward an origin outside the allowlist: refused before anything was sent. */
export class CredentialsPolicyError extends CrosswiseError {
  override name = 'CredentialsPolicyError' as const;
  /** The origin the call targeted. */
  readonly target: string;

  constructor(request: Request, target: string, reason: string) {
    super(`crosswise refused ${request.method} ${request.url}: ${reason}. Add ${target} to credentials.include, or drop credentials: 'include'. Nothing was sent.`, { request });
    this.target = target;
  }
}
