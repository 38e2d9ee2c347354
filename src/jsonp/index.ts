// crosswise/jsonp — a safe, leak-free JSONP loader. Stands alone: no ky, no zod, no crosswise/cors.

export { loadJsonp } from './load-jsonp.js';
export { JsonpError, isJsonpError } from './errors.js';

export type { JsonpErrorCode } from './errors.js';
export type { JsonpOptions, StandardSchemaV1, StandardResult } from './types.js';
