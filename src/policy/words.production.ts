import { DOCS_BASE_URL } from '../cors/docs-url.js';

// The production build's words for the policy layer (swapped in for ./words.ts by scripts/rollup-production.mjs).

const see = (code: string): string => `crosswise: ${code} (see ${DOCS_BASE_URL}client.md#${code})`;

export const badPolicyOption = (_option: string, _must: string): string => see('invalid_option');
export const notAllowlisted = (_target: string): string => 'not_allowlisted';
export const wildcardWithCredentials = (_target: string): string => 'wildcard_with_credentials';
