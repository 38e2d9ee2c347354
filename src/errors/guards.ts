import { CorsError } from './cors-error.js';
import { CorsPolicyError } from './cors-policy-error.js';
import { CredentialsPolicyError } from './credentials-policy-error.js';
import { CROSSWISE_ERROR_BRAND, CrosswiseError } from './crosswise-error.js';
import { RequestInputError } from './request-input-error.js';

// Guards match by class, then by brand and name: errors from another realm or another copy of crosswise pass too.
function branded(error: unknown): error is CrosswiseError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[CROSSWISE_ERROR_BRAND] === true;
}

export function isCrosswiseError(error: unknown): error is CrosswiseError {
  return error instanceof CrosswiseError || branded(error);
}

export function isCorsPolicyError(error: unknown): error is CorsPolicyError {
  return error instanceof CorsPolicyError || (branded(error) && error.name === 'CorsPolicyError');
}

export function isCorsError(error: unknown): error is CorsError {
  return error instanceof CorsError || (branded(error) && error.name === 'CorsError');
}

export function isCredentialsPolicyError(error: unknown): error is CredentialsPolicyError {
  return error instanceof CredentialsPolicyError || (branded(error) && error.name === 'CredentialsPolicyError');
}

export function isRequestInputError(error: unknown): error is RequestInputError {
  return error instanceof RequestInputError || (branded(error) && error.name === 'RequestInputError');
}
