import type { CorsPrediction } from '../cors/index.js';
import { CorsError } from '../errors/cors-error.js';
import { CLIENT_DEFAULTS } from './defaults.js';
import { askProbe } from './dev-probe.js';
import { rankCauses } from './diagnose.js';
import { isBrowserContext } from './environment.js';
import { originOfHref } from '../cors/origin.js';
import type { Evidence } from './evidence.js';
import type { DiagnoseOptions } from './options.js';
import { checkReachable } from './reachability.js';

// Turns a network failure into what it is: in a browser, a CorsError whose causes are ranked by the evidence at hand;
// anywhere else, ky's own NetworkError, since there is no CORS outside a browser.

type Fetch = (input: Request) => Promise<Response>;

export type Diagnose = (error: Error, request: Request, prediction: CorsPrediction) => Promise<Error>;

export function createDiagnosis(options: DiagnoseOptions, evidence: Evidence, fetch: Fetch): Diagnose {
  const timeout = options.timeout ?? CLIENT_DEFAULTS.diagnoseTimeoutMs;
  return async (error, request, prediction) => {
    if (!(options.browser ?? isBrowserContext())) return error;
    if ((prediction.kind !== 'simple' && prediction.kind !== 'preflight') || prediction.url === null) return error;
    const origin = originOfHref(prediction.url);
    const [probed, reachable] = await Promise.all([
      options.probe === undefined ? undefined : askProbe(options.probe, prediction, fetch, timeout),
      options.reachability === true ? checkReachable(origin, fetch, timeout) : undefined,
    ]);
    const causes = rankCauses(prediction, { successes: evidence.successesAt(origin), reachable, probed });
    return new CorsError(request, prediction, causes, error, { serverAnswered: reachable ?? null });
  };
}
