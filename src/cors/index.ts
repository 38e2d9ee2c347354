// crosswise/cors — the Fetch standard's CORS rules as pure functions over plain data. Imports nothing outside this folder.

export { predictCors } from './predict.js';
export { predictWireHeaders } from './wire-profiles.js';
export { detectEngine } from './detect-engine.js';
export { ENGINE_PROFILES } from './engines.js';
export { toReason } from './reasons.js';
export { refusedByRequestConstructor } from './refusals.js';
export { ENGINES } from './types.js';
export { checkCorsResponse, checkPreflightResponse } from './response-check.js';
export { describeCheck, toCheckFailure } from './check-text.js';
export { checkHeaderExposed, exposedHeaders, isHeaderExposed, SAFELISTED_RESPONSE_HEADERS } from './expose-headers.js';
export { RESPONSE_PROFILES } from './response-profiles.js';
export { DEFAULT_PREFLIGHT_MAX_AGE, preflightCacheSeconds } from './preflight-cache.js';
export { PREFLIGHT_CACHE_MODEL_CAPACITY, PreflightCacheModel } from './preflight-cache-model.js';

export type { EngineProfile, ExtraHeaderRule, RangeSyntax } from './engines.js';
export type { PreflightCacheModelOptions } from './preflight-cache-model.js';
export type {
  CauseStage,
  CheckContext,
  CheckOptions,
  CorsCheckCode,
  CorsCheckFailure,
  PreflightContext,
  ResponseHeaders,
} from './response-check.js';
export type { CheckFailureData, CheckText } from './check-text.js';
export type { ExposeContext } from './expose-headers.js';
export type { ResponseProfile } from './response-profiles.js';
export type {
  CorsKind,
  CorsPrediction,
  Engine,
  HeaderRule,
  HeaderSource,
  PredictOptions,
  Reason,
  ReasonCode,
  ReasonData,
  ReasonSeverity,
} from './types.js';
