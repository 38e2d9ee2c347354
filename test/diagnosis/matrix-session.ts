import { expect } from 'vitest';
import { createRecordingServer, type RecordingServer } from '../helpers/recording-server.js';
import { runReportingPage } from '../helpers/reporting-page.js';
import { createProbePageServer } from './probe-page-server.js';
import { SCENARIOS } from './scenarios.js';

// The diagnosis measured in a real browser on fifteen server misconfigurations, each call failing for one true cause:
// with the dev probe the true cause must come first and confirmed; without it, no cause may be confirmed unless
// proven (a reachability check of a dead server), and the true cause should come first or second. Each engine's
// test file runs this session (matrix.browser.test.ts for Chromium, matrix.engines.test.ts for Firefox and WebKit).

type Variant = 'cold' | 'warm' | 'reachability' | 'probe';
const VARIANTS: readonly Variant[] = ['cold', 'warm', 'reachability', 'probe'];
// An app cannot have seen a success from a server with no CORS at all, and the dead server is dead from the start here.
const NO_HISTORY = new Set(['no-cors-at-all', 'server-down']);

export interface Outcome {
  name: string;
  variant: Variant;
  error: string;
  causes: string[];
  message: string;
}

const MODULE = `
import { createClient, diagnosis, isCorsError } from '/src/index.js';
const q = new URLSearchParams(location.search);
const scenarios = JSON.parse(q.get('scenarios'));
const outcomes = [];
for (const variant of ${JSON.stringify(VARIANTS)}) {
  for (const scenario of scenarios) {
    const base = scenario.name === 'server-down' ? q.get('down') : q.get('api');
    const diagnose = diagnosis(variant === 'probe' ? { probe: '/__crosswise/probe' } : variant === 'reachability' ? { reachability: true } : {});
    const client = createClient({ retry: 0, onWarning: () => {}, diagnose });
    if (variant === 'warm' && !${JSON.stringify([...NO_HISTORY])}.includes(scenario.name)) await client.get(q.get('api') + '/healthy/' + scenario.name);
    const url = base + '/s/' + scenario.name + '/' + variant + '/' + Math.random().toString(36).slice(2);
    try {
      await client[scenario.method](url, { headers: scenario.headers ?? {}, credentials: scenario.credentials });
      outcomes.push({ name: scenario.name, variant, error: 'none', causes: [], message: '' });
    } catch (error) {
      const causes = isCorsError(error) ? error.causes.map((c) => c.stage + ':' + c.code + ':' + c.confidence) : [];
      outcomes.push({ name: scenario.name, variant, error: error.name, causes, message: error.message });
    }
  }
}
report(outcomes);`;

const rankOf = (outcome: Outcome, truth: string): number => outcome.causes.findIndex((cause) => cause.startsWith(`${truth}:`));

export interface MatrixResult {
  figures: Record<string, string>;
  outcomes: Outcome[];
}

/** Runs every scenario in every variant in the page `open` shows (the page served through a dev server with the probe), checks and returns the figures. */
export async function expectMatrix(
  servers: { page: RecordingServer; api: RecordingServer },
  open: (url: string) => Promise<void>,
  label: string,
): Promise<MatrixResult> {
  const { page, api } = servers;
  const dev = await createProbePageServer(page);
  const closed = await createRecordingServer();
  const down = closed.origin;
  await closed.close();
  for (const scenario of SCENARIOS) if (scenario.reply !== undefined) api.routePrefix(`/s/${scenario.name}/`, scenario.reply);
  try {
    const viaDev = async (url: string): Promise<void> => open(url.replace(page.origin, dev.origin));
    const scenarios = SCENARIOS.map(({ reply, ...rest }) => rest);
    const { result, errors } = await runReportingPage<Outcome[]>(page, viaDev, {
      module: MODULE,
      query: { api: api.origin, down, scenarios: JSON.stringify(scenarios) },
      timeoutMs: 150_000,
    });
    expect(errors).toEqual([]);
    const truthOf = new Map(SCENARIOS.map((scenario) => [scenario.name, scenario.truth]));
    const figures: Record<string, string> = {};
    for (const variant of VARIANTS) {
      const rows = result.filter((outcome) => outcome.variant === variant && (variant !== 'warm' || !NO_HISTORY.has(outcome.name)));
      const ranks = rows.map((outcome) => rankOf(outcome, truthOf.get(outcome.name) ?? ''));
      figures[variant] =
        `first ${ranks.filter((rank) => rank === 0).length}/${rows.length}, first or second ${ranks.filter((rank) => rank === 0 || rank === 1).length}/${rows.length}`;
      for (const outcome of rows)
        console.log(
          `${label} ${variant.padEnd(12)} ${outcome.name.padEnd(36)} truth ${truthOf.get(outcome.name)}  → ${outcome.causes.slice(0, 3).join(' | ')}`,
        );
    }
    console.log(`${label} first-cause accuracy: ${JSON.stringify(figures)}`);

    for (const outcome of result) {
      const truth = truthOf.get(outcome.name) ?? '';
      expect(outcome.error, `${outcome.variant} ${outcome.name}`).toBe('CorsError');
      // A confirmed cause is the true one, whichever variant found it.
      for (const cause of outcome.causes.filter((entry) => entry.endsWith(':confirmed')))
        expect(cause, `${outcome.variant} ${outcome.name}`).toBe(`${truth}:confirmed`);
      if (outcome.variant === 'probe') {
        expect(outcome.causes[0], `probe ${outcome.name}`).toBe(`${truth}:confirmed`);
        expect(outcome.message).not.toMatch(/most likely/);
      } else if (!(outcome.variant === 'reachability' && outcome.name === 'server-down')) {
        expect(
          outcome.causes.some((cause) => cause.endsWith(':confirmed')),
          `${outcome.variant} ${outcome.name}`,
        ).toBe(false);
        expect(outcome.message).not.toMatch(/confirmed/);
      }
    }
    // Without the probe the true cause is first or second in most cases, cold and with history.
    for (const variant of ['cold', 'warm'] as const) {
      const rows = result.filter((outcome) => outcome.variant === variant && (variant !== 'warm' || !NO_HISTORY.has(outcome.name)));
      const topTwo = rows.filter(
        (outcome) => rankOf(outcome, truthOf.get(outcome.name) ?? '') <= 1 && rankOf(outcome, truthOf.get(outcome.name) ?? '') >= 0,
      ).length;
      expect(topTwo / rows.length, variant).toBeGreaterThan(0.5);
    }
    return { figures, outcomes: result };
  } finally {
    await dev.close();
  }
}
