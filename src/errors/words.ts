import type { CorsPrediction, Reason } from '../cors/index.js';
import type { CorsCause } from './cors-error.js';
import type { CredentialsPolicyCode } from './credentials-policy-error.js';
import { reasonsText } from './describe.js';

// The errors' own sentences: the production build swaps this module for ./words.production.ts
// (scripts/rollup-production.mjs), which names the code and links its docs. The errors keep their class, code and
// fields in both builds; only `message` differs.

function headline(call: string, first: CorsCause | undefined, serverAnswered: boolean | null): string {
  if (first === undefined) return `${call} failed, most likely blocked by CORS`;
  const text = `${first.message} (${first.confidence})`;
  if (first.code === 'unreachable' && first.confidence === 'confirmed') return `${call} failed: ${text}`;
  // "blocked by CORS" as a fact needs proof that the server answered: a confirmed cause, or an opaque no-cors answer.
  if (first.confidence === 'confirmed' || serverAnswered === true) return `${call} was blocked by CORS: ${text}`;
  return `${call} failed, most likely blocked by CORS: ${text}`;
}

/** A CorsError's message: the headline, the first cause's fix, and how many others there are. */
export function corsErrorMessage(call: string, causes: readonly CorsCause[], serverAnswered: boolean | null): string {
  const first = causes[0];
  const fix = first?.fix === undefined ? '' : ` Fix: ${first.fix}.`;
  const more = causes.length > 1 ? ` ${causes.length - 1} other possible causes in error.causes.` : '';
  return `${headline(call, first, serverAnswered)}.${fix}${more}`;
}

function fixFor(code: CredentialsPolicyCode, target: string): string {
  switch (code) {
    case 'not_allowlisted':
      return `Add ${target} to credentials.include, or drop credentials: 'include'. Nothing was sent.`;
    case 'redirect_not_allowlisted':
      return `Add ${target} to credentials.include, or drop credentials: 'include'. The redirect was not followed: nothing was sent to ${target}.`;
    case 'redirect_hidden':
      return "Call the final URL directly, or set credentials.redirects: 'follow' to let the browser follow redirects with the cookies. The redirect was not followed.";
    case 'jsonp_sends_cookies':
      return `Add ${target} to credentials.include, or set jsonp.credentials: 'include' to accept that JSONP sends it cookies. Nothing was sent.`;
  }
}

/** A CredentialsPolicyError's message: what was refused, why, and the fix. */
export function credentialsPolicyMessage(request: Request, target: string, reason: string, code: CredentialsPolicyCode): string {
  return `crosswise refused ${request.method} ${request.url}: ${reason}. ${fixFor(code, target)}`;
}

/** A CorsPolicyError's message (strict mode): the verdict, the causes, the first fix. */
export function strictModeMessage(prediction: CorsPrediction, blocking: readonly Reason[]): string {
  const verdict = prediction.kind === 'rejected' ? 'the browser would refuse it' : 'the browser would send a preflight';
  return `crosswise strict mode refused ${prediction.method} ${prediction.url ?? '(invalid URL)'}: ${verdict}: ${reasonsText(blocking)} Nothing was sent.`;
}

/** A RequestInputError's message: each malformed part of the call. */
export function requestInputMessage(prediction: CorsPrediction, reasons: readonly Reason[]): string {
  return `crosswise refused ${prediction.method} ${prediction.url ?? '(invalid URL)'}: ${reasonsText(reasons)} Nothing was sent.`;
}
