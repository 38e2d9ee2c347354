import type { AllowPreflight, CorsMode } from './options.js';

/**
 * Every client default that is a value, in one place. The defaults that are the platform's own (the page's origin,
 * the engine running it, `console.warn`, `performance.now`, the global `fetch` and `document`) are named in each
 * option's `@default` and read where the client is set up (setup.ts).
 */
export const CLIENT_DEFAULTS: Readonly<{ cors: CorsMode; allowPreflight: AllowPreflight; diagnoseTimeoutMs: number }> = Object.freeze({
  cors: 'warn',
  allowPreflight: false,
  /** How long the diagnosis's reachability check and dev-probe call may take (`diagnose.timeout`). */
  diagnoseTimeoutMs: 3000,
});
