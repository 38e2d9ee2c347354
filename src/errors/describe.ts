import type { Reason } from '../cors/index.js';

/** The reasons' messages as one clause, then the fix (the first reason's that has one, unless given) as a sentence. */
export function reasonsText(reasons: readonly Reason[], fix = reasons.find((reason) => reason.fix !== undefined)?.fix): string {
  return `${reasons.map((reason) => reason.message).join('; ')}.${fix === undefined ? '' : ` Fix: ${fix}.`}`;
}
