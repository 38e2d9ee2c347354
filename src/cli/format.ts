import type { CorsPrediction } from '../cors/index.js';
import { docsUrl } from './docs-url.js';

const verdict = (prediction: CorsPrediction): string =>
  prediction.kind === 'preflight'
    ? `preflight (Access-Control-Request-Headers: ${prediction.unsafeHeaders.join(',') || '—'})`
    : prediction.kind;

/** The human report: the verdict per engine, where engines disagree, then each reason with its fix. */
export function formatText(predictions: readonly CorsPrediction[]): string {
  const [first] = predictions;
  if (first === undefined) return '';
  const lines = [`${first.method} ${first.url ?? '(invalid URL)'} from ${first.origin ?? 'an unknown origin'}`];
  for (const prediction of predictions) lines.push(`  ${prediction.engine.padEnd(9)} ${verdict(prediction)}`);
  const verdicts = new Set(predictions.map(verdict));
  if (verdicts.size > 1) lines.push(`  the engines disagree: see ${docsUrl('engines.md')}`);
  // Each distinct reason once, with the engines it applies to when they are not all of them.
  const engines = new Map<string, string[]>();
  for (const prediction of predictions) {
    for (const reason of prediction.reasons) {
      const line = `  - [${reason.code}] ${reason.message}${reason.fix === undefined ? '' : `\n      fix: ${reason.fix}`}`;
      engines.set(line, [...(engines.get(line) ?? []), prediction.engine]);
    }
  }
  for (const [line, where] of engines)
    lines.push(where.length === predictions.length ? line : line.replace('  - ', `  - (${where.join(', ')}) `));
  return lines.join('\n');
}

export function formatJson(predictions: readonly CorsPrediction[]): string {
  return JSON.stringify(predictions.length === 1 ? predictions[0] : predictions, null, 2);
}
