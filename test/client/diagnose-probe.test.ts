import { describe, expect, it } from 'vitest';
import { createClient, isCorsError, diagnosis } from '../../src/index.js';
import { createRecordingServer, headerValue } from '../helpers/recording-server.js';

// What the client hands the dev probe: the call's shape, never a header value or a cookie; and a probe that is down,
// slow or answering nonsense never breaks the diagnosis.
describe('the client asking the dev probe', () => {
  it('sends names only — no Authorization value, no API key, no cookie — and takes the probe’s confirmed cause first', async () => {
    const probe = await createRecordingServer();
    const closed = await createRecordingServer();
    await closed.close();
    probe.route('/__crosswise/probe', () => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        findings: [
          {
            stage: 'preflight',
            code: 'header_not_allowed',
            header: 'Access-Control-Allow-Headers',
            received: 'content-type',
            expected: 'content-type, authorization, x-api-key',
            confidence: 'confirmed',
            evidence: 'seen',
          },
        ],
        seen: {},
      }),
    }));
    try {
      const client = createClient({
        baseUrl: closed.origin,
        origin: 'http://127.0.0.1:1',
        retry: 0,
        onWarning: () => undefined,
        diagnose: diagnosis({ browser: true, probe: `${probe.origin}/__crosswise/probe` }),
      });
      const error: unknown = await client
        .put('items', { headers: { Authorization: 'Bearer SECRET-TOKEN', 'X-API-Key': 'SECRET-KEY', Cookie: 'sid=SECRET-COOKIE' } })
        .catch((caught: unknown) => caught);
      const [asked] = probe.recordsUnder('/__crosswise/probe');
      const body = asked?.body.toString('utf8') ?? '';
      expect(body).not.toMatch(/SECRET/);
      expect(JSON.parse(body)).toMatchObject({
        method: 'PUT',
        unsafeHeaders: ['authorization', 'x-api-key'],
        preflight: true,
        credentials: 'same-origin',
      });
      expect(headerValue(asked!, 'cookie')).toBeNull();
      expect(isCorsError(error)).toBe(true);
      if (!isCorsError(error)) return;
      expect(error.causes[0]).toMatchObject({ code: 'header_not_allowed', confidence: 'confirmed', received: 'content-type' });
      expect(error.message).toMatch(/was blocked by CORS: .*does not list authorization, x-api-key .*\(confirmed\)/);
    } finally {
      await probe.close();
    }
  });

  it('a probe that is absent, answers garbage or claims an unknown code leaves only unconfirmed causes', async () => {
    const probe = await createRecordingServer();
    const closed = await createRecordingServer();
    await closed.close();
    probe.route('/garbage', () => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: '{"findings":[{"code":"totally_fine","stage":"preflight","confidence":"confirmed","evidence":"x"}]}',
    }));
    probe.route('/not-json', () => ({ status: 200, body: '<html>' }));
    try {
      for (const path of ['/garbage', '/not-json', '/missing']) {
        const client = createClient({
          baseUrl: closed.origin,
          origin: 'http://127.0.0.1:1',
          retry: 0,
          onWarning: () => undefined,
          diagnose: diagnosis({ browser: true, probe: `${probe.origin}${path}`, timeout: 500 }),
        });
        const error: unknown = await client.get('x').catch((caught: unknown) => caught);
        expect(isCorsError(error), path).toBe(true);
        if (isCorsError(error))
          expect(
            error.causes.some((cause) => cause.confidence === 'confirmed'),
            path,
          ).toBe(false);
      }
    } finally {
      await probe.close();
    }
  });
});
