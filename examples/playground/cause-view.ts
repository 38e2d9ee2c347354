import type { CorsCause } from 'crosswise';
import { h } from './dom.js';

// A CorsError's causes as the run shows them: the confidence first (a confirmed one says what the server really sent,
// as the dev probe read it), then the message and the fix.

export function causeList(causes: readonly CorsCause[]): HTMLElement {
  return h(
    'ol',
    { class: 'causes' },
    ...causes.map((cause) =>
      h(
        'li',
        { class: `cause ${cause.confidence}` },
        h('strong', { class: 'confidence' }, cause.confidence),
        ' ',
        cause.message,
        cause.fix === undefined ? null : h('div', { class: 'fix' }, `fix: ${cause.fix}`),
        cause.evidence === undefined ? null : h('div', { class: 'evidence muted' }, cause.evidence),
      ),
    ),
  );
}
