import { reasonWords } from './words.js';
import type { Reason, ReasonCode, ReasonData, ReasonSeverity } from './types.js';

// What a reason means for the call is a fact of its code, the same in every build; its words come from the one
// formatter (./words.ts), which the production build swaps for codes and docs links.

// The codes that only add a preflight, and the notes that change nothing: every other code refuses the call. A table
// looked up by code, not lists searched: the severity of every reason of every call is read here.
const SEVERITY: Readonly<Partial<Record<ReasonCode, ReasonSeverity>>> = Object.freeze({
  method_not_safelisted: 'preflight',
  header_not_safelisted: 'preflight',
  safelist_size_exceeded: 'preflight',
  stream_body: 'preflight',
  stream_needs_http2: 'info',
  stream_stringified: 'info',
  forbidden_header_dropped: 'info',
  no_cors_header_dropped: 'info',
  origin_unknown: 'info',
  request_body_opaque: 'info',
});

function severity(code: ReasonCode): ReasonSeverity {
  return SEVERITY[code] ?? 'reject';
}

/**
 * Completes reason data into a full reason in place: severity, message and fix derived from the code, added to the
 * object itself. For data made for one prediction (predict.ts builds each reason's data per call): no copy is made.
 */
export function completeReason(data: ReasonData): Reason {
  const words = reasonWords(data);
  const reason = data as Reason;
  reason.severity = severity(data.code);
  reason.message = words.message;
  if (words.fix !== undefined) reason.fix = words.fix;
  return reason;
}

/** Turns reason data into a full reason: severity, message and fix derived from the code. The data is not changed. */
export function toReason(data: ReasonData): Reason {
  return completeReason({ ...data });
}
