import { describe, expect, it } from 'vitest';
import {
  createClient,
  getPrediction,
  getRewrites,
  isCorsError,
  isCorsPolicyError,
  isCredentialsPolicyError,
  type CorsWarning,
  credentialsPolicy,
  diagnosis,
  minimizePreflights,
  sessionStats,
  type StatsPlugin,
} from '../../src/index.js';
import { createRecordingServer, headerValue } from '../helpers/recording-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

const { page, api } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/client/${++probe}`;
const client = (options: Parameters<typeof createClient>[0] = {}) =>
  createClient({ baseUrl: api.origin, origin: page.origin, engine: 'chromium', retry: 0, onWarning: () => undefined, ...options });

/** A client with the stats plugin: typed with `stats()`. */
const recorded = (stats: StatsPlugin) =>
  createClient({ baseUrl: api.origin, origin: page.origin, engine: 'chromium', retry: 0, onWarning: () => undefined, stats });

describe('createClient', () => {
  it('strict mode refuses a preflighted call before anything is sent', async () => {
    const target = path();
    const call = client({ cors: 'strict' }).put(target, { headers: { 'X-Token': 't' } });
    const error: unknown = await call.catch((caught: unknown) => caught);
    expect(isCorsPolicyError(error)).toBe(true);
    if (!isCorsPolicyError(error)) return;
    expect(error.prediction.unsafeHeaders).toEqual(['x-token']);
    expect(error.reasons.map((reason) => reason.code)).toEqual(['method_not_safelisted', 'header_not_safelisted']);
    expect(error.message).toContain(`PUT ${api.origin}${target}`);
    expect(error.message).toContain('Nothing was sent');
    expect(api.recordsUnder(target)).toHaveLength(0);
  });

  it('strict mode lets through what allowPreflight covers, per client or per call', async () => {
    const target = path();
    const strict = client({ cors: 'strict', allowPreflight: { methods: ['PUT'] } });
    await expect(strict.put(target, { headers: { 'X-Token': 't' } })).rejects.toThrow(/x-token/);
    const response = await strict.put(target, { headers: { 'X-Token': 't' }, allowPreflight: { methods: ['put'], headers: ['X-Token'] } });
    expect(response.status).toBe(200);
    expect(api.recordsUnder(target)).toHaveLength(1);
    expect(getPrediction(response)?.kind).toBe('preflight');
  });

  it('warns once per distinct cause, never a flood', async () => {
    const warnings: CorsWarning[] = [];
    const warn = client({ onWarning: (warning) => warnings.push(warning) });
    const target = path();
    await Promise.all(Array.from({ length: 50 }, () => warn.get(target, { headers: { 'X-Trace': '1' } })));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('x-trace');
    await warn.get(target, { headers: { 'X-Other': '1' } });
    await warn.get(target);
    expect(warnings).toHaveLength(2);
    expect(api.recordsUnder(target)).toHaveLength(52);
  });

  it("predicts ky's own headers: json sets application/json, .json() sets a safelisted Accept", async () => {
    const api1 = client();
    const prediction = await api1.explain(path(), { method: 'post', json: { a: 1 } });
    expect(prediction.kind).toBe('preflight');
    expect(prediction.unsafeHeaders).toEqual(['content-type']);
    const response = await api1.get(path());
    expect(getPrediction(response)?.kind).toBe('simple');
    expect(getPrediction(response)?.headers).toContainEqual(['accept', '*/*']);
  });

  it('explain sends nothing', async () => {
    const target = path();
    await client().explain(target, { method: 'delete' });
    expect(api.recordsUnder(target)).toHaveLength(0);
  });

  it('sees the stream ky makes for upload progress', async () => {
    const prediction = await client().explain(path(), { method: 'post', body: 'x', onUploadProgress: () => undefined });
    expect(prediction.reasons.map((reason) => reason.code)).toContain('stream_body');
  });

  it('same-origin calls are never warned about or refused', async () => {
    const target = path();
    const response = await createClient({ baseUrl: page.origin, origin: page.origin, cors: 'strict', retry: 0 }).put(target, {
      headers: { 'X-Token': 't' },
    });
    expect(response.status).toBe(200);
    expect(getPrediction(response)?.kind).toBe('same-origin');
  });

  it('extend makes a new client and leaves the parent alone', async () => {
    const parent = client({ headers: { 'X-A': '1' } });
    const child = parent.extend({ cors: 'strict', headers: { 'X-B': '2' } });
    expect((await child.explain(path())).unsafeHeaders).toEqual(['x-a', 'x-b']);
    await expect(child.get(path())).rejects.toSatisfy(isCorsPolicyError);
    expect((await parent.get(path())).status).toBe(200);
    const fromFunction = parent.extend((options) => ({ cors: options.cors === 'strict' ? 'off' : 'strict' }));
    expect(fromFunction.options.cors).toBe('strict');
  });

  it('names the bad option', () => {
    expect(() => createClient({ cors: 'loud' as 'warn' })).toThrow(/`cors`/);
    expect(() => createClient({ engine: 'gecko' as 'firefox' })).toThrow(/`engine`/);
    expect(() => createClient({ origin: 'nowhere' })).toThrow(/`origin`/);
    expect(() => createClient({ allowPreflight: { headers: 'x' as unknown as string[] } })).toThrow(/`allowPreflight.headers`/);
  });

  it('in a browser context, turns a cross-origin network failure into a CorsError with ranked causes, after ky retries', async () => {
    const closed = await createRecordingServer();
    const deadOrigin = closed.origin;
    await closed.close();
    const dead = createClient({
      baseUrl: deadOrigin,
      origin: page.origin,
      retry: 1,
      onWarning: () => undefined,
      diagnose: diagnosis({ browser: true }),
    });
    const error: unknown = await dead.put('items', { headers: { Authorization: 'x' } }).catch((caught: unknown) => caught);
    expect(isCorsError(error)).toBe(true);
    if (!isCorsError(error)) return;
    expect(error.causes.slice(0, 3).map((cause) => cause.code)).toEqual(['header_not_allowed', 'preflight_status', 'method_not_allowed']);
    expect(error.causes.every((cause) => cause.confidence === 'possible')).toBe(true);
    expect(error.causes.map((cause) => cause.code)).toContain('unreachable');
    expect(error.message).toContain(`PUT ${deadOrigin}/items failed, most likely blocked by CORS`);
    expect(error.message).toContain('(possible)');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('diagnoses the request as the policies rebuilt it: a policy-made include brings the credentials causes', async () => {
    const closed = await createRecordingServer();
    await closed.close();
    const dead = createClient({
      baseUrl: closed.origin,
      origin: page.origin,
      retry: 0,
      credentials: credentialsPolicy({ include: [closed.origin] }),
      diagnose: diagnosis({ browser: true }),
    });
    const error: unknown = await dead.get('me').catch((caught: unknown) => caught);
    expect(isCorsError(error)).toBe(true);
    if (!isCorsError(error)) return;
    expect(error.prediction.credentials).toBe('include');
    expect(error.causes.map((cause) => cause.code)).toContain('wildcard_origin_with_credentials');
  });

  it('credentials policy: include for allowlisted origins, the fallback elsewhere, refusal when include is asked off-list', async () => {
    const notes: string[] = [];
    const policy = client({
      credentials: credentialsPolicy({ include: [api.origin], wildcard: [api.origin], otherwise: 'omit' }),
      onWarning: (warning) => notes.push(warning.message),
    });
    const allowed = await policy.get(path());
    expect(getPrediction(allowed)?.credentials).toBe('include');
    expect(notes.join()).toContain('Access-Control-Allow-Origin: *');
    const other = createClient({
      baseUrl: page.origin,
      origin: api.origin,
      retry: 0,
      credentials: credentialsPolicy({ include: [api.origin] }),
    });
    const target = path();
    expect(getPrediction(await other.get(target))?.credentials).toBe('same-origin');
    const refused: unknown = await other.get(target, { credentials: 'include' }).catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(refused)).toBe(true);
    expect(String(refused)).toContain('credentials.include');
    expect(page.recordsUnder(target)).toHaveLength(1);
  });

  it('rejects a malformed credentials policy, naming the field', () => {
    expect(() => createClient({ credentials: credentialsPolicy({ include: ['https://api.example/path'] }) })).toThrow(
      /`credentials.include`/,
    );
    expect(() => createClient({ credentials: credentialsPolicy({ otherwise: 'include' as 'omit' }) })).toThrow(/`credentials.otherwise`/);
  });

  it('stats: simple vs preflighted per endpoint, and the OPTIONS the preflight cache lets through', async () => {
    let now = 0;
    const counted = recorded(sessionStats({ clock: () => now, preflightMaxAge: { [api.origin]: 60 } }));
    const target = path();
    for (const at of [0, 1_000, 59_000, 61_000]) {
      now = at;
      await counted.put(target, { headers: { 'X-A': '1' } });
    }
    now = 62_000;
    await counted.put(target, { headers: { 'X-A': '1', 'X-B': '2' } }); // a header the cache has not seen
    await counted.get(target);
    const stats = counted.stats();
    const endpoint = stats.endpoints[`PUT ${api.origin}${target}`];
    expect(endpoint?.kinds.preflight).toBe(5);
    expect(endpoint?.optionsRoundTrips).toBe(3);
    expect(stats.endpoints[`GET ${api.origin}${target}`]?.kinds.simple).toBe(1);
    expect(stats).toMatchObject({ calls: 6, optionsRoundTrips: 3 });

    now = 0;
    const fiveSeconds = recorded(sessionStats({ clock: () => now }));
    for (const at of [0, 4_000, 6_000]) {
      now = at;
      await fiveSeconds.delete(target);
    }
    expect(fiveSeconds.stats().optionsRoundTrips).toBe(2);
  });

  it('minimize: rewrites a preflighted call into a simple one, and says so', async () => {
    const notes: string[] = [];
    const lean = client({
      minimize: minimizePreflights({
        jsonAsText: true,
        headersToQuery: { 'X-API-Key': 'api_key' },
        methodOverride: '_method',
        dropHeaders: ['x-requested-with'],
      }),
      onWarning: (warning) => notes.push(warning.message),
    });
    const target = path();
    const response = await lean.put(target, { json: { a: 1 }, headers: { 'X-API-Key': 'k1', 'X-Requested-With': 'XMLHttpRequest' } });
    expect(getPrediction(response)?.kind).toBe('simple');
    expect(getRewrites(response)).toHaveLength(4);
    expect(notes).toHaveLength(4);
    const [seen] = api.recordsUnder(target);
    expect(seen?.method).toBe('POST');
    expect(seen?.path).toBe(`${target}?api_key=k1&_method=PUT`);
    expect(headerValue(seen!, 'content-type')).toBe('text/plain;charset=UTF-8');
    expect(headerValue(seen!, 'x-api-key')).toBeNull();
    expect(seen?.body.toString()).toBe('{"a":1}');
    const same = createClient({ baseUrl: page.origin, origin: page.origin, retry: 0, minimize: minimizePreflights({ jsonAsText: true }) });
    expect(getRewrites(await same.post(path(), { json: {} }))).toEqual([]);
  });

  it('rejects malformed minimize options, naming the field', () => {
    expect(() => createClient({ minimize: minimizePreflights({ methodOverride: 'a b' }) })).toThrow(/`minimize.methodOverride`/);
    expect(() => createClient({ minimize: minimizePreflights({ headersToQuery: { 'x-a': '' } }) })).toThrow(/`minimize.headersToQuery`/);
  });

  it('reuses one frozen prediction for repeated calls of the same shape', async () => {
    const api1 = client();
    const target = path();
    const [a, b] = [getPrediction(await api1.get(target)), getPrediction(await api1.get(target))];
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a?.headers)).toBe(true);
    expect(getPrediction(await api1.get(target, { headers: { 'X-A': '1' } }))).not.toBe(a);
  });

  it("hands fetch what the caller meant for it (keys ky does not know), never crosswise's own per-call options", async () => {
    const seen: Array<RequestInit | undefined> = [];
    const api1 = client({
      fetch: async (_input: RequestInfo | URL, init?: RequestInit) => {
        seen.push(init);
        return new Response('{}', { headers: { 'Content-Type': 'application/json' } });
      },
    });
    const dispatcher = { marker: true };
    await api1.get(path());
    await api1.get(path(), { cors: 'off', allowPreflight: true } as never);
    await api1.get(path(), { cors: 'off', dispatcher } as never);
    expect(seen).toEqual([undefined, undefined, { dispatcher }]);
    expect(seen[2]).not.toHaveProperty('cors');
  });
});
