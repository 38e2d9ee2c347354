import { describe, expect, it } from 'vitest';
import { predictCors, type CorsPrediction } from '../../src/cors/index.js';
import { rankCauses } from '../../src/client/diagnose.js';
import { createEvidence, EVIDENCE_ORIGINS, EVIDENCE_PER_ORIGIN } from '../../src/client/evidence.js';
import { originOfHref } from '../../src/cors/origin.js';

// The ranking from evidence alone (no extra traffic): the call's prediction and the calls seen to succeed before.
const PAGE = 'https://app.example';
const API = 'https://api.example';
const predict = (path: string, init: RequestInit = {}): CorsPrediction =>
  predictCors(`${API}${path}`, init, { origin: PAGE, engine: 'chromium' });
const codes = (prediction: CorsPrediction, successes: CorsPrediction[] = []): string[] =>
  rankCauses(prediction, { successes }).map((cause) => `${cause.stage}:${cause.code}:${cause.confidence}`);

const put = predict('/items/1', { method: 'PUT', headers: { 'X-Token': 't' } });

describe('rankCauses', () => {
  it('cold: the call’s own requirements first (the header, the method), every cause only possible, never confirmed', () => {
    const ranked = codes(put);
    expect(ranked.slice(0, 3)).toEqual([
      'preflight:header_not_allowed:possible',
      'preflight:method_not_allowed:possible',
      'preflight:missing_allow_origin:possible',
    ]);
    expect(ranked.every((code) => !code.endsWith(':confirmed'))).toBe(true);
    expect(ranked).toContain('network:unreachable:possible');
  });

  it('the same preflighted call passed before: the response stage is likely (an error response without CORS headers)', () => {
    const causes = rankCauses(put, { successes: [predict('/items/2', { method: 'PUT', headers: { 'X-Token': 'u' } })] });
    expect(causes[0]).toMatchObject({ stage: 'response', code: 'missing_allow_origin', confidence: 'likely' });
    expect(causes[0]?.evidence).toMatch(/passed before/);
    expect(causes.filter((cause) => cause.stage === 'preflight').every((cause) => cause.confidence === 'possible')).toBe(true);
    expect(causes.findIndex((cause) => cause.code === 'unreachable')).toBeGreaterThan(2); // the server answered this client before
  });

  it('earlier preflights passed without this header: the header is likely; with this method but not this header too', () => {
    const before = predict('/items/2', { method: 'PUT', headers: { 'X-Other': 'o' } });
    expect(codes(put, [before])[0]).toBe('preflight:header_not_allowed:likely');
    const newMethod = predict('/items/1', { method: 'DELETE', headers: { 'X-Other': 'o' } });
    expect(codes(newMethod, [before])[0]).toBe('preflight:method_not_allowed:likely');
  });

  it('only simple calls passed: the preflight is at fault, not the response', () => {
    const ranked = codes(put, [predict('/items')]);
    expect(ranked[0]?.startsWith('preflight:')).toBe(true);
    expect(ranked.indexOf('response:missing_allow_origin:possible')).toBeGreaterThan(3);
  });

  it('credentials: calls without them passed, this one sends them: the credentials rules are likely', () => {
    const me = predict('/me', { credentials: 'include' });
    expect(codes(me, [predict('/items')])[0]).toMatch(/^response:(wildcard_origin_with_credentials|allow_credentials_not_true):likely$/);
    // A credentialed call passed before: the credentials rules are unlikely.
    const ranked = codes(me, [predict('/other', { credentials: 'include' })]);
    expect(ranked[0]).toBe('response:missing_allow_origin:likely');
  });

  it('successes under another directory of the origin move the ranking but never make a cause likely (another route may differ)', () => {
    const me = predict('/broken/me', { credentials: 'include' });
    const ranked = codes(me, [predict('/modern/me', { credentials: 'include' })]);
    expect(ranked[0]).toBe('response:missing_allow_origin:possible');
    expect(ranked.every((code) => code.endsWith(':possible'))).toBe(true);
    expect(codes(me, [predict('/broken/other', { credentials: 'include' })])[0]).toBe('response:missing_allow_origin:likely');
  });

  it('a reachability check: down proves unreachable (confirmed, alone); up removes it', () => {
    expect(rankCauses(put, { successes: [], reachable: false }).map((cause) => `${cause.code}:${cause.confidence}`)).toEqual([
      'unreachable:confirmed',
    ]);
    expect(rankCauses(put, { successes: [], reachable: true }).map((cause) => cause.code)).not.toContain('unreachable');
  });

  it('the probe’s findings come first; what the history suggested becomes possible', () => {
    const probed = rankCauses(put, {
      successes: [],
      probed: [
        {
          stage: 'preflight',
          code: 'preflight_status',
          header: 'status',
          received: '401',
          confidence: 'confirmed',
          evidence: 'seen',
          message: 'm',
          fix: 'f',
        },
      ],
    });
    expect(probed[0]).toMatchObject({ code: 'preflight_status', confidence: 'confirmed' });
    expect(probed.slice(1).every((cause) => cause.confidence === 'possible')).toBe(true);
    expect(probed.filter((cause) => cause.code === 'preflight_status')).toHaveLength(1);
  });

  it('every cause has words from the formatter, and no fix moves a secret into a URL', () => {
    const auth = predict('/items/1', { method: 'PUT', headers: { Authorization: 'Bearer x', 'X-API-Key': 'k' }, credentials: 'include' });
    for (const cause of rankCauses(auth, { successes: [] })) {
      expect(cause.message.length).toBeGreaterThan(10);
      expect(cause.fix ?? '').not.toMatch(/query|url parameter|search ?param/i);
    }
  });
});

describe('the evidence store', () => {
  it('is bounded per origin and in origins, oldest first out, and reads the origin without parsing', () => {
    const evidence = createEvidence();
    for (let i = 0; i < EVIDENCE_PER_ORIGIN + 5; i++) evidence.succeeded(predict(`/n/${i}`));
    expect(evidence.successesAt(API)).toHaveLength(EVIDENCE_PER_ORIGIN);
    expect(evidence.successesAt(API)[0]?.url).toBe(`${API}/n/5`);
    for (let i = 0; i < EVIDENCE_ORIGINS; i++) evidence.succeeded(predictCors(`https://o${i}.example/x`, {}, { origin: PAGE }));
    expect(evidence.successesAt(API)).toHaveLength(0);
    expect(evidence.successesAt(`https://o${EVIDENCE_ORIGINS - 1}.example`)).toHaveLength(1);
    expect(originOfHref('http://127.0.0.1:8080/a/b?c')).toBe('http://127.0.0.1:8080');
  });

  it('keeps only cross-origin CORS calls, and one entry per prediction object', () => {
    const evidence = createEvidence();
    const same = predictCors(`${PAGE}/x`, {}, { origin: PAGE });
    evidence.succeeded(same);
    const call = predict('/same');
    evidence.succeeded(call);
    evidence.succeeded(call);
    expect(evidence.successesAt(PAGE)).toHaveLength(0);
    expect(evidence.successesAt(API)).toEqual([call]);
  });
});
