import { CrosswiseError } from './crosswise-error.js';
import { credentialsPolicyMessage } from './words.js';

/**
 * Why the credentials policy stopped a call:
 * - `not_allowlisted`: `credentials: 'include'` asked toward an origin outside `credentials.include`;
 * - `redirect_not_allowlisted`: a credentialed call was redirected toward such an origin;
 * - `redirect_hidden`: a credentialed call was redirected, and the browser hides where to (an opaque redirect);
 * - `jsonp_sends_cookies`: JSONP toward an origin the policy keeps cookies from (a script tag always sends them).
 */
export type CredentialsPolicyCode = 'not_allowlisted' | 'redirect_not_allowlisted' | 'redirect_hidden' | 'jsonp_sends_cookies';

/** The credentials policy stopped a call before cookies could reach an origin outside it; `code` says how. */
export class CredentialsPolicyError extends CrosswiseError {
  /** Always `'CredentialsPolicyError'`. */
  override name = 'CredentialsPolicyError' as const;
  /** The origin the call (or its redirect) targeted. */
  readonly target: string;
  /** Why the policy stopped the call. */
  readonly code: CredentialsPolicyCode;

  /**
   * Built by the credentials policy; the message names the call, the reason and the fix for `code`.
   * @param request The request as it would have been sent (for a redirect: the original call).
   * @param target The origin the cookies would have gone to.
   * @param reason Why, in a clause: "credentials: 'include' toward an origin outside credentials.include".
   * @param code Which rule stopped it: `not_allowlisted` when left out.
   */
  constructor(request: Request, target: string, reason: string, code: CredentialsPolicyCode = 'not_allowlisted') {
    super(credentialsPolicyMessage(request, target, reason, code), { request });
    this.target = target;
    this.code = code;
  }
}
