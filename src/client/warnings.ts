import type { CorsPrediction, Reason } from '../cors/index.js';
import { reasonsText } from '../errors/describe.js';
import type { CorsWarning } from './options.js';

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
  /** Warns once about anything else (a credentials combination the browser will refuse). */
  note(message: string, prediction: CorsPrediction): void;
}

export function createWarner(sink: (warning: CorsWarning) => void): Warner {
  const seen = new Set<string>();
  const warn = (prediction: CorsPrediction, causes: readonly Reason[]): void => {
    if (causes.length === 0) return;
    let origin = '';
    try {
      origin = prediction.url === null ? '' : new URL(prediction.url).origin;
    } catch {
      origin = '';
    }
    const key = [origin, prediction.method, prediction.unsafeHeaders.join(','), causes.map((reason) => reason.code).join(',')].join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    sink({ message: summarize(prediction, causes), reasons: causes, prediction });
  };
  return Object.assign(warn, {
    note(message: string, prediction: CorsPrediction): void {
      if (seen.has(message)) return;
      seen.add(message);
      sink({ message: `[crosswise] ${message}`, reasons: [], prediction });
    },
  });
}
