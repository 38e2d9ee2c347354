// The policy layer's sentences: the production build swaps this module for ./words.production.ts
// (scripts/rollup-production.mjs). A reason or warning here ends up in a CredentialsPolicyError's message or a
// warning's, both of which the production build replaces by their code anyway.

/** A policy or minimize option with a value it cannot take: `must` says what it must be. */
export const badPolicyOption = (option: string, must: string): string => `\`${option}\` ${must}`;

/** Why a call that asked for credentials: 'include' toward `target` was refused. */
export const notAllowlisted = (target: string): string =>
  `credentials: 'include' was asked for ${target}, which is not in the credentials.include allowlist`;

/** Credentials toward an origin that answers `*`: the browser will refuse the response. */
export const wildcardWithCredentials = (target: string): string =>
  `${target} answers Access-Control-Allow-Origin: *, which the browser refuses for credentialed calls: the server must echo the page origin and send Access-Control-Allow-Credentials: true`;
