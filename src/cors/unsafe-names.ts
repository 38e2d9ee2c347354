import type { EngineProfile } from './engines.js';
import type { HeaderList } from './header-list.js';
import { brokenSafelistRule } from './safelist.js';
import type { ReasonData } from './types.js';

export interface UnsafeNames {
  /** Lower-case and sorted: the Access-Control-Request-Headers list (unique, except in engines that repeat names). */
  names: string[];
  reasons: ReasonData[];
}

/** Groups repeated names into one combined `a, b` entry, for engines that judge the combined value. */
function combineRepeated(entries: readonly [string, string][]): readonly [string, string][] {
  const byName = new Map<string, string>();
  for (const [name, value] of entries) {
    const seen = byName.get(name);
    byName.set(name, seen === undefined ? value : `${seen}, ${value}`);
  }
  // Most calls repeat no name: then the list is judged as it is.
  return byName.size === entries.length ? entries : [...byName];
}

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names, with the engine's own safelist. */
export function corsUnsafeNames(list: HeaderList, profile: EngineProfile): UnsafeNames {
  const judged = profile.repeatedHeaders === 'combined' ? combineRepeated(list.entries) : list.entries;
  // Only the body's Content-Type, the list's last entry, is not the caller's (combining keeps the first entry's place).
  const bodyName = list.fromBody ? 'content-type' : null;
  const unsafe: string[] = [];
  const reasons: ReasonData[] = [];
  const potentiallyUnsafe: string[] = [];
  let safelistedBytes = 0;
  for (const [name, value] of judged) {
    const rule = brokenSafelistRule(name, value, profile);
    if (rule === null) {
      potentiallyUnsafe.push(name);
      safelistedBytes += value.length;
    } else {
      unsafe.push(name);
      reasons.push({ code: 'header_not_safelisted', header: name, value, rule, source: name === bodyName ? 'body' : 'caller' });
    }
  }
  const limit = profile.safelistTotalLimit;
  if (limit !== null && safelistedBytes > limit) {
    unsafe.push(...potentiallyUnsafe);
    reasons.push({ code: 'safelist_size_exceeded', total: safelistedBytes, headers: withoutRepeats(potentiallyUnsafe.sort()) });
  }
  unsafe.sort();
  return { names: profile.repeatsRequestHeaderNames ? unsafe : withoutRepeats(unsafe), reasons };
}

/** A sorted list with each name once: repeats sit side by side, so one pass drops them (no Set on every call). */
function withoutRepeats(sorted: string[]): string[] {
  const unique: string[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i] as string);
  return unique;
}
