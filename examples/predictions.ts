// The main job until the demo server lands: what each engine will do with a sample of calls from a
// single-page app on https://app.example to an API on https://api.example, and how to keep each call simple.
import { ENGINES, predictCors, type CorsPrediction } from '../src/cors/index.js';

const origin = 'https://app.example';
const api = 'https://api.example';
const calls: [string, RequestInfo | URL, RequestInit?][] = [
  ['GET /items', `${api}/items`],
  ['GET /items + Authorization', `${api}/items`, { headers: { Authorization: 'Bearer token' } }],
  ['POST JSON (application/json)', `${api}/items`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' }],
  ['POST JSON sent as text/plain', `${api}/items`, { method: 'POST', body: '{"a":1}' }],
  ['POST a Blob typed application/json', `${api}/items`, { method: 'POST', body: new Blob(['{}'], { type: 'application/json' }) }],
  ['PUT /items/1', `${api}/items/1`, { method: 'PUT', body: '{}' }],
  ['patch /items/1 (lower case)', `${api}/items/1`, { method: 'patch', body: '{}' }],
  [
    'GET with two 100-byte Accept values',
    `${api}/items`,
    {
      headers: [
        ['Accept', `a/${'b'.repeat(98)}`],
        ['Accept', `c/${'d'.repeat(98)}`],
      ],
    },
  ],
  ['GET Range: Bytes=0-99', `${api}/file`, { headers: { Range: 'Bytes=0-99' } }],
  ['POST a ReadableStream', `${api}/upload`, { method: 'POST', body: new ReadableStream(), duplex: 'half' } as RequestInit],
  ['GET + DPR client hint', `${api}/img`, { headers: { DPR: '2' } }],
  ['TRACE /debug', `${api}/debug`, { method: 'TRACE' }],
  ['GET /me from the same origin', `${origin}/api/me`, { headers: { 'X-CSRF': 't' } }],
];

function verdict(prediction: CorsPrediction): string {
  if (prediction.kind !== 'preflight') return prediction.kind;
  return `preflight [${prediction.unsafeHeaders.join(',')}]`;
}

const width = Math.max(...calls.map(([label]) => label.length));
console.log(`Page origin ${origin}; API ${api}\n`);
console.log(`${'call'.padEnd(width)}  ${ENGINES.map((engine) => engine.padEnd(26)).join('')}`);
for (const [label, input, init] of calls) {
  const predictions = ENGINES.map((engine) => predictCors(input, init, { origin, engine }));
  console.log(`${label.padEnd(width)}  ${predictions.map((p) => verdict(p).padEnd(26)).join('')}`);
  const standard = predictions[0];
  const first = standard?.reasons.find((reason) => reason.severity !== 'info') ?? predictions.flatMap((p) => p.reasons)[0];
  if (first !== undefined)
    console.log(
      `${''.padEnd(width)}    why: ${first.message}${first.fix === undefined ? '' : `\n${''.padEnd(width)}    fix: ${first.fix}`}`,
    );
}
