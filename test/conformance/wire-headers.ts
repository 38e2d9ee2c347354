import type { CorsPrediction, Engine } from '../../src/cors/index.js';

// How the header list a prediction promises is judged against the request line the recording server received.
// The prediction models the Request's header list when fetch() starts (the caller's headers minus the forbidden and,
// in no-cors, the unsafelisted ones, plus the body's Content-Type and the default Accept), and, where the engine
// rewrites a header below fetch(), what reaches the wire instead (`prediction.wireHeaders`, from the engine data in
// src/cors/wire-profiles.ts: nothing about the wire is known here). The network layer then
// adds headers of its own that the prediction does not speak for; those names (BROWSER_OWNED) are skipped unless the
// prediction lists the name itself. Every other header on the wire must be predicted, and every predicted header
// must be on the wire with exactly the predicted value (repeated names combined with ", " in list order, names
// compared case-insensitively as HTTP does).

/** Headers the engine adds below fetch(): connection and transport, identity, fetch metadata, cache mode, cookies. */
const BROWSER_OWNED = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'te',
  'origin',
  'referer',
  'user-agent',
  'accept-encoding',
  'accept-language',
  'cookie',
  'dnt',
  // Chromium and Firefox send an HTTP/1.1 Priority of their own; cache: 'no-store' | 'reload' | 'no-cache' add these two.
  'priority',
  'cache-control',
  'pragma',
]);
/** Fetch metadata and client hints: every engine names its own. */
const BROWSER_OWNED_PREFIXES = ['sec-fetch-', 'sec-ch-'];

export function isBrowserOwned(name: string): boolean {
  return BROWSER_OWNED.has(name) || BROWSER_OWNED_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** name (lower-case) → values in order. */
function group(entries: readonly (readonly [string, string])[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), value]);
  }
  return groups;
}

// The multipart boundary is random per request: the profiles hold its shape (prefix, then placeholder characters
// from this run), so a predicted boundary matches any wire boundary with that prefix and at most as many [A-Za-z0-9]
// (Firefox writes its random numbers in hex without padding: 31 characters instead of 32 were measured).
const PLACEHOLDER = /(?:0123456789abcdef)+$/;
const BOUNDARY = /^(multipart\/form-data; boundary=)(.*)$/;

function sameValue(predicted: string, sent: string, engine: Engine): boolean {
  if (predicted === sent) return true;
  const predictedBoundary = BOUNDARY.exec(predicted);
  const sentBoundary = BOUNDARY.exec(sent);
  if (predictedBoundary === null || sentBoundary === null) return false;
  const [, , expected = ''] = predictedBoundary;
  const [, , actual = ''] = sentBoundary;
  // The standard leaves the boundary to the engine: any boundary agrees with it.
  if (engine === 'standard') return /^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/.test(actual);
  const placeholder = PLACEHOLDER.exec(expected)?.[0] ?? '';
  const prefix = expected.slice(0, expected.length - placeholder.length);
  const random = actual.slice(prefix.length);
  return actual.startsWith(prefix) && random.length <= placeholder.length && /^[0-9A-Za-z]+$/.test(random);
}

/** How often the engine's wire rewrites (src/cors/wire-profiles.ts) decided a header: counted by the runner so a pass says what it rested on. */
export const wireRewritesUsed = new Map<string, number>();

function noteRewrite(engine: Engine, name: string): void {
  const key = `${engine} rewrites ${name} on the wire`;
  wireRewritesUsed.set(key, (wireRewritesUsed.get(key) ?? 0) + 1);
}

/**
 * Mismatches between the predicted header list and the headers the server received, one line each.
 * `callerEntries`, when given, adds: a header the caller set that the prediction drops must not arrive with the caller's value
 * (a browser-owned name such as User-Agent arrives anyway, with the engine's value).
 */
export function compareWireHeaders(
  prediction: Pick<CorsPrediction, 'headers' | 'wireHeaders'> & { engine: Engine },
  wire: readonly (readonly [string, string])[],
  callerEntries: readonly (readonly [string, string])[] = [],
): string[] {
  const found: string[] = [];
  const predicted = group(prediction.wireHeaders ?? prediction.headers);
  if (prediction.wireHeaders !== undefined) {
    const listed = group(prediction.headers);
    for (const [name, values] of predicted) if (listed.get(name)?.join(', ') !== values.join(', ')) noteRewrite(prediction.engine, name);
  }
  const sent = group(wire);
  for (const [name, values] of predicted) {
    const expected = values.join(', ');
    const actual = sent.get(name)?.join(', ');
    if (actual === undefined) found.push(`header ${name}: predicted ${JSON.stringify(expected)}, not sent`);
    else if (!sameValue(expected, actual, prediction.engine)) {
      found.push(`header ${name}: predicted ${JSON.stringify(expected)}, sent ${JSON.stringify(actual)}`);
    }
  }
  for (const [name, values] of sent) {
    if (predicted.has(name) || isBrowserOwned(name)) continue;
    found.push(`header ${name}: not predicted, sent ${JSON.stringify(values.join(', '))}`);
  }
  for (const [rawName, rawValue] of callerEntries) {
    const name = rawName.toLowerCase();
    if (predicted.has(name) || !isBrowserOwned(name)) continue;
    if (sent.get(name)?.some((value) => value === rawValue.trim()) === true)
      found.push(`header ${name}: predicted dropped, sent the caller's ${JSON.stringify(rawValue)}`);
  }
  return found;
}
