// crosswise — the client. Explicit exports only: this list is the public surface.

export { createClient } from './client/create-client.js';
export { credentialsPolicy } from './client/credentials-plugin.js';
export { diagnosis } from './client/diagnosis-plugin.js';
export { jsonpTransport } from './client/jsonp-plugin.js';
export { minimizePreflights } from './client/minimize-plugin.js';
export { sessionStats } from './client/stats-plugin.js';
export { getPrediction, getRewrites, getTransport } from './client/predictions.js';
export { CrosswiseError } from './errors/crosswise-error.js';
export { CorsPolicyError } from './errors/cors-policy-error.js';
export { CorsError } from './errors/cors-error.js';
export { CredentialsPolicyError } from './errors/credentials-policy-error.js';
export { RequestInputError } from './errors/request-input-error.js';
export {
  isCorsError,
  isCorsPolicyError,
  isCredentialsPolicyError,
  isCrosswiseError,
  isRequestInputError,
  isRequestSchemaError,
  isResponseSchemaError,
} from './errors/guards.js';
export { predictCors } from './cors/index.js';
export { createEndpointClient, defineEndpoints } from './endpoints/define.js';
export { RequestSchemaError, ResponseSchemaError } from './errors/response-schema-error.js';

export type {
  CredentialsPlugin,
  DiagnosisOptions,
  DiagnosisPlugin,
  JsonpPlugin,
  JsonpTransportOptions,
  MinimizePlugin,
  StatsPlugin,
  StatsReader,
  WithStatsPlugin,
} from './client/plugins.js';
export type { CrosswiseClient } from './client/create-client.js';
export type { ClientStats, EndpointStats, StatsOptions } from './client/stats.js';
export type { CrosswiseErrorOptions } from './errors/crosswise-error.js';
export type { Confidence, CorsCause, CorsErrorDetails } from './errors/cors-error.js';
export type { CredentialsPolicyCode } from './errors/credentials-policy-error.js';
export type { CredentialsPolicy } from './policy/credentials.js';
export type { MinimizeOptions } from './policy/minimize.js';
export type {
  AllowPreflight,
  CallOptions,
  ClientOptions,
  CorsMode,
  CorsWarning,
  CrosswiseOptions,
  GetOptions,
} from './client/options.js';
export type { CorsKind, CorsPrediction, Engine, Reason, ReasonCode } from './cors/index.js';
export type { Endpoint, EndpointClient, EndpointInput, EndpointOutput, Endpoints, ReadEndpoint, WriteEndpoint } from './endpoints/types.js';
export type { StandardSchemaV1 } from './endpoints/standard-schema.js';
export type { SchemaErrorContext, SchemaIssue } from './errors/response-schema-error.js';
