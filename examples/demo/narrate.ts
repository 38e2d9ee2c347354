import type { CallRecord } from './session.js';

// The demo's words: each call of the session told in a sentence or two, and every line of output within 100 columns,
// so a frontend developer reads it at a glance in any terminal.

/** The widest line the demo prints. */
export const WIDTH = 100;

/** How `wrap` lays a paragraph out. */
export interface WrapOptions {
  /** What the first line starts with. @default '' */
  first?: string;
  /** What every later line starts with. @default the `first` prefix */
  rest?: string;
  /** @default WIDTH */
  width?: number;
  /** Lines kept; the last one kept ends with `…` when text is left out. @default no limit */
  maxLines?: number;
}

/** Greedy word wrap: lines of at most `width` columns, prefixes included. */
export function wrap(
  text: string,
  { first = '', rest = first, width = WIDTH, maxLines = Number.POSITIVE_INFINITY }: WrapOptions = {},
): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const prefix = lines.length === 0 ? first : rest;
    const candidate = line === '' ? `${prefix}${word}` : `${line} ${word}`;
    if (candidate.length <= width) {
      line = candidate;
    } else if (line === '') {
      // One word wider than the line: cut it.
      line = `${candidate.slice(0, width - 1)}…`;
    } else {
      lines.push(line);
      line = `${rest}${word}`;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines.join('\n');
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = last.length < width ? `${last}…` : `${last.slice(0, width - 1)}…`;
  return kept.join('\n');
}

/** Every line of `text` within `width`: a longer one is wrapped under its own indentation, two columns further in. */
export function fitLines(text: string, width = WIDTH): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      return wrap(line, { first: indent, rest: `${indent}  `, width });
    })
    .join('\n');
}

// Why the browser preflights: the headers outside the safelist, or the method when there are none.
function because(list: string): string {
  if (/^[A-Z]+$/.test(list)) return `the ${list} method`;
  const headers = list.split(',');
  return `the ${headers.join(', ')} header${headers.length > 1 ? 's' : ''}`;
}

// What the browser does with the call, as crosswise predicted it.
function verdict(record: CallRecord): string {
  if (record.transport === 'jsonp') return 'Went by JSONP, as a script tag: the fallback for an API without CORS.';
  const preflight = /^preflight \[(.*)\]$/.exec(record.prediction);
  const sent = record.transport !== '—';
  if (preflight !== null)
    return sent
      ? `Preflighted (OPTIONS first) for ${because(preflight[1] ?? '')}.`
      : `Would be preflighted for ${because(preflight[1] ?? '')}: nothing sent.`;
  if (record.prediction === 'simple') return sent ? 'Simple: sent at once, no preflight.' : 'Simple, yet nothing sent.';
  if (record.prediction === 'rejected') return 'The browser would refuse it: nothing sent.';
  return 'Refused before the browser saw it: nothing sent.';
}

function cookies(record: CallRecord): string {
  if (record.transport === '—' || record.transport === 'jsonp') return '';
  if (record.credentials === 'include') return ' Cookies go with it.';
  if (record.credentials === 'omit') return ' No cookies.';
  return '';
}

function warned(record: CallRecord): string {
  if (record.warnings.length === 0) return '';
  return ` crosswise warned: ${record.warnings.map((code) => code.replaceAll('_', ' ')).join(', ')}.`;
}

/** One call: its number and name, then what happened in a sentence or two (at most five lines in all). */
export function narrateCall(record: CallRecord, index: number): string {
  const number = `${String(index + 1).padStart(2)}. `;
  const indent = ' '.repeat(number.length);
  const said = wrap(`${verdict(record)}${cookies(record)}${warned(record)}`, { first: indent });
  const outcome = wrap(`→ ${record.outcome}`, { first: indent, rest: `${indent}  `, maxLines: 2 });
  return [`${number}${record.call}`, said, outcome].join('\n');
}
