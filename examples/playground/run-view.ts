import type { CorsPrediction } from 'crosswise/cors';
import { agreement } from './agreement.js';
import { causeList } from './cause-view.js';
import { h } from './dom.js';
import { observedJourney } from './journey.js';
import { journeyDiagram } from './journey-view.js';
import type { Outcome, RunReport } from './run-it.js';

// What a run really did: who sent it and what they predicted, the status or the diagnosed error, and the journey
// as the server logged it beside the prediction.

const describe = (prediction: CorsPrediction | undefined): string =>
  prediction === undefined
    ? '— (refused before a prediction was made)'
    : `${prediction.kind}${prediction.preflight ? ` [${prediction.unsafeHeaders.join(',') || prediction.method}]` : ''} (${prediction.engine}'s rules)`;

function outcomeBlock(outcome: Outcome): HTMLElement {
  if (outcome.ok)
    return h(
      'div',
      { class: 'outcome ok', attrs: { id: 'run-outcome' } },
      h('strong', {}, `${outcome.status}`),
      ' ',
      h('code', {}, outcome.body || '(empty body)'),
    );
  return h(
    'div',
    { class: 'outcome failed', attrs: { id: 'run-outcome' } },
    h('strong', {}, outcome.error),
    ' ',
    h('span', {}, outcome.message),
    outcome.causes !== undefined
      ? causeList(outcome.causes)
      : outcome.details.length === 0
        ? null
        : h('ol', { class: 'causes' }, ...outcome.details.map((detail) => h('li', {}, detail))),
  );
}

export function runPanel(report: RunReport, pageOrigin: string, apiOrigin: string): HTMLElement[] {
  const check = agreement(report);
  const sender =
    report.sender.by === 'client'
      ? 'the crosswise client (createClient, retry: 0)'
      : report.sender.by === 'fetch'
        ? `the page's own fetch: ${report.sender.why}`
        : `nobody: ${report.sender.why}`;
  const failure = report.outcome.ok
    ? null
    : `${report.outcome.error}${report.outcome.details[0] === undefined ? '' : `: ${report.outcome.details[0]}`}`;
  return [
    h(
      'dl',
      {},
      h('dt', {}, 'sent by'),
      h('dd', {}, sender),
      h('dt', {}, 'URL (a unique _probe per run)'),
      h('dd', {}, h('code', {}, report.url)),
      h('dt', {}, 'its prediction'),
      h('dd', { attrs: { id: 'run-prediction' } }, describe(report.prediction)),
      h('dt', {}, 'warnings · transport'),
      h('dd', {}, `${report.warnings.join(', ') || '—'} · ${report.transport}`),
    ),
    outcomeBlock(report.outcome),
    h(
      'p',
      { class: `agreement ${check.matches === null ? '' : check.matches ? 'ok' : 'failed'}`, attrs: { id: 'run-agreement' } },
      check.text,
    ),
    report.seen === null
      ? h('p', { class: 'muted' }, 'No server log for this URL.')
      : journeyDiagram(observedJourney(report.prediction, report.seen, failure), pageOrigin, apiOrigin),
  ];
}
