import type { CorsPrediction } from '../cors/index.js';
import type { CallFacts } from '../client/predictions.js';

// undici builds a Request in ~15 µs (Node 20), five times all the rest of a call's work. A repeated plain call (an
// absolute URL, no init but a signal) that the transport already judged once, with nothing to enforce, warn or
// rewrite, is sent as it came: its prediction is the one this memo kept, and no Request is built for it.

/** URLs remembered; the oldest is forgotten first. */
const LIMIT = 256;

/** The facts of a remembered call: one frozen object, recorded on every response of that call, so a repeat allocates none. */
export type RepeatFacts = Readonly<CallFacts> & { readonly prediction: CorsPrediction };

export interface RepeatMemo {
  /** The facts of a plain call to `url` that passed every policy untouched, if one was seen. */
  get(url: string): RepeatFacts | undefined;
  set(url: string, prediction: CorsPrediction): void;
}

export function createRepeatMemo(): RepeatMemo {
  const byUrl = new Map<string, RepeatFacts>();
  return {
    get: (url) => byUrl.get(url),
    set(url, prediction) {
      byUrl.set(url, Object.freeze({ prediction }));
      if (byUrl.size > LIMIT) byUrl.delete(byUrl.keys().next().value as string);
    },
  };
}

/** The memo's key for a call, or undefined when the call is not plain: relative URLs resolve against a location that moves. */
export function plainCallKey(input: RequestInfo | URL, init: RequestInit | undefined): string | undefined {
  if (init !== undefined) {
    for (const key in init) if (key !== 'signal') return undefined;
  }
  if (typeof input === 'string') return input.startsWith('https://') || input.startsWith('http://') ? input : undefined;
  return input instanceof URL ? input.href : undefined;
}
