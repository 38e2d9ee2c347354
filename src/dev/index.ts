// crosswise/dev — the dev probe: a Node request handler that tells a failing page what the server really answered.

export { createProbeHandler } from './probe-handler.js';
export { isUnreachableError, UnreachableError } from './send-head.js';

export type { ProbeHandler, ProbeHandlerOptions } from './probe-handler.js';
export type { HeadRequest, SendHead } from './send-head.js';
export type { ProbeAnswer, ProbeFinding, ProbeRequest, SeenResponse } from '../cors/probe-request.js';
