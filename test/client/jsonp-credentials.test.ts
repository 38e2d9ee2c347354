import { describe, expect, it } from 'vitest';
import {
  createClient,
  getTransport,
  isCredentialsPolicyError,
  type ClientOptions,
  credentialsPolicy,
  jsonpTransport,
} from '../../src/index.js';
import { serveJsonp } from '../helpers/jsonp-endpoint.js';
import { useScriptDocuments } from '../helpers/script-document.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// A script tag has no credentials mode: it sends the cookies of the origin it loads from. So JSONP toward an origin
// the client keeps cookies from is refused before any request, unless the client accepts it (jsonp.credentials).
// happy-dom runs the script tags for real against the loopback servers (the lifecycle, not CORS, is what it models).
const { page: legacy, api: allowed } = useTwoOrigins();

const freshDocument = useScriptDocuments();

let probe = 0;
const path = (): string => `/probe/jsonp/${++probe}`;

function client(options: ClientOptions = {}, jsonpCredentials?: 'include') {
  serveJsonp(legacy, '/probe/jsonp/');
  serveJsonp(allowed, '/probe/jsonp/');
  const document = freshDocument();
  return createClient({
    origin: 'http://app.example',
    retry: 0,
    onWarning: () => undefined,
    jsonp: jsonpTransport({
      origins: [legacy.origin, allowed.origin],
      document,
      timeout: 5000,
      ...(jsonpCredentials === undefined ? {} : { credentials: jsonpCredentials }),
    }),
    ...options,
  });
}

const withPolicy = (): ClientOptions => ({ credentials: credentialsPolicy({ include: [allowed.origin], otherwise: 'omit' }) });

describe('JSONP and the credentials policy', () => {
  it("transport: 'jsonp' toward an origin outside credentials.include is refused, and nothing is sent", async () => {
    const target = path();
    const error: unknown = await client(withPolicy())
      .get(`${legacy.origin}${target}`, { transport: 'jsonp' })
      .catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(error)).toBe(true);
    if (!isCredentialsPolicyError(error)) return;
    expect(error.code).toBe('jsonp_sends_cookies');
    expect(error.target).toBe(legacy.origin);
    expect(error.message).toContain('jsonp.credentials');
    expect(legacy.recordsUnder(target)).toHaveLength(0);
  });

  it("fallback: 'jsonp' toward such an origin is refused up front: neither the fetch nor the script goes out", async () => {
    const target = path();
    await expect(client(withPolicy()).get(`${legacy.origin}${target}`, { fallback: 'jsonp' })).rejects.toSatisfy(isCredentialsPolicyError);
    expect(legacy.recordsUnder(target)).toHaveLength(0);
  });

  it('a call or a client that says omit is refused too, with or without a policy', async () => {
    const [perCall, perClient] = [path(), path()];
    await expect(client().get(`${legacy.origin}${perCall}`, { transport: 'jsonp', credentials: 'omit' })).rejects.toSatisfy(
      isCredentialsPolicyError,
    );
    await expect(client({ credentials: 'omit' }).get(`${legacy.origin}${perClient}`, { transport: 'jsonp' })).rejects.toSatisfy(
      isCredentialsPolicyError,
    );
    expect(legacy.recordsUnder(perCall)).toHaveLength(0);
    expect(legacy.recordsUnder(perClient)).toHaveLength(0);
  });

  it('loads where cookies may go: an allowlisted origin, a client without a policy, or with jsonp.credentials: include', async () => {
    const [allowlisted, noPolicy, optedIn] = [path(), path(), path()];
    const loaded = async (options: ClientOptions, url: string, optIn?: 'include'): Promise<unknown> => {
      const response = await client(options, optIn).get(url, { transport: 'jsonp' });
      expect(getTransport(response)).toBe('jsonp');
      return response.json();
    };
    expect(await loaded(withPolicy(), `${allowed.origin}${allowlisted}`)).toEqual({ ok: true });
    expect(await loaded({}, `${legacy.origin}${noPolicy}`)).toEqual({ ok: true });
    expect(await loaded(withPolicy(), `${legacy.origin}${optedIn}`, 'include')).toEqual({ ok: true });
    expect(
      [allowed.recordsUnder(allowlisted), legacy.recordsUnder(noPolicy), legacy.recordsUnder(optedIn)].map((records) => records.length),
    ).toEqual([1, 1, 1]);
  });

  it('rejects a jsonp.credentials other than include, naming it', () => {
    expect(() => createClient({ jsonp: jsonpTransport({ origins: [], credentials: 'omit' as 'include' }) })).toThrow(/`jsonp.credentials`/);
  });
});
