import type { AllowPreflight, CorsMode } from './options.js';

/** Every client default in one place. */
export const CLIENT_DEFAULTS: Readonly<{ cors: CorsMode; allowPreflight: AllowPreflight }> = Object.freeze({
  cors: 'warn',
  allowPreflight: false,
});
