import type { CorsPrediction, Engine } from '../cors/index.js';

// What explain and probe both print: the call's heading, and lines that hold for some engines only, each once.

/** The heading of a report on one call: `GET https://api.example/x from https://app.example`. */
export function callHeading(prediction: CorsPrediction): string {
  return `${prediction.method} ${prediction.url ?? '(invalid URL)'} from ${prediction.origin ?? 'an unknown origin'}`;
}

/** A reason or a failure as a report line: `[code] message`, then its fix on a line of its own. */
export function codedLine(item: { code: string; message: string; fix?: string | undefined }): string {
  return `[${item.code}] ${item.message}${item.fix === undefined ? '' : `\n      fix: ${item.fix}`}`;
}

/** Each distinct line once, in the order first seen, tagged with its engines (`(firefox, webkit)`) when not all have it. */
export function perEngineLines<T extends { engine: Engine }>(items: readonly T[], linesOf: (item: T) => readonly string[]): string[] {
  const engines = new Map<string, Engine[]>();
  for (const item of items) for (const line of linesOf(item)) engines.set(line, [...(engines.get(line) ?? []), item.engine]);
  return [...engines].map(([line, where]) => (where.length === items.length ? `  - ${line}` : `  - (${where.join(', ')}) ${line}`));
}
