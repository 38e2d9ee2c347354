import { detectEngine, ENGINE_PROFILES, ENGINES, predictCors, type Engine } from 'crosswise/cors';
import { cacheRows } from './cache.js';
import { byId, h, show } from './dom.js';
import { fillForm, readForm } from './form.js';
import { predictedJourney } from './journey.js';
import { cacheTable, journeyDiagram } from './journey-view.js';
import { BLANK, demoApiMaxAge, PRESETS } from './presets.js';
import { buildRequest, type PlaygroundInput } from './request.js';
import { runIt } from './run-it.js';
import { runPanel } from './run-view.js';
import { malformedPanel, verdictPanel } from './verdict-view.js';

// The playground's entry: the form drives a live prediction (predictCors from the built crosswise/cors) and its
// journey; "Run it" sends the call and shows what really happened.

const apiOrigin = document.body.dataset.apiOrigin ?? '';
const form = byId<HTMLFormElement>('request');
const presetSelect = form.elements.namedItem('preset') as HTMLSelectElement;
const urlField = form.elements.namedItem('url') as HTMLInputElement;
const runButton = byId<HTMLButtonElement>('run');
// The max-age of the demo API the URL last named: the field follows the URL to another API, and keeps an edit made for this one.
let apiMaxAge: string | undefined;
const detected = detectEngine();
const engineOf = (input: PlaygroundInput): Engine => (input.engine === 'detected' ? detected : input.engine);

function setUpSelects(): void {
  const engine = form.elements.namedItem('engine') as HTMLSelectElement;
  engine.append(
    h('option', { attrs: { value: 'detected' } }, `detected: ${ENGINE_PROFILES[detected].label}`),
    ...ENGINES.map((name) => h('option', { attrs: { value: name } }, ENGINE_PROFILES[name].label)),
  );
  presetSelect.append(
    h('option', { attrs: { value: '' } }, '(your own call)'),
    ...PRESETS.map((entry, index) => h('option', { attrs: { value: String(index) } }, entry.label)),
  );
}

function applyPreset(index: number): void {
  const preset = PRESETS[index];
  if (preset === undefined) return;
  const url = `${apiOrigin}${preset.path}`;
  apiMaxAge = demoApiMaxAge(url, apiOrigin);
  fillForm(form, { ...BLANK, ...preset.input, url, maxAge: apiMaxAge ?? BLANK.maxAge });
  presetSelect.value = String(index);
}

function followApi(): void {
  const maxAge = demoApiMaxAge(urlField.value, apiOrigin);
  // A URL half typed names no API: the last one still counts, so finishing its name changes nothing.
  if (maxAge === undefined) return;
  if (maxAge !== apiMaxAge) fillForm(form, { maxAge });
  apiMaxAge = maxAge;
}

// A form that does not describe one call (a header line without a colon) gets no verdict, and Run it stays off.
const malformed = (): boolean => buildRequest(readForm(form)).problems.length > 0;

function update(): void {
  const input = readForm(form);
  const engine = engineOf(input);
  const built = buildRequest(input);
  show(byId('input-problems'), ...built.problems.map((problem) => h('span', {}, problem)));
  if (byId('run-section').dataset.state !== 'running') runButton.disabled = built.problems.length > 0;
  if (built.problems.length > 0) {
    show(byId('verdict'), ...malformedPanel(built.problems));
    show(byId('journey'), h('p', { class: 'muted' }, 'No journey: there is no call to send until the input is fixed.'));
    show(byId('cache'));
    return;
  }
  const prediction = predictCors(built.url, built.init, { origin: location.origin, engine });
  show(byId('verdict'), ...verdictPanel(prediction, ENGINE_PROFILES[engine].label));
  const serverOrigin = URL.canParse(built.url) ? new URL(built.url).origin : 'the server';
  show(byId('journey'), journeyDiagram(predictedJourney(prediction), location.origin, serverOrigin));
  show(byId('cache'), cacheTable(cacheRows(input.maxAge), engine, prediction.preflight));
}

async function run(): Promise<void> {
  const section = byId('run-section');
  runButton.disabled = true;
  section.dataset.state = 'running';
  show(byId('run-result'), h('p', { class: 'muted' }, 'Running…'));
  try {
    const report = await runIt(readForm(form), apiOrigin);
    show(byId('run-result'), ...runPanel(report, location.origin, apiOrigin));
  } catch (error) {
    show(byId('run-result'), h('p', { class: 'outcome failed' }, `The playground failed: ${String(error)}`));
  } finally {
    runButton.disabled = malformed();
    section.dataset.state = 'done';
  }
}

setUpSelects();
applyPreset(0);
form.addEventListener('input', (event) => {
  if (event.target !== presetSelect)
    presetSelect.value = ''; // edited: now the reader's own call
  else if (presetSelect.value !== '') applyPreset(Number(presetSelect.value));
  if (event.target === urlField) followApi();
  const section = byId('run-section');
  if (section.dataset.state === 'done') section.dataset.state = 'stale'; // the last run was for another call
  update();
});
form.addEventListener('submit', (event) => event.preventDefault()); // Enter in a field must not reload the page
runButton.addEventListener('click', () => void run());
update();
