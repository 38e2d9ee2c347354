import type { CorsPrediction, Reason } from '../cors/index.js';
import { DOCS_BASE_URL } from '../cors/docs-url.js';
import type { CorsCause } from './cors-error.js';
import type { CredentialsPolicyCode } from './credentials-policy-error.js';

// The production build's words for the errors (swapped in for ./words.ts by scripts/rollup-production.mjs): the
// code, and the docs section that explains it. The functions keep ./words.ts's signatures.

const see = (page: string, code: string): string => `crosswise: ${code} (see ${DOCS_BASE_URL}${page}#${code})`;

export const corsErrorMessage = (_call: string, _causes: readonly CorsCause[], _serverAnswered: boolean | null): string =>
  see('diagnosis.md', 'cors_error');
export const credentialsPolicyMessage = (_request: Request, _target: string, _reason: string, code: CredentialsPolicyCode): string =>
  see('credentials.md', code);
export const strictModeMessage = (_prediction: CorsPrediction, _blocking: readonly Reason[]): string => see('client.md', 'strict_mode');
export const requestInputMessage = (_prediction: CorsPrediction, _reasons: readonly Reason[]): string => see('client.md', 'request_input');
