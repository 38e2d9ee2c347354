import type { Engine } from 'crosswise/cors';
import type { CacheRow } from './cache.js';
import { h, type Child } from './dom.js';
import type { Step } from './journey.js';

// Draws a journey as a sequence diagram in HTML and CSS: two lifelines (the page, the server) and one arrow a step,
// pointing the way the message travels; dashed when it was never sent, red where the browser stops.

const MARK: Record<Step['state'], string> = {
  predicted: '',
  seen: '✓ seen by the server',
  'not-sent': 'not sent',
  blocked: '✕ the browser stops here',
};

function arrow(step: Step): HTMLElement {
  return h(
    'li',
    { class: `step from-${step.from} ${step.state}` },
    h(
      'div',
      { class: 'step-title' },
      h('code', {}, step.title),
      MARK[step.state] === '' ? null : h('span', { class: 'mark' }, MARK[step.state]),
    ),
    h('div', { class: 'arrow', attrs: { 'aria-hidden': 'true' } }),
    step.lines.length === 0 ? null : h('ul', { class: 'step-lines' }, ...step.lines.map((line) => h('li', {}, line))),
  );
}

/** The lifelines and the arrows. */
export function journeyDiagram(steps: readonly Step[], pageOrigin: string, serverOrigin: string): HTMLElement {
  return h(
    'div',
    { class: 'journey' },
    h('div', { class: 'lanes' }, h('span', {}, 'page ', h('code', {}, pageOrigin)), h('span', {}, 'server ', h('code', {}, serverOrigin))),
    h('ol', { class: 'steps' }, ...steps.map(arrow)),
  );
}

/** The preflight cache per engine for the server's max-age, the chosen engine first in weight. */
export function cacheTable(rows: readonly CacheRow[], chosen: Engine, preflight: boolean): Child {
  const head = preflight
    ? 'After a successful preflight the browser caches it, per page origin, URL and credentials mode, for the method and each header it allowed; a repeat of this call within that time sends no OPTIONS.'
    : 'No preflight for this call, so nothing to cache.';
  return h(
    'div',
    { class: 'cache' },
    h('h3', {}, 'Preflight cache'),
    h('p', { class: 'muted' }, head),
    !preflight
      ? null
      : h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', {}, 'engine'), h('th', {}, 'cached for'), h('th', {}, ''))),
          h(
            'tbody',
            {},
            ...rows.map((row) =>
              h(
                'tr',
                { class: row.engine === chosen ? 'chosen' : '', attrs: { 'data-engine': row.engine } },
                h('td', {}, row.label),
                h('td', {}, `${row.seconds.toLocaleString('en')} s`),
                h('td', { class: 'muted' }, row.note ?? ''),
              ),
            ),
          ),
        ),
  );
}
