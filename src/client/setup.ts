import { detectEngine } from '../cors/index.js';
import { CLIENT_DEFAULTS } from './defaults.js';
import { createDiagnosis, type Diagnose } from './diagnosis.js';
import { createEvidence } from './evidence.js';
import { headerReadWatch } from './header-reads.js';
import { validateOptions, type CrosswiseOptions } from './options.js';
import { createStats, type ClientStats } from './stats.js';
import type { SendingFetch, TransportConfig } from './transport.js';
import { consoleWarning, createWarner } from './warnings.js';

// What every surface of crosswise builds from its options before the first call: createClient (on ky) and createFetch
// (a bare fetch) both call this, so an option means the same, and fails validation the same way, in both.

/** The per-instance machinery: what the transport needs, the diagnosis of a network failure, and the stats. */
export interface ClientCore {
  config: TransportConfig;
  /** Turns a network failure into a CorsError in a browser (evidence-ranked causes); returns it unchanged elsewhere. */
  diagnose: Diagnose;
  stats: () => ClientStats;
}

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
  const maxAge = own.preflightMaxAge;
  const stats = createStats(
    own.engine ?? detectEngine(),
    (origin) => (maxAge === undefined ? undefined : String(typeof maxAge === 'number' ? maxAge : (maxAge[origin] ?? ''))),
    own.clock ?? (() => performance.now()),
    own.stats,
  );
  const evidence = createEvidence();
  const warn = createWarner(own.onWarning ?? consoleWarning);
  // Opt-ins that watch which response headers the app reads; without them a response costs one call here.
  const watch = headerReadWatch({
    hiddenHeaders: own.diagnose?.hiddenHeaders === true,
    record: own.stats?.responseHeaders === true ? stats.read : undefined,
    warn,
  });
  const config: TransportConfig = {
    origin: own.origin,
    engine: own.engine,
    cors: own.cors ?? CLIENT_DEFAULTS.cors,
    allowPreflight: own.allowPreflight ?? CLIENT_DEFAULTS.allowPreflight,
    warn,
    credentials: typeof own.credentials === 'object' ? own.credentials : undefined,
    record: stats.record,
    minimize: own.minimize,
    jsonp: own.jsonp,
    // Looked up at each call: a test or polyfill may replace the global fetch after the client was made.
    fetch: (request, init) => (send ?? globalThis.fetch)(request, init),
    received:
      watch === undefined
        ? (_response, prediction) => evidence.succeeded(prediction)
        : (response, prediction) => {
            evidence.succeeded(prediction);
            watch(response, prediction);
          },
  };
  const diagnose = createDiagnosis(own.diagnose ?? {}, evidence, (request) => config.fetch(request));
  return { config, diagnose, stats: stats.snapshot };
}
