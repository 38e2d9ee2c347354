import type { CorsPrediction } from '../cors/index.js';
import { DOCS_BASE_URL } from '../cors/docs-url.js';

// The production build's words (swapped in for ./words.ts by scripts/rollup-production.mjs): the code, and the
// section of docs/client.md that explains it. The functions keep ./words.ts's signatures.

const see = (code: string): string => `crosswise: ${code} (see ${DOCS_BASE_URL}client.md#${code})`;

export const badOption = (_option: string, _must: string): string => see('invalid_option');
export const pluginRequired = (_option: string, _factory: string, _given: string, _docs: string): string => see('plugin_required');
export const jsonpPluginRequired = (_what: string): string => see('plugin_required');
export const statsPluginRequired = (): string => see('plugin_required');
export const corsWarning = (prediction: CorsPrediction, _causes: string): string =>
  see(prediction.kind === 'rejected' ? 'will_be_refused' : 'will_be_preflighted');
export const noteWarning = (_message: string, code: string): string => see(code);
export const jsonpRefused = (_what: string, _detail: string): string => see('jsonp_refused');
// Reasons a CredentialsPolicyError carries into its message, which the production build replaces by its code.
export const jsonpSendsCookies = (_what: string, _origin: string): string => 'jsonp_sends_cookies';
export const redirectHidden = (): string => 'redirect_hidden';
export const redirectedOff = (_status: number, _href: string, _reason: string): string => 'redirect_not_allowlisted';
