// crosswise/cors — the Fetch standard's CORS rules as pure functions over plain data. Imports nothing outside this folder.

export { predictCors } from './predict.js';
export { detectEngine } from './detect-engine.js';
export { ENGINE_PROFILES } from './engines.js';
export { toReason } from './reasons.js';
export { ENGINES } from './types.js';
export { checkCorsResponse, checkPreflightResponse } from './response-check.js';
export { DEFAULT_PREFLIGHT_MAX_AGE, preflightCacheSeconds } from './preflight-cache.js';
export { PREFLIGHT_CACHE_MODEL_CAPACITY, PreflightCacheModel } from './preflight-cache-model.js';

export type { EngineProfile, ExtraHeaderRule, RangeSyntax } from './engines.js';
export type { PreflightCacheModelOptions } from './preflight-cache-model.js';
export type { CheckContext, CorsCheckCode, CorsCheckFailure, ResponseHeaders } from './response-check.js';
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
