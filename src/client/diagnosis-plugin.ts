import type { CorsPrediction } from '../cors/index.js';
import { CorsError } from '../errors/cors-error.js';
import { CLIENT_DEFAULTS } from './defaults.js';
import { askProbe } from './dev-probe.js';
import { rankCauses } from './diagnose.js';
import { isBrowserContext } from './environment.js';
import { originOfHref } from '../cors/origin.js';
import { createEvidence } from './evidence.js';
import { watchHiddenHeaders } from './hidden-headers.js';
import { PLUGIN, type DiagnosisOptions, type DiagnosisPlugin, type DiagnosisPluginCode } from './plugins.js';
import type { Warner } from './warnings.js';
import { badOption } from './words.js';
import { checkReachable } from './reachability.js';

// Turns a network failure into what it is: in a browser, a CorsError whose causes are ranked by the evidence at hand;
// anywhere else, the platform's own error, since there is no CORS outside a browser.

function validate(value: unknown): asserts value is DiagnosisOptions {
  if (typeof value !== 'object' || value === null)
    throw new TypeError(badOption('diagnosis', 'takes { browser?, reachability?, probe?, timeout?, hiddenHeaders? }'));
  const diagnose = value as Record<string, unknown>;
  for (const key of ['browser', 'reachability', 'hiddenHeaders']) {
    if (diagnose[key] !== undefined && typeof diagnose[key] !== 'boolean')
      throw new TypeError(badOption(`diagnose.${key}`, `must be a boolean`));
  }
  if (diagnose['probe'] !== undefined && (typeof diagnose['probe'] !== 'string' || diagnose['probe'] === ''))
    throw new TypeError(badOption('diagnose.probe', 'must be the URL of the dev probe handler'));
  const timeout = diagnose['timeout'];
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0))
    throw new RangeError(badOption('diagnose.timeout', 'must be a positive number of milliseconds'));
}

/**
 * The evidence-ranked diagnosis of failed cross-origin calls, as a plugin for the `diagnose` option of `createClient`
 * and `createFetch`. In a browser a network failure becomes a `CorsError` whose `causes` are ranked by what is known:
 * the call's prediction, the calls the client saw succeed at the same origin, and, when asked for, a reachability
 * check or the dev probe's reading of the server. Without this plugin, a browser's network failure is a `CorsError`
 * with no causes (docs/diagnosis.md). Throws a TypeError naming the field when an option is malformed.
 * @example
 * const api = createClient({ diagnose: diagnosis({ probe: '/__crosswise/probe', hiddenHeaders: true }) });
 */
export function diagnosis(options: DiagnosisOptions = {}): DiagnosisPlugin {
  // Copied first, then checked, then frozen: getters or a Proxy read twice could show the check one value and keep another.
  const copy: DiagnosisOptions = typeof options === 'object' && options !== null ? { ...options } : options;
  validate(copy);
  const frozen: DiagnosisOptions = Object.freeze(copy);
  const timeout = frozen.timeout ?? CLIENT_DEFAULTS.diagnoseTimeoutMs;
  return Object.freeze({
    [PLUGIN]: 'diagnose' as const,
    options: frozen,
    start(fetch: (request: Request) => Promise<Response>, warn: Warner) {
      const evidence = createEvidence();
      const watchHidden = frozen.hiddenHeaders === true ? watchHiddenHeaders(warn) : undefined;
      return {
        received(response: Response, prediction: CorsPrediction) {
          evidence.succeeded(prediction);
          watchHidden?.(response, prediction);
        },
        async diagnose(error: Error, request: Request, prediction: CorsPrediction): Promise<Error> {
          if (!(frozen.browser ?? isBrowserContext())) return error;
          if ((prediction.kind !== 'simple' && prediction.kind !== 'preflight') || prediction.url === null) return error;
          const origin = originOfHref(prediction.url);
          const [probed, reachable] = await Promise.all([
            frozen.probe === undefined ? undefined : askProbe(frozen.probe, prediction, fetch, timeout),
            frozen.reachability === true ? checkReachable(origin, fetch, timeout) : undefined,
          ]);
          const causes = rankCauses(prediction, { successes: evidence.successesAt(origin), reachable, probed });
          return new CorsError(request, prediction, causes, error, { serverAnswered: reachable ?? null });
        },
      };
    },
  } satisfies DiagnosisPluginCode);
}
