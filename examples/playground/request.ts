import type { Engine } from 'crosswise/cors';

// The form as plain strings, and the one place that turns it into what fetch() takes. Pure (no DOM), so the
// verdict and "run it" judge and send the very same call, and a test can check the parsing in Node.

export type BodyType = 'none' | 'text' | 'json' | 'urlencoded' | 'form-data' | 'stream';

/** Every field of the playground's form. */
export interface PlaygroundInput {
  url: string;
  method: string;
  /** One `Name: value` a line; repeated names stay repeated (Firefox lists each in Access-Control-Request-Headers). */
  headers: string;
  bodyType: BodyType;
  body: string;
  credentials: RequestCredentials;
  mode: RequestMode;
  engine: Engine | 'detected';
  /** What the server answers in Access-Control-Max-Age, for the preflight cache. */
  maxAge: string;
  /** The client's `cors` option when the call is run. */
  cors: 'warn' | 'strict';
}

/** The call as fetch() takes it, and what could not be read from the form. */
export interface BuiltRequest {
  url: string;
  init: RequestInit & { duplex?: 'half' };
  problems: string[];
}

export function parseHeaderLines(text: string): { headers: [string, string][]; problems: string[] } {
  const headers: [string, string][] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    if (colon <= 0) problems.push(`header line ${index + 1} is not “Name: value”: ${line}`);
    // Names and values go to fetch() as typed, apart from the space around them; an invalid name is the verdict's to report.
    else headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return { headers, problems };
}

function formData(text: string): FormData {
  const data = new FormData();
  for (const line of text.split(/\r?\n/).filter((entry) => entry.trim() !== '')) {
    const equals = line.indexOf('=');
    data.append(equals < 0 ? line : line.slice(0, equals), equals < 0 ? '' : line.slice(equals + 1));
  }
  return data;
}

function stream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

const BODIES: Readonly<Record<BodyType, (text: string) => BodyInit | undefined>> = {
  none: () => undefined,
  text: (text) => text,
  json: (text) => text,
  urlencoded: (text) => new URLSearchParams(text),
  'form-data': formData,
  stream,
};

/** A fresh call on every use: a stream body can be read only once. */
export function buildRequest(input: PlaygroundInput): BuiltRequest {
  const { headers, problems } = parseHeaderLines(input.headers);
  // ky's `json:` sets Content-Type: application/json unless one is set; the JSON body type shows what that costs.
  if (input.bodyType === 'json' && !headers.some(([name]) => name.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', 'application/json']);
  const init: BuiltRequest['init'] = { headers, credentials: input.credentials, mode: input.mode };
  const method = input.method.trim();
  if (method !== '') init.method = method;
  const body = BODIES[input.bodyType](input.body);
  if (body !== undefined) init.body = body;
  if (input.bodyType === 'stream') init.duplex = 'half';
  return { url: input.url.trim(), init, problems };
}
