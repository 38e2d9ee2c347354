import type { EngineProfile } from './engines.js';
import type { HeaderEntry } from './header-list.js';
import { brokenSafelistRule, MAX_SAFELISTED_TOTAL_BYTES } from './safelist.js';
import type { ReasonData } from './types.js';

export interface UnsafeNames {
  /** Lower-case, sorted, unique: the Access-Control-Request-Headers list. */
  names: string[];
  reasons: ReasonData[];
}

/** Groups repeated names into one combined `a, b` entry, for engines that judge the combined value. */
function combineRepeated(entries: readonly HeaderEntry[]): HeaderEntry[] {
  const byName = new Map<string, HeaderEntry>();
  for (const entry of entries) {
    const seen = byName.get(entry.name);
    byName.set(entry.name, seen === undefined ? { ...entry } : { ...seen, value: `${seen.value}, ${entry.value}` });
  }
  return [...byName.values()];
}

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names, with the engine's own safelist. */
export function corsUnsafeNames(entries: readonly HeaderEntry[], profile: EngineProfile): UnsafeNames {
  const judged = profile.repeatedHeaders === 'combined' ? combineRepeated(entries) : entries;
  const unsafe = new Set<string>();
  const reasons: ReasonData[] = [];
  const potentiallyUnsafe: string[] = [];
  let safelistedBytes = 0;
  for (const { name, value, source } of judged) {
    const rule = brokenSafelistRule(name, value, profile);
    if (rule === null) {
      potentiallyUnsafe.push(name);
      safelistedBytes += value.length;
    } else {
      unsafe.add(name);
      reasons.push({ code: 'header_not_safelisted', header: name, value, rule, source });
    }
  }
  if (safelistedBytes > MAX_SAFELISTED_TOTAL_BYTES) {
    for (const name of potentiallyUnsafe) unsafe.add(name);
    reasons.push({ code: 'safelist_size_exceeded', total: safelistedBytes, headers: [...new Set(potentiallyUnsafe)].sort() });
  }
  return { names: [...unsafe].sort(), reasons };
}
