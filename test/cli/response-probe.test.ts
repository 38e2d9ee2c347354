import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyEngine, probe, probeVerdicts } from '../helpers/cli.js';
import { createRecordingServer, type RecordingServer, type Reply } from '../helpers/recording-server.js';

// `probe` judges each engine by its own measured rules (src/cors/response-profiles.ts): the real binary against a loopback API.

let api: RecordingServer;
let page: RecordingServer;
const answering =
  (preflight: [string, string][]) =>
  (request: { method: string }): Reply =>
    request.method === 'OPTIONS'
      ? { status: 204, headers: preflight }
      : {
          status: 200,
          headers: [
            ['Access-Control-Allow-Origin', '*'],
            ['Content-Type', 'application/json'],
            ['X-Hidden', '1'],
          ],
          body: '{}',
        };

beforeAll(async () => {
  [api, page] = await Promise.all([createRecordingServer(), createRecordingServer()]);
  api.route(
    '/wildcard',
    answering([
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', '*'],
    ]),
  );
  api.route(
    '/invalid-list',
    answering([
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'GET PUT'],
      ['Access-Control-Allow-Headers', 'authorization'],
    ]),
  );
});
afterAll(async () => Promise.all([api.close(), page.close()]));

describe('crosswise probe, response rules per engine', () => {
  it('Access-Control-Allow-Headers: * with Authorization: the engines let it through, the standard does not, and probe says both', async () => {
    const run = await probe(`${api.origin}/wildcard`, page.origin, '-X', 'PUT', '-H', 'Authorization: Bearer t', '--send');
    expect(run.status).toBe(1);
    expect(probeVerdicts(run.stdout)).toEqual({ ...everyEngine('allowed, preflight cached 5 s'), standard: 'denied at the preflight' });
    expect(run.stdout).toContain('(standard) [wildcard_does_not_cover_authorization]');
    expect(run.stdout).toContain('fix: list it by name: Access-Control-Allow-Headers: *, authorization');
    // Some engine would send it, so the call went out after the preflight.
    expect(api.recordsUnder('/wildcard').map((record) => record.method)).toEqual(['OPTIONS', 'PUT']);
    const chromium = await probe(
      `${api.origin}/wildcard`,
      page.origin,
      '-X',
      'PUT',
      '-H',
      'Authorization: Bearer t',
      '--engine',
      'chromium',
      '--send',
    );
    expect(chromium.status).toBe(0);
    expect(chromium.stdout).toContain('response headers the page may read\n  - content-length, content-type');
  });

  it('an Access-Control-Allow-Methods that is not a list fails the preflight in every engine: the call is never sent', async () => {
    const run = await probe(`${api.origin}/invalid-list`, page.origin, '-X', 'PUT', '-H', 'Authorization: Bearer t', '--send');
    expect(run.status).toBe(1);
    expect(probeVerdicts(run.stdout)).toEqual(everyEngine('denied at the preflight'));
    expect(run.stdout).toContain(
      `[invalid_allow_methods] the preflight's Access-Control-Allow-Methods is not a valid list of method tokens (the server sent "GET PUT"): the browser fails the whole preflight`,
    );
    expect(run.stdout).toContain('fix: send a comma-separated list of methods: Access-Control-Allow-Methods: GET, PUT');
    expect(api.recordsUnder('/invalid-list').map((record) => record.method)).toEqual(['OPTIONS']);
  });
});
