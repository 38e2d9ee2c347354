// crosswise/fetch — crosswise as a fetch function, for any library that accepts one (openapi-fetch, axios, ofetch,
// TanStack Query, SWR, GraphQL clients). Explicit exports only: this list is the public surface. It imports no ky.

export { createFetch } from './create-fetch.js';
export { credentialsPolicy } from '../client/credentials-plugin.js';
export { diagnosis } from '../client/diagnosis-plugin.js';
export { jsonpTransport } from '../client/jsonp-plugin.js';
export { minimizePreflights } from '../client/minimize-plugin.js';
export { sessionStats } from '../client/stats-plugin.js';
export { getPrediction, getRewrites, getTransport } from '../client/predictions.js';
export { CrosswiseError } from '../errors/crosswise-error.js';
export { CorsPolicyError } from '../errors/cors-policy-error.js';
export { CorsError } from '../errors/cors-error.js';
export { CredentialsPolicyError } from '../errors/credentials-policy-error.js';
export { isCorsError, isCorsPolicyError, isCredentialsPolicyError, isCrosswiseError } from '../errors/guards.js';

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
} from '../client/plugins.js';
export type { CrosswiseFetch, CrosswiseRequestInit, FetchFunction, FetchOptions } from './create-fetch.js';
export type { ClientStats, EndpointStats, StatsOptions } from '../client/stats.js';
export type { Confidence, CorsCause, CorsErrorDetails } from '../errors/cors-error.js';
export type { CredentialsPolicyCode } from '../errors/credentials-policy-error.js';
export type { CredentialsPolicy } from '../policy/credentials.js';
export type { MinimizeOptions } from '../policy/minimize.js';
export type { AllowPreflight, CorsMode, CorsWarning, CrosswiseOptions } from '../client/options.js';
export type { CorsKind, CorsPrediction, Engine, Reason, ReasonCode } from '../cors/index.js';
