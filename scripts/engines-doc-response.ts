// The response-side half of docs/engines.md: the server-answer matrix (test/conformance/response-cases.ts) run in
// each engine, judged by that engine's rules and by the standard's text. Called by scripts/engines-doc.ts.
import { RESPONSE_PROFILES, type Engine } from '../src/cors/index.js';
import type { EngineDriver } from '../test/conformance/engines/driver.js';
import { compareResponses, judgeCase, type ResponseVerdict } from '../test/conformance/response-compare.js';
import { observeResponses, type ResponseObservation, type ResponseRun } from '../test/conformance/response-observe.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|');
const seen = (observation: ResponseObservation): string =>
  observation.ok ? 'allowed' : observation.actualSent ? 'blocked at the response' : 'blocked at the preflight';
const predicted = (verdict: ResponseVerdict): string =>
  verdict.ok ? 'allowed' : `blocked at the ${verdict.blockedAt ?? '?'} (\`${verdict.codes.join('`, `')}\`)`;

/** Runs the response matrix in each engine and returns the section's Markdown lines. */
export async function responseSection(launchers: readonly (() => Promise<EngineDriver>)[]): Promise<string[]> {
  const runs: ResponseRun[] = [];
  for (const launch of launchers) {
    const run = await observeResponses(launch);
    console.log(`${run.browserVersion}: observed ${run.observations.size} server answers`);
    runs.push(run);
  }
  const [first] = runs;
  if (first === undefined) return [];
  const cases = first.cases;
  const lines = [
    '## Server answers: the response checks',
    '',
    `${cases.length} server answers (\`test/conformance/response-cases.ts\`): the preflight's status (2xx, 3xx, 4xx, 5xx), every form of`,
    'Access-Control-Allow-Origin and -Allow-Credentials, Allow-Methods and Allow-Headers lists (wildcards, case, spaces, empty',
    'items, invalid tokens, Authorization with `*`), and Access-Control-Expose-Headers, across a simple GET, a credentialed GET,',
    'PUT/POST/PATCH/DELETE with custom headers, with Authorization and with credentials. Each case has its own URL; the page',
    'records whether fetch() resolved and which headers it can read, the server whether the request itself arrived.',
    '',
    "| engine | cases where its rules (`checkPreflightResponse`, `checkCorsResponse`, `exposedHeaders` with `engine`) agree | where the standard's text agrees |",
    '| --- | --- | --- |',
  ];
  for (const run of runs) {
    const own = cases.length - compareResponses(run).length;
    const standard = cases.length - compareResponses(run, 'standard').length;
    lines.push(`| ${run.browserVersion} | ${own}/${cases.length} | ${standard}/${cases.length} |`);
  }
  const engines = Object.keys(RESPONSE_PROFILES) as Engine[];
  lines.push('', 'What `src/cors/response-profiles.ts` records where an engine departs from the standard:', '');
  lines.push(`| rule | ${engines.join(' | ')} |`, `| --- | ${engines.map(() => '---').join(' | ')} |`);
  lines.push(
    `| \`Access-Control-Allow-Headers: *\` covers Authorization | ${engines.map((engine) => (RESPONSE_PROFILES[engine].wildcardCoversAuthorization ? 'yes' : 'no')).join(' | ')} |`,
  );

  lines.push('', '### Answers where an engine departs from the standard', '');
  lines.push('| case | standard predicts | Chromium | Firefox | WebKit |', '| --- | --- | --- | --- | --- |');
  const departing = new Set(runs.flatMap((run) => compareResponses(run, 'standard').map(({ item }) => item.id)));
  for (const item of cases.filter((entry) => departing.has(entry.id))) {
    const observed = runs.map((run) => seen(run.observations.get(item.id) as ResponseObservation));
    lines.push(`| \`${item.id}\` ${cell(item.title)} | ${predicted(judgeCase(item, first, 'standard'))} | ${observed.join(' | ')} |`);
  }
  if (departing.size === 0) lines.push('| (none) | | | | |');

  lines.push(
    '',
    '### Every answer',
    '',
    "What each engine did, the failure codes the standard's checks give, and the headers the page could read (Chromium).",
    '',
  );
  lines.push('| case | Chromium | Firefox | WebKit | codes (standard) | page reads |', '| --- | --- | --- | --- | --- | --- |');
  for (const item of cases) {
    const observations = runs.map((run) => run.observations.get(item.id) as ResponseObservation);
    const verdict = judgeCase(item, first, 'standard');
    const reads = observations[0]?.ok === true ? observations[0].readable.join(', ') || '—' : '—';
    lines.push(
      `| \`${item.id}\` ${cell(item.title)} | ${observations.map(seen).join(' | ')} | ${verdict.codes.join(', ') || '—'} | ${reads} |`,
    );
  }
  return lines;
}
