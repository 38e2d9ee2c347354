import type { CorsPrediction, Reason } from '../cors/index.js';
import { originOfHref } from '../cors/origin.js';
import { reasonsText } from '../errors/describe.js';
import type { CorsWarning } from './options.js';

/**
 * How many distinct causes a client remembers having warned about. Past it the oldest is forgotten (and would be
 * warned about again): a bound on memory for an app whose header names vary without end.
 */
export const WARNED_CAUSES_CAPACITY = 1000;

/** The default sink: one console line per distinct cause. */
export function consoleWarning(warning: CorsWarning): void {
  console.warn(warning.message);
}

function summarize(prediction: CorsPrediction, causes: readonly Reason[]): string {
  const what = prediction.kind === 'rejected' ? 'will be refused by the browser' : 'will be preflighted (an extra OPTIONS round trip)';
  return `[crosswise] ${prediction.method} ${prediction.url ?? ''} ${what}: ${reasonsText(causes)}`;
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
   * refuse); without a `cause`, once per message.
   */
  note(message: string, prediction: CorsPrediction, cause?: string): void;
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
  const warn = (prediction: CorsPrediction, causes: readonly Reason[]): void => {
    if (causes.length === 0) return;
    const key = [
      prediction.url === null ? '' : originOfHref(prediction.url),
      prediction.method,
      prediction.unsafeHeaders.join(','),
      causes.map((reason) => reason.code).join(','),
    ].join(' ');
    if (first(key)) sink({ message: summarize(prediction, causes), reasons: causes, prediction });
  };
  return Object.assign(warn, {
    note(message: string, prediction: CorsPrediction, cause: string = message): void {
      if (first(`note ${cause}`)) sink({ message: `[crosswise] ${message}`, reasons: [], prediction });
    },
  });
}
