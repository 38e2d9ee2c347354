import { JSONP_DOCS_URL } from './docs-url.js';

// The production build's words (swapped in for ./words.ts by rollup.config.mjs): the option or the code, and the page
// that explains it. The functions keep ./words.ts's signatures; the errors keep their class, code and fields.

const see = (what: string): string => `crosswise: ${what} (see ${JSONP_DOCS_URL})`;

export const badOption = (option: string, _must: string): string => see(`invalid \`${option}\``);
export const aborted = (): string => see('aborted');
export const callbackBusy = (): string => see('callback_busy');
export const timedOut = (_timeout: number, _open: number | undefined): string => see('timeout');
export const noCallback = (_callbackParam: string): string => see('no_callback');
export const scriptError = (): string => see('script_error');
export const schemaFailed = (_issue: string | undefined): string => see('schema');
