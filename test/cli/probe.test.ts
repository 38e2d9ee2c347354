import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crosswise, everyEngine, probe, probeVerdicts } from '../helpers/cli.js';
import { createRecordingServer, headerValue, type RecordedRequest, type RecordingServer, type Reply } from '../helpers/recording-server.js';

// The real binary (built in test/global-build.ts) against real loopback servers: one plays the API with a
// configuration per path, correct or broken; the other only lends the page its origin (two ports, two origins).

let api: RecordingServer;
let page: RecordingServer;

/** A server answering preflights with `preflight` headers and calls with `actual` headers, echoing the Origin where asked. */
function configured(preflight: Record<string, string>, actual: Record<string, string>): (request: RecordedRequest) => Reply {
  const echo = (headers: Record<string, string>, request: RecordedRequest): Record<string, string> =>
    Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, value === '<origin>' ? (headerValue(request, 'origin') ?? '') : value]),
    );
  return (request) =>
    request.method === 'OPTIONS'
      ? { status: 204, headers: echo(preflight, request) }
      : { status: 200, headers: { ...echo(actual, request), 'Content-Type': 'application/json' }, body: '{}' };
}

beforeAll(async () => {
  [api, page] = await Promise.all([createRecordingServer(), createRecordingServer()]);
  api.route(
    '/good',
    configured(
      {
        'Access-Control-Allow-Origin': '<origin>',
        'Access-Control-Allow-Methods': 'GET, PUT',
        'Access-Control-Allow-Headers': 'authorization',
        'Access-Control-Max-Age': '600',
      },
      { 'Access-Control-Allow-Origin': '<origin>' },
    ),
  );
  api.route('/wildcard', configured({}, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }));
  api.route(
    '/missing-header',
    configured(
      { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type' },
      { 'Access-Control-Allow-Origin': '*' },
    ),
  );
  api.route(
    '/missing-method',
    configured({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, POST' }, { 'Access-Control-Allow-Origin': '*' }),
  );
  api.route('/wrong-origin', configured({}, { 'Access-Control-Allow-Origin': 'http://evil.example' }));
  api.route(
    '/max-age-text',
    configured(
      { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': 'one day' },
      { 'Access-Control-Allow-Origin': '*' },
    ),
  );
  api.route(
    '/max-age-day',
    configured(
      { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '86400' },
      { 'Access-Control-Allow-Origin': '*' },
    ),
  );
  api.route('/no-allow-headers', configured({ 'Access-Control-Allow-Origin': '*' }, { 'Access-Control-Allow-Origin': '*' }));
});
afterAll(async () => Promise.all([api.close(), page.close()]));

const sentTo = (path: string): string[] => api.recordsUnder(path).map((record) => record.method);

describe('crosswise probe', () => {
  it('sends the preflight exactly as a browser would, then the call; exit 0 when every engine allows it', async () => {
    const run = await probe(`${api.origin}/good`, page.origin, '-X', 'PUT', '-H', 'Authorization: Bearer t', '--data', '{}', '--send');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [preflight, call] = api.recordsUnder('/good');
    expect(preflight?.method).toBe('OPTIONS');
    expect(headerValue(preflight!, 'host')).toBe(new URL(api.origin).host);
    expect(headerValue(preflight!, 'origin')).toBe(page.origin);
    expect(headerValue(preflight!, 'access-control-request-method')).toBe('PUT');
    expect(headerValue(preflight!, 'access-control-request-headers')).toBe('authorization');
    expect(headerValue(preflight!, 'authorization')).toBeNull();
    expect(preflight?.body.length).toBe(0);
    expect(call?.method).toBe('PUT');
    expect(headerValue(call!, 'authorization')).toBe('Bearer t');
    expect(headerValue(call!, 'origin')).toBe(page.origin);
    expect(call?.body.toString()).toBe('{}');
    expect(probeVerdicts(run.stdout)).toEqual({
      standard: 'allowed, preflight cached 600 s',
      chromium: 'allowed, preflight cached 600 s',
      firefox: 'allowed, preflight cached 600 s',
      webkit: 'allowed, preflight cached 600 s',
    });
  });

  it('wildcard with credentials: denied at the response, with the header to send', async () => {
    const run = await probe(`${api.origin}/wildcard`, page.origin, '--credentials', 'include');
    expect(run.status).toBe(1);
    expect(sentTo('/wildcard')).toEqual(['GET']);
    expect(probeVerdicts(run.stdout)).toEqual(everyEngine('denied at the response'));
    expect(run.stdout).toContain('[wildcard_origin_with_credentials]');
    expect(run.stdout).toContain(
      `fix: echo the origin, Access-Control-Allow-Origin: ${page.origin}, with Access-Control-Allow-Credentials: true and Vary: Origin`,
    );
  });

  it('a header missing from Access-Control-Allow-Headers: denied at the preflight, and the call is never sent', async () => {
    const run = await probe(`${api.origin}/missing-header`, page.origin, '-X', 'POST', '-H', 'X-Token: t', '--data', 'x');
    expect(run.status).toBe(1);
    expect(sentTo('/missing-header')).toEqual(['OPTIONS']);
    expect(run.stdout).toContain(
      `[header_not_allowed] the preflight's Access-Control-Allow-Headers does not list x-token (the server sent "content-type")`,
    );
    expect(run.stdout).toContain(
      'fix: send Access-Control-Allow-Headers: content-type, x-token, and Access-Control-Max-Age so the browser caches the preflight',
    );
    expect(run.stdout).toContain('the request itself was not sent');
  });

  it('a method missing from Access-Control-Allow-Methods', async () => {
    const run = await probe(`${api.origin}/missing-method`, page.origin, '-X', 'DELETE');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `[method_not_allowed] the preflight's Access-Control-Allow-Methods does not list DELETE (the server sent "GET, POST")`,
    );
    expect(run.stdout).toContain('fix: send Access-Control-Allow-Methods: GET, POST, DELETE (method names are case-sensitive)');
  });

  it('the wrong origin echoed', async () => {
    const run = await probe(`${api.origin}/wrong-origin`, page.origin, '--json');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      allowed: boolean;
      verdicts: { engine: string; blockedAt: string; failures: { code: string; received: string }[] }[];
    };
    expect(report.allowed).toBe(false);
    expect(report.verdicts).toHaveLength(4);
    for (const verdict of report.verdicts)
      expect(verdict).toMatchObject({
        blockedAt: 'response',
        failures: [{ code: 'allow_origin_mismatch', received: 'http://evil.example' }],
      });
  });

  it('a bad or over-long max-age: the cache time each engine really grants', async () => {
    const text = await probe(`${api.origin}/max-age-text`, page.origin, '-X', 'PUT', '--send');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Access-Control-Max-Age "one day" is not a number of seconds: the default 5 s applies');
    expect(probeVerdicts(text.stdout)).toEqual(everyEngine('allowed, preflight cached 5 s'));
    const day = await probe(`${api.origin}/max-age-day`, page.origin, '-X', 'PUT', '--json', '--send');
    const report = JSON.parse(day.stdout) as { verdicts: { engine: string; preflightCacheSeconds: number }[] };
    expect(Object.fromEntries(report.verdicts.map((verdict) => [verdict.engine, verdict.preflightCacheSeconds]))).toEqual({
      standard: 86400,
      chromium: 7200,
      firefox: 86400,
      webkit: 600,
    });
  });

  it('judges each engine by its own rules: a client hint Chromium safelists', async () => {
    const run = await probe(`${api.origin}/no-allow-headers`, page.origin, '-H', 'DPR: 2');
    expect(run.status).toBe(1);
    expect(probeVerdicts(run.stdout)).toEqual({ ...everyEngine('denied at the preflight'), chromium: 'allowed' });
    expect(run.stdout).toContain('(as standard, firefox, webkit send it)');
    expect(sentTo('/no-allow-headers')).toEqual(['OPTIONS', 'GET']);
  });

  it('exit 1 without sending anything when fetch itself refuses the call', async () => {
    const before = api.records.length;
    const run = await probe(`${api.origin}/good`, page.origin, '-X', 'TRACE');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('[forbidden_method]');
    expect(api.records.length).toBe(before);
  });

  it('exit 2 on usage and network errors', async () => {
    const usage = await crosswise(['probe', `${api.origin}/good`]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('probe needs --origin');
    expect((await probe('ftp://x.example/', page.origin)).stderr).toContain('must be absolute http(s)');
    const closed = await createRecordingServer();
    await closed.close();
    const network = await probe(`${closed.origin}/x`, page.origin);
    expect(network.status).toBe(2);
    expect(network.stderr).toContain('network error, nothing judged');
    expect(network.stderr).toContain('ECONNREFUSED');
  });
});
