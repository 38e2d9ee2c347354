import type { EngineProfile } from './engines.js';
import type { HeaderEntry } from './header-list.js';
import { brokenSafelistRule } from './safelist.js';
import type { ReasonData } from './types.js';

export interface UnsafeNames {
  /** Lower-case and sorted: the Access-Control-Request-Headers list (unique, except in engines that repeat names). */
  names: string[];
  reasons: ReasonData[];
}

/** Groups repeated names into one combined `a, b` entry, for engines that judge the combined value. */
function combineRepeated(entries: readonly HeaderEntry[]): readonly HeaderEntry[] {
  const byName = new Map<string, HeaderEntry>();
  for (const entry of entries) {
    const seen = byName.get(entry.name);
    byName.set(entry.name, seen === undefined ? entry : { ...seen, value: `${seen.value}, ${entry.value}` });
  }
  // Most calls repeat no name: then the list is judged as it is.
  return byName.size === entries.length ? entries : [...byName.values()];
}

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names, with the engine's own safelist. */
export function corsUnsafeNames(entries: readonly HeaderEntry[], profile: EngineProfile): UnsafeNames {
  const judged = profile.repeatedHeaders === 'combined' ? combineRepeated(entries) : entries;
  const unsafe: string[] = [];
  const reasons: ReasonData[] = [];
  const potentiallyUnsafe: string[] = [];
  let safelistedBytes = 0;
  for (const { name, value, source } of judged) {
    const rule = brokenSafelistRule(name, value, profile);
    if (rule === null) {
      potentiallyUnsafe.push(name);
      safelistedBytes += value.length;
    } else {
      unsafe.push(name);
      reasons.push({ code: 'header_not_safelisted', header: name, value, rule, source });
    }
  }
  const limit = profile.safelistTotalLimit;
  if (limit !== null && safelistedBytes > limit) {
    unsafe.push(...potentiallyUnsafe);
    reasons.push({ code: 'safelist_size_exceeded', total: safelistedBytes, headers: [...new Set(potentiallyUnsafe)].sort() });
  }
  const names = profile.repeatsRequestHeaderNames ? unsafe : [...new Set(unsafe)];
  return { names: names.sort(), reasons };
}
