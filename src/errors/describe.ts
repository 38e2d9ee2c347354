import type { Reason } from '../cors/index.js';

/** The reasons' messages as one clause, then the first fix any of them offers as a sentence. */
export function reasonsText(reasons: readonly Reason[]): string {
  const fix = reasons.find((reason) => reason.fix !== undefined)?.fix;
  return `${reasons.map((reason) => reason.message).join('; ')}.${fix === undefined ? '' : ` Fix: ${fix}.`}`;
}
