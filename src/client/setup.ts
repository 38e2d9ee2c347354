import { detectEngine, type CorsPrediction } from '../cors/index.js';
import { CorsError } from '../errors/cors-error.js';
import { CLIENT_DEFAULTS } from './defaults.js';
import { isBrowserContext } from './environment.js';
import { validateOptions, type CrosswiseOptions } from './options.js';
import type {
  CredentialsPluginCode,
  Diagnose,
  DiagnosisPluginCode,
  JsonpPluginCode,
  MinimizePluginCode,
  StatsPluginCode,
} from './plugins.js';
import type { ClientStats } from './stats.js';
import type { SendingFetch, TransportConfig } from './transport.js';
import { consoleWarning, createWarner } from './warnings.js';
import { statsPluginRequired } from './words.js';

// What every surface of crosswise builds from its options before the first call: createClient (on ky) and createFetch
// (a bare fetch) both call this, so an option (and a plugin) means the same, and fails validation the same way, in both.

/** The per-instance machinery: what the transport needs, the diagnosis of a network failure, and the stats. */
export interface ClientCore {
  config: TransportConfig;
  /** Turns a network failure into a CorsError in a browser; returns it unchanged elsewhere. */
  diagnose: Diagnose;
  /** The stats plugin's reader, or one that throws (saying so) when the client has no stats plugin. */
  stats: () => ClientStats;
}

type Received = (response: Response, prediction: CorsPrediction) => void;

/** Both plugins' views of a response, or the one there is: without either, the transport calls nothing. */
function inTurn(first: Received | undefined, second: Received | undefined): Received | undefined {
  if (first === undefined || second === undefined) return first ?? second;
  return (response, prediction) => {
    first(response, prediction);
    second(response, prediction);
  };
}

/** `stats()` of a client without `sessionStats()`: nothing was recorded, and an empty record would be a lie. */
const unrecorded = (): ClientStats => {
  throw new TypeError(statsPluginRequired());
};

/**
 * Without the diagnosis plugin: in a browser, a cross-origin network failure is still named a CorsError (what it
 * most likely is), with no ranked causes; anywhere else it stays the platform's error, as there is no CORS there.
 */
const undiagnosed: Diagnose = async (error, request, prediction) =>
  (prediction.kind === 'simple' || prediction.kind === 'preflight') && isBrowserContext()
    ? new CorsError(request, prediction, [], error)
    : error;

/**
 * Validates `options` (all of them: a credentials mode string rides with fetch's options and must fail here, not at
 * the first call) and builds the transport's configuration over `send`, the caller's fetch if any.
 */
export function createCore(
  own: CrosswiseOptions,
  send: SendingFetch | undefined,
  options: CrosswiseOptions & Record<string, unknown>,
): ClientCore {
  validateOptions(options);
  const warn = createWarner(own.onWarning ?? consoleWarning);
  // Looked up at each call: a test or polyfill may replace the global fetch after the client was made.
  const fetch: SendingFetch = (request, init) => (send ?? globalThis.fetch)(request, init);
  // Validation let only the plugins the factories made through: each carries the code the core calls.
  const session = (own.diagnose as DiagnosisPluginCode | undefined)?.start((request) => fetch(request), warn);
  // Each client keeps its own record; without the plugin no call is recorded, and none pays for it.
  const stats = (own.stats as StatsPluginCode | undefined)?.start(own.engine ?? detectEngine());
  const config: TransportConfig = {
    origin: own.origin,
    engine: own.engine,
    cors: own.cors ?? CLIENT_DEFAULTS.cors,
    allowPreflight: own.allowPreflight ?? CLIENT_DEFAULTS.allowPreflight,
    warn,
    credentials: typeof own.credentials === 'object' ? (own.credentials as CredentialsPluginCode) : undefined,
    record: stats?.record,
    minimize: own.minimize as MinimizePluginCode | undefined,
    jsonp: own.jsonp as JsonpPluginCode | undefined,
    fetch,
    received: inTurn(session?.received, stats?.received),
  };
  return { config, diagnose: session?.diagnose ?? undiagnosed, stats: stats?.snapshot ?? unrecorded };
}
