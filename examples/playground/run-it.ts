import {
  createClient,
  getPrediction,
  getTransport,
  isCorsError,
  isCorsPolicyError,
  isCredentialsPolicyError,
  predictCors,
  type CallOptions,
  type CorsCause,
  type CorsPrediction,
  diagnosis,
} from 'crosswise';
import { PROBE_PARAM, type SeenRequest } from '../demo/probe-log.js';
import { buildRequest, type PlaygroundInput } from './request.js';

// "Run it": the call from this page, through the crosswise client where it can carry it, then the demo API's own
// account of what reached it (the page never sees its preflight; the server does).

const SHORTCUTS = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete', HEAD: 'head' } as const;

export type Outcome =
  | { ok: true; status: number; body: string }
  | { ok: false; error: string; message: string; details: string[]; causes?: readonly CorsCause[] };

export interface RunReport {
  url: string;
  /** Who sent it: the crosswise client, the page's own fetch (and why) where the client cannot carry the call as typed, or nobody (and why). */
  sender: { by: 'client' } | { by: 'fetch'; why: string } | { by: 'nobody'; why: string };
  /** What the sender predicted for the exact request it built (the client: for ky's final Request). */
  prediction: CorsPrediction | undefined;
  transport: 'fetch' | 'jsonp' | '—';
  warnings: string[];
  outcome: Outcome;
  /** What the demo API saw for this run, or null when the URL is not on it (or it could not be asked). */
  seen: SeenRequest[] | null;
}

function probeId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

// A unique URL a run: the browser's preflight cache (5 s without max-age) would otherwise hide a repeat's OPTIONS.
function withProbe(url: string, id: string): string {
  try {
    const parsed = new URL(url);
    parsed.searchParams.set(PROBE_PARAM, id);
    return parsed.href;
  } catch {
    return url; // the verdict already says why fetch() refuses it
  }
}

function senderFor(init: RequestInit & { duplex?: 'half' }): RunReport['sender'] {
  if (init.duplex === 'half')
    return { by: 'fetch', why: "the client judges ky's final Request, whose body no longer shows that it is a stream" };
  if (!Object.hasOwn(SHORTCUTS, init.method ?? 'GET'))
    return { by: 'fetch', why: `the client has no shortcut for ${init.method ?? ''} (ky upper-cases the six standard methods)` };
  return { by: 'client' };
}

const cut = (text: string): string => (text.length > 160 ? `${text.slice(0, 159)}…` : text);

function failure(error: unknown): Outcome {
  if (isCorsError(error))
    return {
      ok: false,
      error: error.name,
      message: error.message,
      details: error.causes.map((cause) => cause.message),
      causes: error.causes,
    };
  if (isCorsPolicyError(error))
    return {
      ok: false,
      error: error.name,
      message: error.message,
      details: error.reasons.map((reason) => `${reason.message}${reason.fix === undefined ? '' : ` — fix: ${reason.fix}`}`),
    };
  if (isCredentialsPolicyError(error) || error instanceof Error)
    return { ok: false, error: error.name, message: error.message, details: [] };
  return { ok: false, error: 'Error', message: String(error), details: [] };
}

async function askServer(apiOrigin: string, id: string): Promise<SeenRequest[] | null> {
  try {
    const response = await fetch(`${apiOrigin}/_seen/${id}`, { credentials: 'omit', cache: 'no-store' });
    return ((await response.json()) as { seen: SeenRequest[] }).seen;
  } catch {
    return null;
  }
}

/** Sends the call once and reports the prediction, the outcome, and what the demo API saw. */
export async function runIt(input: PlaygroundInput, apiOrigin: string): Promise<RunReport> {
  const built = buildRequest(input);
  // The verdict shows no verdict for such a form: Run it sends nothing either, rather than the lines it could read.
  if (built.problems.length > 0) {
    const outcome: Outcome = {
      ok: false,
      error: 'MalformedInput',
      message: 'nothing sent: the form does not describe one call',
      details: built.problems,
    };
    return {
      url: built.url,
      sender: { by: 'nobody', why: 'the input is malformed' },
      prediction: undefined,
      transport: '—',
      warnings: [],
      outcome,
      seen: null,
    };
  }
  const id = probeId();
  const url = withProbe(built.url, id);
  const sender = senderFor(built.init);
  const warnings: string[] = [];
  // The engine is left to the client: it detects the browser running this page, whose behaviour the run shows.
  // The demo's page server mounts the dev probe (crosswise/dev): a blocked call's first cause comes back confirmed.
  const client = createClient({
    origin: location.origin,
    cors: input.cors,
    diagnose: diagnosis({ probe: '/__crosswise/probe' }),
    retry: 0,
    timeout: 10_000,
    throwHttpErrors: false,
    onWarning: (warning) => warnings.push(...warning.reasons.map((reason) => reason.code)),
  });
  let prediction: CorsPrediction | undefined =
    sender.by === 'fetch' ? predictCors(url, built.init, { origin: location.origin }) : undefined;
  let transport: RunReport['transport'] = '—';
  let outcome: Outcome;
  try {
    const method = SHORTCUTS[(built.init.method ?? 'GET') as keyof typeof SHORTCUTS];
    const response = sender.by === 'fetch' ? await fetch(url, built.init) : await client[method](url, built.init as CallOptions);
    prediction ??= getPrediction(response);
    transport = sender.by === 'fetch' ? 'fetch' : getTransport(response);
    outcome = { ok: true, status: response.status, body: cut(await response.text()) };
  } catch (error) {
    prediction ??= typeof error === 'object' && error !== null ? getPrediction(error) : undefined;
    transport = isCorsError(error) || (sender.by === 'fetch' && prediction?.kind !== 'rejected') ? 'fetch' : '—';
    outcome = failure(error);
  }
  const onApi = URL.canParse(url) && new URL(url).origin === apiOrigin;
  return {
    url,
    sender,
    prediction,
    transport,
    warnings: [...new Set(warnings)],
    outcome,
    seen: onApi ? await askServer(apiOrigin, id) : null,
  };
}
