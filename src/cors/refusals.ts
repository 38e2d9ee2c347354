import type { ReasonCode, ReasonData } from './types.js';

// The refusals `new Request(input, init)` itself throws for: the call is malformed, in every engine that predicts the
// reason. Every other `reject` reason is fetch() refusing a well-formed Request (a scheme, a blob: URL, the keepalive
// budget, a mode that does not fit the target), which rejects the promise instead. https://fetch.spec.whatwg.org/#dom-request
const CONSTRUCTOR_CODES: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'invalid_input', // a WebIDL conversion, or a getter that threw
  'invalid_option', // an enumerated member outside its values
  'invalid_url',
  'url_has_credentials',
  'window_not_null',
  'invalid_referrer',
  'invalid_mode',
  'only_if_cached',
  'invalid_method',
  'forbidden_method',
  'no_cors_method',
  'invalid_header_name',
  'invalid_header_value',
  'body_not_allowed',
  'body_unusable',
  'stream_without_duplex',
]);

/**
 * Whether `new Request(input, init)` throws for this reason (the call is malformed) rather than fetch() rejecting later.
 *
 * @example
 * refusedByRequestConstructor({ code: 'forbidden_method', method: 'TRACE' }) // → true
 * refusedByRequestConstructor({ code: 'keepalive_body_too_large', size: 70000 }) // → false: fetch() rejects
 */
export function refusedByRequestConstructor(reason: ReasonData): boolean {
  // A stream is refused by "extract a body" with keepalive, and by the constructor in no-cors; an engine without stream uploads rejects in fetch().
  if (reason.code === 'stream_not_allowed') return reason.context === 'keepalive' || reason.context === 'no-cors';
  return CONSTRUCTOR_CODES.has(reason.code);
}
