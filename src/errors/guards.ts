import { CorsError } from './cors-error.js';
import { CorsPolicyError } from './cors-policy-error.js';
import { CredentialsPolicyError } from './credentials-policy-error.js';
import { CROSSWISE_ERROR_BRAND, CrosswiseError } from './crosswise-error.js';
import { RequestInputError } from './request-input-error.js';
import { RequestSchemaError, ResponseSchemaError } from './response-schema-error.js';

// Guards match by class, then by brand and name: errors from another realm or another copy of crosswise pass too.
function branded(error: unknown): error is CrosswiseError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[CROSSWISE_ERROR_BRAND] === true;
}

/** True for any error crosswise throws about a call (a `CrosswiseError`), also from another realm or copy of crosswise. */
export function isCrosswiseError(error: unknown): error is CrosswiseError {
  return error instanceof CrosswiseError || branded(error);
}

/** True for a `CorsPolicyError`: strict mode refused the call before sending it. */
export function isCorsPolicyError(error: unknown): error is CorsPolicyError {
  return error instanceof CorsPolicyError || (branded(error) && error.name === 'CorsPolicyError');
}

/** True for a `CorsError`: a cross-origin call failed at the network level, causes ranked. */
export function isCorsError(error: unknown): error is CorsError {
  return error instanceof CorsError || (branded(error) && error.name === 'CorsError');
}

/** True for a `CredentialsPolicyError`: the credentials policy refused the call before sending it. */
export function isCredentialsPolicyError(error: unknown): error is CredentialsPolicyError {
  return error instanceof CredentialsPolicyError || (branded(error) && error.name === 'CredentialsPolicyError');
}

/** True for a `RequestInputError`: the call was malformed (a header, the method or the URL) and nothing was sent. */
export function isRequestInputError(error: unknown): error is RequestInputError {
  return error instanceof RequestInputError || (branded(error) && error.name === 'RequestInputError');
}

// The schema errors stand outside the branded hierarchy (the call itself worked, or never began): matched by name and shape.
function schemaErrorNamed(error: unknown, name: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; issues?: unknown; context?: unknown };
  return candidate.name === name && Array.isArray(candidate.issues) && typeof candidate.context === 'object' && candidate.context !== null;
}

/** True for a `ResponseSchemaError`: the response body failed the endpoint's schema (it keeps `issues` and the raw `data`). */
export function isResponseSchemaError(error: unknown): error is ResponseSchemaError {
  return error instanceof ResponseSchemaError || schemaErrorNamed(error, 'ResponseSchemaError');
}

/** True for a `RequestSchemaError`: the call's query or body failed the endpoint's schema and nothing was sent. */
export function isRequestSchemaError(error: unknown): error is RequestSchemaError {
  return error instanceof RequestSchemaError || schemaErrorNamed(error, 'RequestSchemaError');
}
