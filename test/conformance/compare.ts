import { predictCors, type CorsPrediction, type Engine } from '../../src/cors/index.js';
import { toFetchArgs, type Shape } from './fetch-args.js';
import type { ObservedRun, Observation } from './observe.js';

/** One shape where the prediction and the engine part ways: printed with both answers. */
export interface Disagreement {
  shape: Shape;
  predicted: Pick<CorsPrediction, 'kind' | 'unsafeHeaders'> & { codes: string[] };
  observed: Pick<Observation, 'preflight' | 'accessControlRequestHeaders' | 'refused' | 'errorName' | 'errorMessage'>;
}

export function predictShape(shape: Shape, run: { engine: Engine } & Pick<ObservedRun, 'pageOrigin' | 'otherOrigin'>): CorsPrediction {
  const url = `${shape.sameOrigin === true ? run.pageOrigin : run.otherOrigin}/probe/compare/${shape.id}`;
  const [input, init] = toFetchArgs(shape, url);
  return predictCors(input, init, { origin: run.pageOrigin, engine: run.engine });
}

/** The three things the browser is judged on: OPTIONS or not, the Access-Control-Request-Headers list, refusal. */
export function agrees(prediction: Pick<CorsPrediction, 'kind' | 'preflight' | 'unsafeHeaders'>, observation: Observation): boolean {
  if ((prediction.kind === 'rejected') !== observation.refused) return false;
  if (prediction.kind === 'rejected') return true;
  if (prediction.preflight !== observation.preflight) return false;
  return prediction.unsafeHeaders.join(',') === (observation.accessControlRequestHeaders ?? '');
}

export function compareRun(run: ObservedRun, shapes: readonly Shape[]): { total: number; disagreements: Disagreement[] } {
  const disagreements: Disagreement[] = [];
  for (const shape of shapes) {
    const observation = run.observations.get(shape.id);
    if (observation === undefined) throw new Error(`${run.engine}: no observation for ${shape.id}`);
    const prediction = predictShape(shape, run);
    if (!agrees(prediction, observation)) {
      disagreements.push({
        shape,
        predicted: { kind: prediction.kind, unsafeHeaders: prediction.unsafeHeaders, codes: prediction.reasons.map((reason) => reason.code) },
        observed: {
          preflight: observation.preflight,
          accessControlRequestHeaders: observation.accessControlRequestHeaders,
          refused: observation.refused,
          ...(observation.errorName === undefined ? {} : { errorName: observation.errorName }),
          ...(observation.errorMessage === undefined ? {} : { errorMessage: observation.errorMessage }),
        },
      });
    }
  }
  return { total: shapes.length, disagreements };
}

export function formatDisagreement(engine: string, { shape, predicted, observed }: Disagreement): string {
  const said = `${predicted.kind} [${predicted.unsafeHeaders.join(',')}] (${predicted.codes.join(' ')})`;
  const saw = observed.refused
    ? `refused (${observed.errorName ?? ''}: ${observed.errorMessage ?? ''})`
    : `${observed.preflight ? 'preflight' : 'no preflight'} [${observed.accessControlRequestHeaders ?? ''}]`;
  return `${engine} ${shape.id} ${shape.title ?? ''}\n    predicted: ${said}\n    observed:  ${saw}`;
}
