import type { Reason } from '../cors/index.js';
import type { AllowPreflight } from './options.js';

const NONE: readonly Reason[] = Object.freeze([]);

/** The causes of a verdict that `allow` does not cover. Refusals are never covered: the browser decides those. */
export function uncoveredCauses(reasons: readonly Reason[], allow: AllowPreflight): readonly Reason[] {
  // Most calls are simple: no cause at all, and nothing to allocate on the per-call path.
  if (reasons.every((reason) => reason.severity === 'info')) return NONE;
  const causes = reasons.filter((reason) => reason.severity !== 'info');
  if (allow === true) return causes.filter((reason) => reason.severity === 'reject');
  if (allow === false) return causes;
  const methods = new Set((allow.methods ?? []).map((method) => method.toUpperCase()));
  const headers = new Set((allow.headers ?? []).map((header) => header.toLowerCase()));
  return causes.filter((reason) => {
    if (reason.code === 'method_not_safelisted') return !methods.has(reason.method.toUpperCase());
    if (reason.code === 'header_not_safelisted') return !headers.has(reason.header);
    return true;
  });
}
