import type * as Crosswise from '../../src/index.js';
import { PROBE_PARAM } from './probe-log.js';

// The scripted session: the same calls, through the same client, in Node (over crosswise's model of the browser)
// and in a real page (over the browser's own fetch). The library comes in as a parameter so the page can pass the
// built package and Node the sources; nothing here touches the network except through the client.

export type Library = Pick<
  typeof Crosswise,
  | 'createClient'
  | 'credentialsPolicy'
  | 'jsonpTransport'
  | 'diagnosis'
  | 'minimizePreflights'
  | 'sessionStats'
  | 'getPrediction'
  | 'getTransport'
  | 'isCorsError'
  | 'isCorsPolicyError'
  | 'isCredentialsPolicyError'
>;

export interface SessionEnvironment {
  pageOrigin: string;
  apiOrigin: string;
  engine: Crosswise.Engine;
  /** The fetch to send with: the page's own, or Node's emulation of the browser. */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Where JSONP script tags go (Node: a DOM emulation). */
  document?: Document;
  /** Called with the session's client once it exists: the caller can read its `stats()` afterwards (server-config's input). */
  onClient?: (api: Crosswise.CrosswiseClient & Crosswise.StatsReader) => void;
  /**
   * A run id (word characters and `-`, 6 to 60): call n's URL then carries `_probe=<run>-<n>`, so the API's log
   * (probe-log.ts) tells what reached it for that call alone, and no two calls share a URL (a preflight cached for
   * one cannot hide another's).
   */
  probe?: string;
}

/** One row of the demo's table. */
export interface CallRecord {
  call: string;
  /** e.g. `simple`, `preflight [authorization]`, `rejected`; a JSONP fallback adds `→ JSONP` (`simple → JSONP`). */
  prediction: string;
  /** The codes of the warnings this call raised (each distinct cause is warned about once per client). */
  warnings: string[];
  credentials: string;
  transport: 'fetch' | 'jsonp' | '—';
  /** What happened: the status and a taste of the data, or the error crosswise raised and its first cause. */
  outcome: string;
  ok: boolean;
  /** The call's probe id when the session had a run id: `GET /_seen/<probe>` on the API origin says what reached it. */
  probe?: string;
}

/** A step's client, the one with `minimize` on, and `at`, which tags a path or URL with the call's probe id. */
type Run = (api: Crosswise.CrosswiseClient, minimal: Crosswise.CrosswiseClient, at: (url: string) => string) => Promise<Response>;
type Step = { call: string; run: Run };

const STEPS = (env: SessionEnvironment): Step[] => [
  { call: 'GET /modern/items', run: (api, _, at) => api.get(at('modern/items')) },
  {
    call: 'GET /modern/items + Authorization',
    run: (api, _, at) => api.get(at('modern/items'), { headers: { Authorization: 'Bearer demo' } }),
  },
  { call: 'POST /modern/items (json)', run: (api, _, at) => api.post(at('modern/items'), { json: { name: 'astrolabe' } }) },
  {
    call: 'POST /modern/items (json, minimize)',
    run: (_api, minimal, at) => minimal.post(at('modern/items'), { json: { name: 'astrolabe' } }),
  },
  { call: 'GET /modern/login (sets a cookie)', run: (api, _, at) => api.get(at('modern/login')) },
  { call: 'GET /modern/me (cookie)', run: (api, _, at) => api.get(at('modern/me')) },
  {
    call: 'GET /broken/items + Authorization',
    run: (api, _, at) => api.get(at('broken/items'), { headers: { Authorization: 'Bearer demo' }, credentials: 'omit' }),
  },
  { call: 'GET /broken/me (cookie, * origin)', run: (api, _, at) => api.get(at('broken/me')) },
  {
    call: 'PUT /broken/items/1 (strict)',
    run: (api, _, at) => api.put(at('broken/items/1'), { json: { name: 'x' }, cors: 'strict' }),
  },
  {
    call: 'GET localhost:…/modern/me (include)',
    run: (api, _, at) => api.get(at(`${env.apiOrigin.replace('127.0.0.1', 'localhost')}/modern/me`), { credentials: 'include' }),
  },
  { call: 'GET /legacy/user (fallback JSONP)', run: (api, _, at) => api.get(at('legacy/user?id=7'), { fallback: 'jsonp' }) },
];

