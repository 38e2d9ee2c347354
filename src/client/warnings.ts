import type { CorsPrediction, Reason } from '../cors/index.js';
import { originOfHref } from '../cors/origin.js';
import { reasonsText } from '../errors/describe.js';
import type { CorsWarning } from './options.js';
import { corsWarning, noteWarning } from './words.js';

/**
 * How many distinct causes a client remembers having warned about. Past it the oldest is forgotten (and would be
 * warned about again): a bound on memory for an app whose header names vary without end.
 */
export const WARNED_CAUSES_CAPACITY = 1000;

/** The default sink: one console line per distinct cause. */
export function consoleWarning(warning: CorsWarning): void {
  console.warn(warning.message);
}

/** What makes a warning distinct: origin + method + the unsafe header set + the codes. */
function causeKey(prediction: CorsPrediction, causes: readonly Reason[]): string {
  return [
    prediction.url === null ? '' : originOfHref(prediction.url),
    prediction.method,
    prediction.unsafeHeaders.join(','),
    causes.map((reason) => reason.code).join(','),
  ].join(' ');
}

/**
 * Emits one warning per distinct cause — origin + method + the unsafe header set + the codes — per client, so
 * that an app making thousands of calls sees a handful of lines.
 */
export interface Warner {
  /** Warns about the causes of a preflight or refusal. */
  (prediction: CorsPrediction, causes: readonly Reason[]): void;
  /**
   * Warns once per `cause` about anything else (a rewrite applied, a credentials combination the browser will
   * refuse); without a `cause`, once per message. `code` names it in the production build's words.
   */
  note(code: string, message: string, prediction: CorsPrediction, cause?: string): void;
}

export function createWarner(sink: (warning: CorsWarning) => void): Warner {
  const seen = new Set<string>();
  /** True the first time a cause is seen; remembers it, forgetting the oldest past the capacity. */
  const first = (cause: string): boolean => {
    if (seen.has(cause)) return false;
    if (seen.size >= WARNED_CAUSES_CAPACITY) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    seen.add(cause);
    return true;
  };
  // A memoized prediction is frozen and comes back on every call of its shape, with the same causes array (see
  // uncoveredCauses): its key is built once, not on every preflighted call. Weakly held, as the predictions are.
  const keys = new WeakMap<CorsPrediction, { causes: readonly Reason[]; key: string }>();
  const warn = (prediction: CorsPrediction, causes: readonly Reason[]): void => {
    if (causes.length === 0) return;
    let known = keys.get(prediction);
    if (known?.causes !== causes) {
      known = { causes, key: causeKey(prediction, causes) };
      if (Object.isFrozen(prediction)) keys.set(prediction, known);
    }
    if (first(known.key)) sink({ message: corsWarning(prediction, reasonsText(causes)), reasons: causes, prediction });
  };
  return Object.assign(warn, {
    note(code: string, message: string, prediction: CorsPrediction, cause: string = message): void {
      if (first(`note ${cause}`)) sink({ message: noteWarning(message, code), reasons: [], prediction });
    },
  });
}
