// `npm run demo`: the embedded API on two loopback origins, a scripted session through the client (in Node over
// crosswise's model of the browser, and in real Chromium when installed), then `probe` on the misconfigured API.
// `--serve` keeps the servers up afterwards for the playground (examples/playground/); `--no-browser` skips Chromium.
import { Window } from 'happy-dom';
import * as lib from '../../src/index.js';
import { parseProbeArgs } from '../../src/cli/args.js';
import { formatProbe } from '../../src/cli/format-probe.js';
import { probe } from '../../src/cli/probe.js';
import { formatServerConfig } from '../../src/cli/format-server-config.js';
import { deriveServerConfig } from '../../src/policy/server-config.js';
import { readSession } from '../../src/policy/session-input.js';
import { PLAYGROUND_PATH, servePlayground } from '../playground/serve.js';
import { chromiumAvailable, runInChromium, servePages } from './browser-run.js';
import { emulateBrowser } from './emulated-browser.js';
import { agreementRow, readTraffic } from './evidence.js';
import { fitLines, narrateCall, wrap } from './narrate.js';
import { startDemoServers } from './server.js';
import { runSession, type CallRecord } from './session.js';
import { formatTable } from './table.js';

// The status or the error's name: what must match between the model and the browser.
const headline = (record: CallRecord): string => record.outcome.split(/[ :]/)[0] ?? '';

function traffic(records: readonly CallRecord[], seen: readonly { method: string }[]): string {
  const predicted = records.filter((record) => record.prediction.startsWith('preflight') && record.transport === 'fetch').length;
  const options = seen.filter((entry) => entry.method === 'OPTIONS').length;
  const sentence = `The API saw ${seen.length} requests, ${options} of them OPTIONS preflights, for ${predicted} preflighted calls sent.`;
  // https://fetch.spec.whatwg.org/#cors-preflight-fetch caches every method and header the answer allowed, not only those asked.
  if (options < predicted)
    return `${sentence} The browser's preflight cache answered ${predicted - options}: a preflight answer covers every method and header the server listed, for its max-age.`;
  return sentence;
}

const flags = new Set(process.argv.slice(2));
const serve = flags.has('--serve');
// Fixed ports when serving, so the playground's address is one to bookmark; `--port=N` moves them (page N, API N+1).
const portFlag = process.argv.find((arg) => arg.startsWith('--port='));
const firstPort = portFlag === undefined ? 4173 : Number(portFlag.slice('--port='.length));
if (!Number.isInteger(firstPort) || firstPort < 1 || firstPort > 65534) {
  console.error(`crosswise demo: ${portFlag} is not a port (1-65534; the API takes the next one)`);
  process.exit(2);
}
const SERVE_PORTS = { page: firstPort, api: firstPort + 1 };
const PLAYGROUND_URL = `http://127.0.0.1:${SERVE_PORTS.page}${PLAYGROUND_PATH}`;

const servers = await startDemoServers(serve ? SERVE_PORTS : {}).catch((error: unknown) => {
  console.error(
    `crosswise demo: ${error instanceof Error ? error.message : String(error)}. Stop it, or serve elsewhere: npm run demo -- --serve --port=${firstPort + 10}`,
  );
  process.exit(1);
});
servePages(servers);
servePlayground(servers);
const { pageOrigin, apiOrigin } = servers;

console.log(wrap(`crosswise demo: a page at ${pageOrigin} calls an API at ${apiOrigin}, another origin.`));
console.log(wrap('The API has three parts: /modern answers CORS correctly, /broken is misconfigured, /legacy speaks JSONP only.'));
console.log('');
if (serve) console.log(`${wrap(`The playground is up at ${PLAYGROUND_URL} while the session runs, and stays up after it.`)}\n`);

