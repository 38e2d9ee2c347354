import { predictCors, type CorsPrediction, type Engine } from '../../src/cors/index.js';
import { toFetchArgs, type Shape } from './fetch-args.js';
import type { ObservedRun, Observation } from './observe.js';
import { compareWireHeaders } from './wire-headers.js';

/** One shape where the prediction and the engine part ways: printed with both answers and every mismatch. */
export interface Disagreement {
  shape: Shape;
  predicted: Pick<CorsPrediction, 'kind' | 'unsafeHeaders' | 'headers'> & { codes: string[] };
  observed: Pick<
    Observation,
    'outcome' | 'elapsedMs' | 'preflight' | 'accessControlRequestHeaders' | 'actual' | 'errorName' | 'errorMessage'
  >;
  /** What differs, one line each (the outcome, the preflight, Access-Control-Request-Headers, each wire header). */
  mismatches: string[];
}

/** The part of a prediction the comparison judges. */
export type JudgedPrediction = Pick<CorsPrediction, 'kind' | 'preflight' | 'unsafeHeaders' | 'headers' | 'wireHeaders'> & {
  engine: Engine;
};

export function predictShape(shape: Shape, run: { engine: Engine } & Pick<ObservedRun, 'pageOrigin' | 'otherOrigin'>): CorsPrediction {
  const url = `${shape.sameOrigin === true ? run.pageOrigin : run.otherOrigin}/probe/compare/${shape.id}`;
  const [input, init] = toFetchArgs(shape, url);
  return predictCors(input, init, { origin: run.pageOrigin, engine: run.engine });
}

/**
 * How the engine's verdict differs from the prediction's; empty when they agree. Judged, in order:
 * - the outcome: a refusal (the Request constructor threw, or fetch rejected before the harness's timer with nothing
 *   reaching a server) against a `rejected` prediction; a timeout is the harness failing and never agrees;
 * - OPTIONS or not, and the exact Access-Control-Request-Headers list.
 * docs/engines.md lists the shapes where the engines' verdicts part from the standard's with this alone: header values
 * on the wire (a random boundary, an engine's re-serialised Range) are not a verdict.
 */
export function verdictMismatches(prediction: JudgedPrediction, observation: Observation): string[] {
  if (observation.outcome === 'timeout')
    return [`the harness timed out after ${observation.elapsedMs} ms: no verdict (a failure of the harness, not a refusal)`];
  const refused = observation.outcome === 'refused';
  if ((prediction.kind === 'rejected') !== refused) {
    return [
      `predicted ${prediction.kind}, the engine ${refused ? 'refused' : observation.outcome === 'rejected-after-sending' ? 'sent the request, then rejected' : 'sent it'}`,
    ];
  }
  if (prediction.kind === 'rejected') return [];
  const found: string[] = [];
  if (prediction.preflight !== observation.preflight)
    found.push(`predicted ${prediction.preflight ? '' : 'no '}preflight, the server saw ${observation.preflight ? 'an' : 'no'} OPTIONS`);
  const listed = prediction.unsafeHeaders.join(',');
  if (observation.preflight && listed !== (observation.accessControlRequestHeaders ?? '')) {
    found.push(`Access-Control-Request-Headers: predicted "${listed}", sent "${observation.accessControlRequestHeaders ?? ''}"`);
  }
  return found;
}

/**
 * Every way the engine's behaviour differs from the prediction: the verdict ({@link verdictMismatches}), then the
 * header list of the request that reached the wire against `prediction.headers` (see wire-headers.ts). `shape` adds one
 * check: a header the caller set and the prediction drops must not reach the wire with the caller's value.
 */
export function mismatches(prediction: JudgedPrediction, observation: Observation, shape?: Shape): string[] {
  const found = verdictMismatches(prediction, observation);
  if (prediction.kind === 'rejected' || observation.outcome === 'timeout' || observation.outcome === 'refused') return found;
  if (observation.actual === null) {
    if (observation.outcome === 'response') found.push('fetch resolved but no request reached a server');
    return found;
  }
  found.push(...compareWireHeaders(prediction, observation.actual.headers, shape?.headers?.entries ?? []));
  return found;
}

/** True when the engine did what the prediction says, header list included (see {@link mismatches}). */
export function agrees(prediction: JudgedPrediction, observation: Observation, shape?: Shape): boolean {
  return mismatches(prediction, observation, shape).length === 0;
}

export function compareRun(run: ObservedRun, shapes: readonly Shape[]): { total: number; disagreements: Disagreement[] } {
  const disagreements: Disagreement[] = [];
  for (const shape of shapes) {
    const observation = run.observations.get(shape.id);
    if (observation === undefined) throw new Error(`${run.engine}: no observation for ${shape.id}`);
    const prediction = predictShape(shape, run);
    const found = mismatches(prediction, observation, shape);
    if (found.length > 0) {
      disagreements.push({
        shape,
        predicted: {
          kind: prediction.kind,
          unsafeHeaders: prediction.unsafeHeaders,
          headers: prediction.headers,
          codes: prediction.reasons.map((reason) => reason.code),
        },
        observed: observation,
        mismatches: found,
      });
    }
  }
  return { total: shapes.length, disagreements };
}

export function formatDisagreement(engine: string, { shape, predicted, observed, mismatches: found }: Disagreement): string {
  const said = `${predicted.kind} [${predicted.unsafeHeaders.join(',')}] (${predicted.codes.join(' ')})`;
  const saw =
    observed.outcome === 'refused' || observed.outcome === 'timeout'
      ? `${observed.outcome} after ${observed.elapsedMs} ms (${observed.errorName ?? ''}: ${observed.errorMessage ?? ''})`
      : `${observed.preflight ? 'preflight' : 'no preflight'} [${observed.accessControlRequestHeaders ?? ''}]`;
  return [
    `${engine} ${shape.id} ${shape.title ?? ''}`,
    `    predicted: ${said}`,
    `    observed:  ${saw}`,
    ...found.map((line) => `    - ${line}`),
  ].join('\n');
}
