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
  const repeat = profile.repeatsRequestHeaderNames;
  const names: string[] = [];
  const reasons: ReasonData[] = [];
  const potentiallyUnsafe: string[] = [];
  let safelistedBytes = 0;
  for (const [name, value] of judged) {
    const rule = brokenSafelistRule(name, value, profile);
    if (rule === null) {
      potentiallyUnsafe.push(name);
      safelistedBytes += value.length;
    } else {
      insertSorted(names, name, repeat);
      reasons.push({ code: 'header_not_safelisted', header: name, value, rule, source: name === bodyName ? 'body' : 'caller' });
    }
  }
  const limit = profile.safelistTotalLimit;
  if (limit !== null && safelistedBytes > limit) {
    const counted: string[] = [];
    for (const name of potentiallyUnsafe) {
      insertSorted(names, name, repeat);
      insertSorted(counted, name, false);
    }
    reasons.push({ code: 'safelist_size_exceeded', total: safelistedBytes, headers: counted });
  }
  return { names, reasons };
}

/**
 * Puts `name` in its place in a sorted list (code-unit order, as Array#sort) — once, unless `repeat`. The list holds a
 * call's few unsafe names: an insertion costs far less than sorting afterwards, and finds a repeat on the way.
 */
function insertSorted(sorted: string[], name: string, repeat: boolean): void {
  let at = sorted.length;
  while (at > 0 && (sorted[at - 1] as string) > name) at--;
  if (!repeat && at > 0 && sorted[at - 1] === name) return;
  // Shifting the greater names by hand: splice allocates the array of removed items on every call.
  sorted.push(name);
  for (let i = sorted.length - 1; i > at; i--) sorted[i] = sorted[i - 1] as string;
  sorted[at] = name;
}
