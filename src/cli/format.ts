import type { CorsPrediction } from '../cors/index.js';
import { docsUrl } from './docs-url.js';
import { callHeading, codedLine, perEngineLines } from './per-engine.js';

const verdict = (prediction: CorsPrediction): string =>
  prediction.kind === 'preflight'
    ? `preflight (Access-Control-Request-Headers: ${prediction.unsafeHeaders.join(',') || '—'})`
    : prediction.kind;

/** The human report: the verdict per engine, where engines disagree, then each reason with its fix. */
export function formatText(predictions: readonly CorsPrediction[]): string {
  const [first] = predictions;
  if (first === undefined) return '';
  const lines = [callHeading(first)];
  for (const prediction of predictions) lines.push(`  ${prediction.engine.padEnd(9)} ${verdict(prediction)}`);
  const verdicts = new Set(predictions.map(verdict));
  if (verdicts.size > 1) lines.push(`  the engines disagree: see ${docsUrl('engines.md')}`);
  lines.push(...perEngineLines(predictions, (prediction) => prediction.reasons.map(codedLine)));
  return lines.join('\n');
}

export function formatJson(predictions: readonly CorsPrediction[]): string {
  return JSON.stringify(predictions.length === 1 ? predictions[0] : predictions, null, 2);
}