/** Appends the probe parameter to a path or URL (its query kept). */
const tagged = (url: string, probe: string): string => `${url}${url.includes('?') ? '&' : '?'}${PROBE_PARAM}=${probe}`;

function describePrediction(prediction: Crosswise.CorsPrediction | undefined): string {
  if (prediction === undefined) return '—';
  return prediction.kind === 'preflight' ? `preflight [${prediction.unsafeHeaders.join(',') || prediction.method}]` : prediction.kind;
}

async function outcomeOf(response: Response): Promise<string> {
  const text = await response.text();
  return `${response.status} ${text.length > 34 ? `${text.slice(0, 33)}…` : text}`.trim();
}

/** Runs every step and reports each call: the prediction, the warnings it raised, and what really happened. */
export async function runSession(lib: Library, env: SessionEnvironment): Promise<CallRecord[]> {
  let warnings: string[] = [];
  const options: Crosswise.ClientOptions & { stats: Crosswise.StatsPlugin } = {
    baseUrl: `${env.apiOrigin}/`,
    origin: env.pageOrigin,
    engine: env.engine,
    retry: 0,
    throwHttpErrors: false,
    credentials: lib.credentialsPolicy({ include: [env.apiOrigin], otherwise: 'omit' }),
    jsonp: lib.jsonpTransport({
      origins: [env.apiOrigin],
      timeout: 5000,
      ...(env.document === undefined ? {} : { document: env.document }),
    }),
    onWarning: (warning) => warnings.push(...warning.reasons.map((reason) => reason.code)),
    ...(env.fetch === undefined ? {} : { fetch: env.fetch }),
    // Over Node's emulation of the browser, a failure is the emulated browser's CORS refusal: diagnose it as in a page.
    diagnose: lib.diagnosis({ browser: true }),
    // The per-endpoint record `crosswise server-config` reads (the demo ends with it).
    stats: lib.sessionStats(),
  };
  const api = lib.createClient(options);
  const minimal = api.extend({ minimize: lib.minimizePreflights({ jsonAsText: true }) });
  env.onClient?.(api);
  const records: CallRecord[] = [];
  for (const [index, step] of STEPS(env).entries()) {
    warnings = [];
    const probe = env.probe === undefined ? undefined : `${env.probe}-${index + 1}`;
    const at = (url: string): string => (probe === undefined ? url : tagged(url, probe));
    let record: Omit<CallRecord, 'warnings'>;
    try {
      const response = await step.run(api, minimal, at);
      const prediction = lib.getPrediction(response);
      const transport = lib.getTransport(response);
      // A fallback's response keeps the prediction for the fetch that failed first; `transport: 'jsonp'` has none.
      const fetched = prediction === undefined ? '' : `${describePrediction(prediction)} → `;
      record = {
        call: step.call,
        prediction: transport === 'jsonp' ? `${fetched}JSONP` : describePrediction(prediction),
        credentials: prediction?.credentials ?? '—',
        transport,
        outcome: await outcomeOf(response),
        ok: response.ok,
      };
    } catch (error) {
      const prediction = typeof error === 'object' && error !== null ? lib.getPrediction(error) : undefined;
      const sent = lib.isCorsError(error);
      const detail = lib.isCorsError(error)
        ? `CorsError (${error.causes[0]?.confidence ?? 'possible'}): ${error.causes[0]?.message ?? ''}`
        : error instanceof Error
          ? `${error.name}: ${error.message}`
          : String(error);
      record = {
        call: step.call,
        prediction: describePrediction(prediction),
        credentials: prediction?.credentials ?? '—',
        transport: sent ? 'fetch' : '—',
        outcome: detail,
        ok: false,
      };
    }
    records.push({ ...record, warnings: [...new Set(warnings)], ...(probe === undefined ? {} : { probe }) });
  }
  return records;
}
