import type { CorsPrediction, Reason } from 'crosswise/cors';
import { h } from './dom.js';
import { sentHeaders } from './wire.js';

// The verdict panel: the kind, the exact Access-Control-Request-Headers, every reason with its message and fix
// (the library's own words, derived from the reason code), and the header lines the browser would send.

const SUMMARY: Record<CorsPrediction['kind'], string> = {
  'same-origin': 'Same origin: no CORS at all.',
  simple: 'Sent at once, no preflight; the answer must pass the CORS check before the page may read it.',
  preflight: 'An OPTIONS preflight goes first; the call itself is sent only if the server allows it.',
  'no-cors': 'Sent without a preflight; the answer is opaque to the page.',
  rejected: 'fetch() refuses it: nothing reaches the network.',
};

function reasonItem(reason: Reason): HTMLElement {
  return h(
    'li',
    { class: `reason ${reason.severity}`, attrs: { 'data-code': reason.code } },
    h('code', { class: 'code' }, reason.code),
    ' ',
    h('span', { class: 'message' }, reason.message),
    reason.fix === undefined ? null : h('div', { class: 'fix' }, 'fix: ', h('span', {}, reason.fix)),
  );
}

function headerTable(lines: readonly [string, string][]): HTMLElement {
  if (lines.length === 0) return h('p', { class: 'muted' }, 'Nothing is sent.');
  return h(
    'table',
    { class: 'headers' },
    h('tbody', {}, ...lines.map(([name, value]) => h('tr', {}, h('th', {}, name), h('td', {}, h('code', {}, value))))),
  );
}

/** The whole panel for one prediction, under the name of the engine whose rules made it. */
export function verdictPanel(prediction: CorsPrediction, engineLabel: string): HTMLElement[] {
  const acrh = prediction.unsafeHeaders.join(',');
  return [
    h(
      'h2',
      {},
      'Verdict ',
      h('span', { class: `kind kind-${prediction.kind}`, attrs: { id: 'verdict-kind' } }, prediction.kind),
      h('small', {}, ` by ${engineLabel}'s rules`),
    ),
    h('p', { class: 'summary' }, SUMMARY[prediction.kind]),
    h(
      'dl',
      {},
      h('dt', {}, 'Access-Control-Request-Headers'),
      h(
        'dd',
        {},
        h('code', { attrs: { id: 'acrh' } }, prediction.preflight ? acrh || '(empty: no header needs it, see the reasons)' : '—'),
      ),
      h('dt', {}, 'method · credentials · mode'),
      h('dd', {}, h('code', {}, `${prediction.method} · ${prediction.credentials} · ${prediction.mode}`)),
    ),
    h('h3', {}, 'Reasons'),
    prediction.reasons.length === 0
      ? h('p', { class: 'muted', attrs: { id: 'reasons' } }, 'None: nothing about this call needs a preflight.')
      : h('ol', { attrs: { id: 'reasons' } }, ...prediction.reasons.map(reasonItem)),
    h('h3', {}, 'Headers the browser sends'),
    h('div', { attrs: { id: 'sent-headers' } }, headerTable(sentHeaders(prediction))),
  ];
}

/** No verdict for a form that does not describe one call: each bad line, as "Run it" refuses them too. */
export function malformedPanel(problems: readonly string[]): HTMLElement[] {
  return [
    h('h2', {}, 'Verdict ', h('span', { class: 'kind kind-malformed', attrs: { id: 'verdict-kind' } }, 'no verdict')),
    h('p', { class: 'summary' }, 'The input is malformed, so there is no call to judge; “Run it” sends nothing until it is fixed.'),
    h(
      'ol',
      { attrs: { id: 'reasons' } },
      ...problems.map((problem) =>
        h(
          'li',
          { class: 'reason error', attrs: { 'data-code': 'malformed_input' } },
          h('code', { class: 'code' }, 'malformed_input'),
          ' ',
          h('span', { class: 'message' }, problem),
        ),
      ),
    ),
  ];
}
