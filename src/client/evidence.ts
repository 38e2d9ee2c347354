import type { CorsPrediction } from '../cors/index.js';
import { originOfHref } from '../cors/origin.js';

// What this client instance has already seen succeed, per target origin: the diagnosis of a later failure reads it
// (a preflight that passed before rules the preflight out). Bounded on both axes, oldest dropped first.

/** Origins remembered; the oldest is forgotten first. */
export const EVIDENCE_ORIGINS = 16;
/** Successful call shapes remembered per origin. */
export const EVIDENCE_PER_ORIGIN = 16;

export interface Evidence {
  /** Notes a cross-origin call whose response passed the browser's CORS check. */
  succeeded(prediction: CorsPrediction): void;
  /** The calls to `origin` that succeeded, oldest first. */
  successesAt(origin: string): readonly CorsPrediction[];
}

/** The URL up to the last `/` of its path: calls in one "directory" usually share a server route and its CORS set-up. */
export function directoryOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? url;
  return path.slice(0, path.lastIndexOf('/') + 1);
}

export function createEvidence(): Evidence {
  const byOrigin = new Map<string, Set<CorsPrediction>>();
  let latest: CorsPrediction | undefined;
  return {
    succeeded(prediction) {
      // The hot path: a call repeated (the prediction cache hands back the same object) is already the newest entry.
      if (prediction === latest) return;
      latest = prediction;
      if ((prediction.kind !== 'simple' && prediction.kind !== 'preflight') || prediction.url === null) return;
      const origin = originOfHref(prediction.url);
      let seen = byOrigin.get(origin);
      if (seen === undefined) {
        seen = new Set();
        byOrigin.set(origin, seen);
        if (byOrigin.size > EVIDENCE_ORIGINS) byOrigin.delete(byOrigin.keys().next().value as string);
      }
      // Predictions are cached per URL and shape, so the same object comes back for the same call: re-adding moves it last.
      if (seen.has(prediction)) seen.delete(prediction);
      seen.add(prediction);
      if (seen.size > EVIDENCE_PER_ORIGIN) seen.delete(seen.values().next().value as CorsPrediction);
    },
    successesAt(origin) {
      return [...(byOrigin.get(origin) ?? [])];
    },
  };
}
