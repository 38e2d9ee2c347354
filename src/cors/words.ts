// The one formatter over codes and data, for request-side reasons and response-side causes alike: the full words.
// The production build (rollup.config.mjs, the `production` export condition) swaps this module for
// ./words.production.ts, which says the code and links its docs with the same fields. Each side has its own export
// so that an app that only predicts does not ship the response side's words.

export { checkWords } from './check-words.js';
export { reasonWords, type ReasonWords } from './reason-words.js';
