import { CORS_UNSAFE_BYTE, NON_ASCII_BYTE, NON_LANGUAGE_BYTE } from './bytes.js';
import type { EngineProfile, ExtraHeaderRule } from './engines.js';
import { ENGINE_QUIRKS } from './engine-quirks.js';
import { failsGeckoRequestParse, hasSafelistedEssence, parsesAsMimeType } from './mime.js';
import { isSimpleRange } from './range.js';
import type { HeaderRule } from './types.js';

/** https://fetch.spec.whatwg.org/#cors-safelisted-request-header: at most 128 bytes per value. */
export const MAX_SAFELISTED_VALUE_BYTES = 128;

/** https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name */
export const NO_CORS_SAFELISTED_NAMES: ReadonlySet<string> = new Set(['accept', 'accept-language', 'content-language', 'content-type']);

/** The value each engine-safelisted client hint must match (see the rules in engines.ts). */
const EXTRA_RULES: Readonly<Record<ExtraHeaderRule, RegExp>> = Object.freeze({
  any: /^/,
  decimal: /^\d+(\.\d+)?$/,
  integer: /^\d+$/,
  'save-data': /^on$/i,
  ect: /^(slow-2g|2g|3g|4g)$/, // the Network Information effective connection types
});

function unsafeByteRule(value: string, profile: EngineProfile): HeaderRule | null {
  if (CORS_UNSAFE_BYTE.test(value)) return 'unsafe-byte';
  if (profile.nonAsciiUnsafe && NON_ASCII_BYTE.test(value)) return 'non-ascii';
  return null;
}

/**
 * The rule a (name, value) header breaks, or null when it is CORS-safelisted for this engine.
 * `name` must be lower-case; `value` normalized (no surrounding whitespace).
 */
export function brokenSafelistRule(name: string, value: string, profile: EngineProfile): HeaderRule | null {
  if (value.length > MAX_SAFELISTED_VALUE_BYTES) return 'value-length';
  switch (name) {
    case 'accept':
      return unsafeByteRule(value, profile);
    case 'accept-language':
    case 'content-language':
      return NON_LANGUAGE_BYTE.test(value) ? 'language-chars' : null;
    case 'content-type': {
      const bytes = unsafeByteRule(value, profile);
      if (bytes !== null) return bytes;
      if (!parsesAsMimeType(value)) return 'mime-parse';
      if (ENGINE_QUIRKS[profile.engine].contentTypeParser === 'gecko-request' && failsGeckoRequestParse(value)) return 'mime-parse';
      return hasSafelistedEssence(value) ? null : 'mime-essence';
    }
    case 'range':
      return isSimpleRange(value, profile.range) ? null : 'range-syntax';
  }
  const extra = profile.extraSafelistedHeaders.get(name);
  if (extra === undefined) return 'name';
  return EXTRA_RULES[extra].test(value) ? null : 'client-hint-value';
}

/** https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header */
export function isNoCorsSafelisted(name: string, value: string, profile: EngineProfile): boolean {
  return NO_CORS_SAFELISTED_NAMES.has(name) && brokenSafelistRule(name, value, profile) === null;
}
