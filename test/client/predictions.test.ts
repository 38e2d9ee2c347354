import { describe, expect, it } from 'vitest';
import { predictCors } from '../../src/cors/index.js';
import { getPrediction, getRewrites, getTransport, remember } from '../../src/client/predictions.js';

const prediction = predictCors('https://api.example/x', { method: 'PUT' }, { origin: 'https://app.example' });

describe('the facts kept beside a request and a response', () => {
  it('ride on the object without showing in its keys or its JSON', () => {
    const request = new Request('https://api.example/x', { method: 'PUT' });
    remember(request, { prediction, rewrites: ['one'] });
    expect(getPrediction(request)).toBe(prediction);
    expect(getRewrites(request)).toEqual(['one']);
    expect(getTransport(request)).toBe('fetch');
    expect(Object.keys(request)).toEqual([]);
    expect(JSON.stringify({ ...request })).toBe('{}');
  });

  it("are the latest call's: an object that comes back is a new call", () => {
    const response = new Response('x');
    remember(response, { prediction, rewrites: ['one'], transport: 'jsonp' });
    const again = predictCors('https://api.example/x', { method: 'GET' }, { origin: 'https://app.example' });
    remember(response, { prediction: again });
    expect(getPrediction(response)).toBe(again);
    expect(getRewrites(response)).toEqual([]);
    expect(getTransport(response)).toBe('fetch');
  });

  it('are kept aside for an object that cannot take them (frozen by a hook)', () => {
    const response = Object.freeze(new Response('x'));
    remember(response, { prediction, transport: 'jsonp' });
    expect(getPrediction(response)).toBe(prediction);
    expect(getTransport(response)).toBe('jsonp');
  });

  it('are found through an error that carries the request', () => {
    const request = new Request('https://api.example/x');
    remember(request, { prediction });
    expect(getPrediction({ request })).toBe(prediction);
    expect(getPrediction(new Request('https://api.example/y'))).toBeUndefined();
  });
});