// Node: the client over the emulated browser, JSONP script tags in a DOM emulation that runs them.
const window = new Window({
  url: `${pageOrigin}/`,
  settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
});
const browser = emulateBrowser(pageOrigin, 'chromium');
const stopRecording = servers.recordApi();
let sessionClient: (lib.CrosswiseClient & lib.StatsReader) | undefined;
const records = await runSession(lib, {
  pageOrigin,
  apiOrigin,
  engine: 'chromium',
  fetch: browser.fetch,
  document: window.document as unknown as Document,
  onClient: (api) => (sessionClient = api),
});
await window.happyDOM.close();

console.log('The session through the client, in Node (crosswise models what Chromium would do):\n');
console.log(records.map(narrateCall).join('\n\n'));
console.log(`\n${wrap(traffic(records, stopRecording()))}`);

// probe: what the misconfigured API must change, judged per engine.
for (const argv of [
  [`${apiOrigin}/broken/items/1`, '-X', 'PUT', '-H', 'Authorization: Bearer demo', '--origin', pageOrigin],
  [`${apiOrigin}/broken/me`, '--credentials', 'include', '--origin', pageOrigin],
]) {
  console.log(`\n$ crosswise probe ${argv.join(' ').replaceAll(apiOrigin, '<api>').replaceAll(pageOrigin, '<page>')}\n`);
  console.log(fitLines(formatProbe(await probe(parseProbeArgs(argv)))));
}

// server-config: what the API must answer for exactly the calls this session made (docs/server-config.md).
const session = JSON.stringify(sessionClient?.stats());
console.log(`\n$ crosswise server-config session.json   # session.json: JSON.stringify(api.stats())\n`);
console.log(
  fitLines(
    formatServerConfig(deriveServerConfig(readSession(JSON.parse(session))), 'table')
      .replaceAll(apiOrigin, '<api>')
      .replaceAll(pageOrigin, '<page>'),
  ),
);

if (flags.has('--no-browser') || !chromiumAvailable()) {
  console.log(
    `\n(real browser skipped: ${flags.has('--no-browser') ? '--no-browser' : 'Chromium is not installed; `npm test` installs it'})`,
  );
} else {
  const stopRecordingChromium = servers.recordApi();
  // The page tags each call's URL with an id of its own (session.ts), so the API's log tells every call apart.
  const chromium = await runInChromium(servers, `chromium-${Date.now().toString(36)}`);
  const seenByApi = stopRecordingChromium();
  console.log(`\nThe same session in real Chromium ${chromium.version}: what crosswise predicted there, against what`);
  console.log("the API's log shows reached it for that call (an OPTIONS first? asking for which headers?):\n");
  // Every call the Node session made must have its row: a call missing in Chromium is a disagreement, not a gap.
  const rows = await Promise.all(
    records.map(async (record, index) => {
      const real = chromium.records[index];
      return agreementRow(record.call, real, real?.probe === undefined ? [] : await readTraffic(apiOrigin, real.probe));
    }),
  );
  console.log(formatTable(['call', 'crosswise predicted', 'the API saw', 'agrees'], rows, [36, 26, 26, 6]));
  const disagreements = rows.filter((cells) => cells[3] !== 'yes').length;
  console.log(`\n${rows.length - disagreements}/${rows.length} calls: what reached the API is what crosswise predicted.`);
  // The Node half runs over crosswise's own model of the browser: Chromium checks that model too, call by call.
  const apart = records.filter((record, index) => {
    const real = chromium.records[index];
    return real === undefined || real.prediction !== record.prediction || headline(real) !== headline(record);
  });
  console.log(
    wrap(
      apart.length === 0
        ? `Chromium ended all ${records.length} calls as the Node session did (the same status or error).`
        : `Chromium ended ${apart.length} calls unlike the Node session: ${apart.map((record) => record.call).join('; ')}.`,
    ),
  );
  console.log(wrap(traffic(chromium.records, seenByApi)));
  if (disagreements > 0 || apart.length > 0) process.exitCode = 1;
}

if (serve) {
  console.log(`\nServing the playground at ${PLAYGROUND_URL} (Ctrl-C to stop).`);
} else {
  await servers.close();
  console.log(`\n${wrap(`Next: \`npm run demo -- --serve\` keeps the servers up, with the playground at ${PLAYGROUND_URL}.`)}`);
}
