/** True when dist/ was built after the last change to any input. */
export function distIsFresh(): boolean;
/** Builds dist/ if it is stale; returns whether it built. */
export function buildIfStale(): boolean;
