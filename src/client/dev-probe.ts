import { toCheckFailure } from '../cors/check-text.js';
import type { CorsPrediction } from '../cors/index.js';
import { toProbeRequest, type ProbeAnswer, type ProbeFinding } from '../cors/probe-request.js';
import { CORS_CHECK_CODES } from '../cors/response-check.js';
import type { CorsCause } from '../errors/cors-error.js';

// Asks the dev probe (crosswise/dev) what the server really answers for a call that failed. The page sends the call's
// description (names, never header values or cookies); the probe's findings become the first, confirmed causes.

type Fetch = (input: Request) => Promise<Response>;

// The probe's answer is another process's JSON: only the codes this version knows become causes.
const CODES: ReadonlySet<string> = new Set(CORS_CHECK_CODES);

function isFinding(value: unknown): value is ProbeFinding {
  const finding = value as Partial<ProbeFinding> | null;
  return (
    typeof finding === 'object' &&
    finding !== null &&
    CODES.has(finding.code ?? '') &&
    ['network', 'preflight', 'response'].includes(finding.stage ?? '') &&
    (finding.confidence === 'confirmed' || finding.confidence === 'likely') &&
    typeof finding.evidence === 'string'
  );
}

function toCause(finding: ProbeFinding): CorsCause {
  const { confidence, evidence, ...data } = finding;
  return { ...toCheckFailure(data), confidence, evidence };
}

/** The probe's causes for this call, or undefined when the probe could not be asked or had no finding. */
export async function askProbe(
  probeUrl: string,
  prediction: CorsPrediction,
  fetch: Fetch,
  timeoutMs: number,
): Promise<CorsCause[] | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const base = (globalThis as { location?: { href?: string } }).location?.href;
    const request = new Request(new URL(probeUrl, base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(toProbeRequest(prediction)),
      credentials: 'omit',
      signal: controller.signal,
    });
    const response = await fetch(request);
    if (!response.ok) return undefined;
    const answer = (await response.json()) as Partial<ProbeAnswer>;
    const findings = Array.isArray(answer.findings) ? answer.findings.filter(isFinding) : [];
    return findings.length === 0 ? undefined : findings.map(toCause);
  } catch {
    // The probe is a development aid: when it is absent or slow, the diagnosis goes on without it.
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
