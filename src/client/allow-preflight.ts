import type { Reason } from '../cors/index.js';
import type { AllowPreflight } from './options.js';

const NONE: readonly Reason[] = Object.freeze([]);

// A memoized prediction is frozen and shared by every call of its request shape, and so is the list of its reasons:
// under a yes/no allowance (the default is `false`) its causes are the same on every call, found once and kept beside
// it. Weakly held: they go when the prediction cache drops the prediction.
const whenAllowed = new WeakMap<readonly Reason[], readonly Reason[]>();
const whenNotAllowed = new WeakMap<readonly Reason[], readonly Reason[]>();

function findUncovered(reasons: readonly Reason[], allow: AllowPreflight): readonly Reason[] {
  // Most calls are simple: no cause at all, and nothing to allocate.
  if (reasons.every((reason) => reason.severity === 'info')) return NONE;
  const causes = reasons.filter((reason) => reason.severity !== 'info');
  if (allow === true) return Object.freeze(causes.filter((reason) => reason.severity === 'reject'));
  if (allow === false) return Object.freeze(causes);
  const methods = new Set((allow.methods ?? []).map((method) => method.toUpperCase()));
  const headers = new Set((allow.headers ?? []).map((header) => header.toLowerCase()));
  return causes.filter((reason) => {
    if (reason.code === 'method_not_safelisted') return !methods.has(reason.method.toUpperCase());
    if (reason.code === 'header_not_safelisted') return !headers.has(reason.header);
    return true;
  });
}

/**
 * The causes of a verdict that `allow` does not cover. Refusals are never covered: the browser decides those. The
 * same frozen `reasons` under the same boolean `allow` give the same (frozen) array back.
 */
export function uncoveredCauses(reasons: readonly Reason[], allow: AllowPreflight): readonly Reason[] {
  // An allowance object may change between calls (and a reasons list that is not frozen too): found anew each time.
  if (typeof allow !== 'boolean' || !Object.isFrozen(reasons)) return findUncovered(reasons, allow);
  const memo = allow ? whenAllowed : whenNotAllowed;
  let causes = memo.get(reasons);
  if (causes === undefined) {
    causes = findUncovered(reasons, allow);
    memo.set(reasons, causes);
  }
  return causes;
}
