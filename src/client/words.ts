import type { CorsPrediction } from '../cors/index.js';

// The client layer's own sentences (option checks, warnings, a missing plugin): the production build swaps this
// module for ./words.production.ts (scripts/rollup-production.mjs), which gives each the code and its docs link.
// The functions take the same arguments in both; only the words differ.

/** An option with a value it cannot take: `must` says what it must be. */
export const badOption = (option: string, must: string): string => `\`${option}\` ${must}`;

/** A plugin option given plain data (crosswise 0.1's shape) or another plugin. */
export const pluginRequired = (option: string, factory: string, given: string, docs: string): string =>
  `\`${option}\` takes the plugin ${factory}() makes, not ${given}: write \`${option}: ${factory}({ … })\` (${docs})`;

/** A per-call JSONP wish on a client without the JSONP plugin. */
export const jsonpPluginRequired = (what: string): string =>
  `\`${what}\` needs the client's \`jsonp\` option: jsonp: jsonpTransport({ origins: [...] })`;

/** `stats()` of a client or fetch made without the stats plugin: nothing was recorded. */
export const statsPluginRequired = (): string =>
  '`stats()` needs the `stats` option: stats: sessionStats() (without it no call is recorded)';

/** The headline of a warning about a call the browser will preflight or refuse; `causes` lists the reasons' texts. */
export const corsWarning = (prediction: CorsPrediction, causes: string): string =>
  `[crosswise] ${prediction.method} ${prediction.url ?? ''} ${prediction.kind === 'rejected' ? 'will be refused by the browser' : 'will be preflighted (an extra OPTIONS round trip)'}: ${causes}`;

/** Any other warning (a rewrite applied, a credentials combination the browser refuses, a hidden header read). */
export const noteWarning = (message: string, _code: string): string => `[crosswise] ${message}`;

/** A per-call JSONP wish the JSONP plugin cannot honour (not GET, an origin outside its `origins`). */
export const jsonpRefused = (what: string, detail: string): string => `\`${what}\` ${detail}`;

/** Why JSONP toward `origin` was refused: a script tag would send the cookies the client keeps from it. */
export const jsonpSendsCookies = (what: string, origin: string): string =>
  `\`${what}\` loads ${origin} through a script tag, which always sends that origin's cookies, and the client's credentials keep them from it`;

/** Why a credentialed call's redirect was not followed: the browser hides where it leads. */
export const redirectHidden = (): string =>
  'the server answered with a redirect, and the browser hides where it leads, so the credentials policy cannot check it';

/** Why a credentialed call's redirect was not followed: the policy refuses its target. */
export const redirectedOff = (status: number, href: string, reason: string): string =>
  `it redirected (${status}) to ${href}, and ${reason}`;
