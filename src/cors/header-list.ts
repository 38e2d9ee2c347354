import { isValidHeaderValue, normalizeHeaderValue } from './bytes.js';
import type { EngineProfile } from './engines.js';
import { isForbiddenRequestHeader } from './forbidden-headers.js';
import { isToken } from './methods.js';
import { isNoCorsSafelisted } from './safelist.js';
import type { HeaderSource, ReasonData } from './types.js';

/** One entry of the request's header list, as the browser holds it. */
export interface HeaderEntry {
  /** Lower-case name. */
  name: string;
  value: string;
  source: HeaderSource;
}

export type HeaderListResult = { ok: true; entries: HeaderEntry[]; notes: ReasonData[] } | { ok: false; reason: ReasonData };

/** The guard of the Request's Headers object (https://fetch.spec.whatwg.org/#concept-headers-guard). */
export type HeadersGuard = 'request' | 'request-no-cors';

export function combinedValue(entries: readonly HeaderEntry[], name: string): string | null {
  const values = entries.filter((entry) => entry.name === name).map((entry) => entry.value);
  return values.length === 0 ? null : values.join(', ');
}

/**
 * Appends headers as Headers#append does under the Request's guard
 * (https://fetch.spec.whatwg.org/#concept-headers-append): invalid names or values throw (a refusal),
 * forbidden headers vanish silently, and under `request-no-cors` anything not no-CORS-safelisted vanishes too.
 */
export function appendHeaders(
  target: HeaderEntry[],
  raw: readonly (readonly [string, string])[],
  guard: HeadersGuard,
  profile: EngineProfile,
  source: HeaderSource,
  notes: ReasonData[],
): ReasonData | null {
  for (const [rawName, rawValue] of raw) {
    const value = normalizeHeaderValue(rawValue);
    if (!isToken(rawName)) return { code: 'invalid_header_name', header: rawName };
    if (!isValidHeaderValue(value)) return { code: 'invalid_header_value', header: rawName };
    const name = rawName.toLowerCase();
    if (isForbiddenRequestHeader(name, value) || profile.extraForbiddenHeaders.has(name)) {
      notes.push({ code: 'forbidden_header_dropped', header: name });
      continue;
    }
    if (guard === 'request-no-cors') {
      const existing = combinedValue(target, name);
      if (!isNoCorsSafelisted(name, existing === null ? value : `${existing}, ${value}`, profile)) {
        notes.push({ code: 'no_cors_header_dropped', header: name });
        continue;
      }
    }
    target.push({ name, value, source });
  }
  return null;
}

/** The request's header list after the Request constructor: the caller's headers, then the body's Content-Type. */
export function buildHeaderList(
  raw: readonly (readonly [string, string])[],
  bodyContentType: string | null,
  guard: HeadersGuard,
  profile: EngineProfile,
): HeaderListResult {
  const entries: HeaderEntry[] = [];
  const notes: ReasonData[] = [];
  const failure = appendHeaders(entries, raw, guard, profile, 'caller', notes);
  if (failure !== null) return { ok: false, reason: failure };
  if (bodyContentType !== null && !entries.some((entry) => entry.name === 'content-type')) {
    appendHeaders(entries, [['content-type', bodyContentType]], guard, profile, 'body', notes);
  }
  return { ok: true, entries, notes };
}
