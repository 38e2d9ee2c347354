import type { CheckFailureData } from '../cors/check-text.js';
import { preflightHeaders } from '../cors/exchange.js';
import { probePrediction, type ProbeAnswer, type ProbeFinding, type ProbeRequest, type SeenResponse } from '../cors/probe-request.js';
import { checkCorsResponse, checkPreflightResponse, readHeader } from '../cors/response-check.js';
import { UnreachableError, type SendHead } from './send-head.js';

// Replays a failed call from the server side, as the page's engine would send it, and judges the answers with the
// same checks the browser runs. It sends the preflight, and the call itself only when it is a GET or a HEAD: a
// replayed POST, PUT or DELETE would change data on the server.

const REPLAYABLE: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Browsers send a User-Agent on every request; the replay sends one too, that says what it is (server logs can tell). */
export const PROBE_USER_AGENT: [string, string] = ['User-Agent', 'crosswise-dev-probe'];

function line(seen: SeenResponse): string {
  const cors = seen.headers
    .filter(([name]) => name.toLowerCase().startsWith('access-control-'))
    .map(([name, value]) => `${name}: ${value}`);
  return `${seen.status}${cors.length === 0 ? ' with no Access-Control-* header' : `, ${cors.join('; ')}`}`;
}

// Data only: the page words it with the same formatter (describeCheck) as every other cause.
function found(data: CheckFailureData, confidence: ProbeFinding['confidence'], evidence: string): ProbeFinding {
  return { ...data, confidence, evidence };
}

function unreachable(error: UnreachableError): ProbeAnswer {
  return {
    findings: [
      found(
        { stage: 'network', code: 'unreachable', received: error.code },
        'confirmed',
        `the dev probe could not reach the server either: ${error.message}`,
      ),
    ],
    seen: {},
  };
}

/** Sends what the browser sent (the preflight; a GET or HEAD itself), reads the answers' heads and names what failed. */
export async function replay(call: ProbeRequest, send: SendHead, timeoutMs: number): Promise<ProbeAnswer> {
  const prediction = probePrediction(call);
  const context = { origin: call.origin, credentials: call.credentials };
  const options = { engine: call.engine };
  const seen: ProbeAnswer['seen'] = {};
  try {
    if (call.preflight) {
      const preflight = await send(
        { method: 'OPTIONS', url: call.url, headers: [...preflightHeaders(prediction), PROBE_USER_AGENT] },
        timeoutMs,
      );
      seen.preflight = preflight;
      const evidence = `the dev probe sent the preflight as ${call.engine} does and got ${line(preflight)}`;
      if (preflight.status >= 300 && preflight.status <= 399) {
        const location = readHeader(preflight.headers, 'location');
        return {
          findings: [
            found(
              {
                stage: 'preflight',
                code: 'preflight_redirect',
                header: 'Location',
                received: `${preflight.status} to ${location ?? '(no Location)'}`,
              },
              'confirmed',
              evidence,
            ),
          ],
          seen,
        };
      }
      const failures = checkPreflightResponse(
        preflight.status,
        preflight.headers,
        { ...context, method: call.method, unsafeHeaders: call.unsafeHeaders },
        options,
      );
      if (failures.length > 0) return { findings: failures.map(({ message, fix, ...data }) => found(data, 'confirmed', evidence)), seen };
    }
    const passed = call.preflight ? 'the preflight passes' : 'the call needs no preflight';
    if (!REPLAYABLE.has(call.method)) {
      // Not re-sent: the preflight passed, so the browser sent the call and refused its response.
      const evidence = `${passed} (dev probe); a ${call.method} is not replayed, so the response is inferred: it lacked the CORS headers, most often an error response (4xx/5xx) that skips the CORS middleware`;
      return {
        findings: [
          found(
            { stage: 'response', code: 'missing_allow_origin', header: 'Access-Control-Allow-Origin', expected: call.origin },
            'likely',
            evidence,
          ),
        ],
        seen,
      };
    }
    const response = await send(
      { method: call.method, url: call.url, headers: [['Accept', '*/*'], ['Origin', call.origin], PROBE_USER_AGENT] },
      timeoutMs,
    );
    seen.response = response;
    const failures = checkCorsResponse(response.headers, context, options);
    const evidence = `${passed}; the dev probe sent the ${call.method} (without the page's cookies or header values) and got ${line(response)}`;
    if (failures.length > 0)
      return { findings: failures.map(({ message, fix, ...data }) => found({ ...data, stage: 'response' }, 'confirmed', evidence)), seen };
    return { findings: [], seen };
  } catch (error) {
    if (error instanceof UnreachableError) return unreachable(error);
    throw error;
  }
}
