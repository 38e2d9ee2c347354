import { describe, expect, it } from 'vitest';
import {
  createFetch,
  getPrediction,
  getTransport,
  isCorsError,
  isCredentialsPolicyError,
  diagnosis,
  jsonpTransport,
} from '../../src/fetch/index.js';
import { serveJsonp } from '../helpers/jsonp-endpoint.js';
import { useScriptDocuments } from '../helpers/script-document.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// createFetch's JSONP paths: `transport: 'jsonp'` and `fallback: 'jsonp'` (a GET-only legacy endpoint whose fetch fails),
// through the same transport as the client. happy-dom runs the script tags for real against the loopback servers.
const { page: legacy, api } = useTwoOrigins();

const freshDocument = useScriptDocuments();

let probe = 0;
const path = (): string => `/probe/fetch-jsonp/${++probe}`;

const jsonpFetch = (fetch?: typeof globalThis.fetch) => {
  serveJsonp(legacy, '/probe/fetch-jsonp/');
  return createFetch({
    origin: 'http://app.example',
    onWarning: () => undefined,
    jsonp: jsonpTransport({ origins: [legacy.origin], document: freshDocument(), timeout: 5000 }),
    ...(fetch === undefined ? {} : { fetch }),
  });
};

describe('createFetch and JSONP', () => {
  it("transport: 'jsonp' loads through a script tag from an allowlisted origin", async () => {
    const target = path();
    const response = await jsonpFetch()(`${legacy.origin}${target}`, { transport: 'jsonp' });
    expect(await response.json()).toEqual({ ok: true });
    expect(getTransport(response)).toBe('jsonp');
    expect(legacy.recordsUnder(target)).toHaveLength(1);
  });

  it("fallback: 'jsonp' retries a GET whose fetch failed on the network, once, by JSONP", async () => {
    const target = path();
    const failing = async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    };
    const response = await jsonpFetch(failing)(`${legacy.origin}${target}`, { fallback: 'jsonp' });
    expect(await response.json()).toEqual({ ok: true });
    expect(getTransport(response)).toBe('jsonp');
    expect(getPrediction(response)?.kind).toBe('simple');
  });

  it('an origin outside jsonp.origins is refused before anything is sent, with its own TypeError (not diagnosed as CORS)', async () => {
    const target = path();
    serveJsonp(legacy, '/probe/fetch-jsonp/');
    const browserLike = createFetch({
      origin: 'http://app.example',
      onWarning: () => undefined,
      jsonp: jsonpTransport({ origins: [legacy.origin], document: freshDocument() }),
      diagnose: diagnosis({ browser: true }),
    });
    const error: unknown = await browserLike(`${api.origin}${target}`, { transport: 'jsonp' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/needs .* in the client's `jsonp.origins`/);
    expect(isCorsError(error)).toBe(false);
    expect(isCredentialsPolicyError(error)).toBe(false);
    expect(api.recordsUnder(target)).toHaveLength(0);
  });
});
