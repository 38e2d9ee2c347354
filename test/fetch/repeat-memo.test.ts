import { describe, expect, it } from 'vitest';
import { predictCors } from '../../src/cors/index.js';
import { createRepeatMemo } from '../../src/fetch/repeat-memo.js';
import { createFetch, getPrediction } from '../../src/fetch/index.js';

// The repeat memo shares one frozen facts object among every response of a repeated call (no object per call):
// it must stay bounded, never be changed through a response, and never outlive what it was told.
const prediction = predictCors('https://api.example.com/a', undefined, { origin: 'https://app.example.com' });

describe('repeat memo', () => {
  it('keeps one frozen facts object per URL, and replaces it when told a new prediction', () => {
    const memo = createRepeatMemo();
    memo.set('https://api.example.com/a', prediction);
    const facts = memo.get('https://api.example.com/a');
    expect(facts?.prediction).toBe(prediction);
    expect(Object.isFrozen(facts)).toBe(true);
    expect(memo.get('https://api.example.com/a')).toBe(facts);
    const next = predictCors('https://api.example.com/a', { method: 'PUT' }, { origin: 'https://app.example.com' });
    memo.set('https://api.example.com/a', next);
    expect(memo.get('https://api.example.com/a')?.prediction).toBe(next);
  });

  it('forgets the oldest URL beyond 256', () => {
    const memo = createRepeatMemo();
    for (let i = 0; i <= 256; i++) memo.set(`https://api.example.com/${i}`, prediction);
    expect(memo.get('https://api.example.com/0')).toBeUndefined();
    expect(memo.get('https://api.example.com/1')).toBeDefined();
    expect(memo.get('https://api.example.com/256')).toBeDefined();
  });

  // What the memo saves (no Request built for a repeat) is shown in create-fetch.test.ts; this shows what it shares.
  it('gives every response of a repeated call the same prediction, each on its own Response', async () => {
    const stub = async (): Promise<Response> => new Response('{}');
    const apiFetch = createFetch({ fetch: stub, origin: 'https://app.example.com', onWarning: () => undefined });
    const responses = [];
    for (let i = 0; i < 3; i++) responses.push(await apiFetch('https://api.example.com/items'));
    expect(new Set(responses).size).toBe(3);
    const [first, ...rest] = responses.map((response) => getPrediction(response));
    expect(first?.kind).toBe('simple');
    for (const each of rest) expect(each).toBe(first);
  });
});
