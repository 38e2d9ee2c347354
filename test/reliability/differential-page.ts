// The page of the differential fuzz: for each arbitrary shape it builds fetch()'s arguments with the same toFetchArgs
// Node uses, predicts them with predictCors (engine chromium, the page's origin), then builds `new Request()` from the
// very same arguments, and reports both. Batches come from /cases/<n> until a 404. Plain JS: Chromium runs it as is.
export const DIFFERENTIAL_HTML = `<!doctype html>
<meta charset="utf-8">
<title>crosswise differential fuzz</title>
<script type="module">
import { toFetchArgs } from '/fetch-args.js';
import { predictCors, refusedByRequestConstructor } from '/cors/index.js';
const other = new URLSearchParams(location.search).get('other');

function run(shape) {
  const url = (shape.sameOrigin ? location.origin : other) + '/probe/fuzz/' + shape.id;
  let args;
  try {
    args = toFetchArgs(shape, url);
  } catch (error) {
    return { id: shape.id, buildError: String(error && error.message) };
  }
  const prediction = predictCors(args[0], args[1], { origin: location.origin, engine: 'chromium' });
  const first = prediction.reasons[0];
  const predicted = {
    kind: prediction.kind,
    constructorRefusal: prediction.kind === 'rejected' && first !== undefined && refusedByRequestConstructor(first),
    codes: prediction.reasons.map((reason) => reason.code),
    messages: prediction.reasons.map((reason) => reason.message),
    headers: prediction.headers,
  };
  try {
    const request = new Request(args[0], args[1]);
    return { id: shape.id, predicted, threw: null, headers: [...request.headers] };
  } catch (error) {
    return { id: shape.id, predicted, threw: error.name + ': ' + error.message, headers: null };
  }
}

for (let batch = 0; ; batch++) {
  const response = await fetch('/cases/' + batch);
  if (response.status === 404) break;
  const shapes = await response.json();
  await fetch('/results/' + batch, { method: 'POST', body: JSON.stringify(shapes.map(run)) });
}
document.title = 'done';
</script>`;
