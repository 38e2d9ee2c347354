// The callback's global slot: held by one load at a time (a fixed callbackName cannot be clobbered), a harmless
// no-op once the load has settled (a late or second call must never throw a ReferenceError), deleted when the
// script can no longer run.
type Slots = Record<string, unknown>;

/** Installs `callback` as `win[name]`; false when the slot is taken (another load, or its late script). */
export function claim(win: object, name: string, callback: (data: unknown) => void): boolean {
  if ((win as Slots)[name] !== undefined) return false;
  (win as Slots)[name] = callback;
  return true;
}

/** Leaves a no-op in the slot for calls that come after the load settled. */
export function neuter(win: object, name: string): void {
  (win as Slots)[name] = () => undefined;
}

export function release(win: object, name: string): void {
  delete (win as Slots)[name];
}
