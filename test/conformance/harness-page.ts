// The page each engine loads: it imports the same toFetchArgs Node uses, runs every shape against the
// recording servers, and posts what fetch() did back to its own origin. Plain JS: engines run it as is.
export const HARNESS_HTML = `<!doctype html>
<meta charset="utf-8">
<title>crosswise conformance</title>
<script type="module">
import { toFetchArgs } from '/fetch-args.js';
import { predictCors, predictWireHeaders } from '/cors/index.js';
const params = new URLSearchParams(location.search);
const other = params.get('other');
const run = params.get('run');
const shapes = await (await fetch('/shapes.json')).json();

// A probe the engine neither answers nor refuses within PROBE_TIMEOUT_MS is aborted and reported as timedOut:
// the harness failed to get a verdict, which the comparison never counts as a refusal.
const PROBE_TIMEOUT_MS = 8000;

async function probe(shape) {
  const url = (shape.sameOrigin ? location.origin : other) + '/probe/' + run + '/' + shape.id;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let args;
  try {
    args = toFetchArgs(shape, url);
  } catch (error) {
    return { id: shape.id, constructorThrew: true, rejected: true, timedOut: false, elapsedMs: elapsed(), errorName: error.name, errorMessage: String(error.message) };
  }
  // Predicted in the page with every default: the engine detected from the browser, the origin from location.
  const prediction = predictCors(args[0], args[1]);
  const predicted = { kind: prediction.kind, unsafeHeaders: prediction.unsafeHeaders, headers: prediction.headers, wireHeaders: predictWireHeaders(args[0], args[1]), engine: prediction.engine, reasons: prediction.reasons.map((r) => r.message) };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, PROBE_TIMEOUT_MS);
  try {
    const response = await fetch(args[0], { ...(args[1] || {}), signal: controller.signal });
    await response.arrayBuffer().catch(() => undefined);
    return { id: shape.id, predicted, constructorThrew: false, rejected: false, timedOut, elapsedMs: elapsed(), status: response.status, type: response.type };
  } catch (error) {
    return { id: shape.id, predicted, constructorThrew: false, rejected: true, timedOut, elapsedMs: elapsed(), errorName: error.name, errorMessage: String(error.message) };
  } finally {
    clearTimeout(timer);
  }
}

// keepalive requests share one 64 KiB in-flight budget per page: they run one at a time, with a pause between them
// because Firefox returns a finished request's bytes to the budget only some time later. Only keepalive bodies count
// against that budget, so their queue runs beside the rest's six workers rather than after them.
const results = [];
const parallel = shapes.filter((shape) => !shape.keepalive);
let next = 0;
async function worker() {
  while (next < parallel.length) results.push(await probe(parallel[next++]));
}
async function keepaliveInTurn() {
  for (const shape of shapes.filter((shape) => shape.keepalive)) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    results.push(await probe(shape));
  }
}
await Promise.all([...Array.from({ length: 6 }, worker), keepaliveInTurn()]);
await fetch('/results', { method: 'POST', body: JSON.stringify({ userAgent: navigator.userAgent, results }) });
document.title = 'done';
</script>`;
