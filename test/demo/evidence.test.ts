import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementRow, describeTraffic, readTraffic } from '../../examples/demo/evidence.js';
import { PROBE_PARAM } from '../../examples/demo/probe-log.js';
import { startDemoServers, type DemoServers } from '../../examples/demo/server.js';
import type { CallRecord } from '../../examples/demo/session.js';

// The demo's agreement column against the demo API's real log: requests sent here as a browser sends them (an
// OPTIONS with Access-Control-Request-Headers, the call with an Origin, a script tag's GET without one), then the
// column judged from what the API logged. It must say NO to a falsified prediction and to a log without the OPTIONS.

let servers: DemoServers;
beforeAll(async () => {
  servers = await startDemoServers();
});
afterAll(() => servers.close());

let runs = 0;
const probeId = (): string => `evidence-${Date.now().toString(36)}-${++runs}`;

/** Sends one request with exactly these headers (Node's fetch would add and forbid some) and waits for the answer. */
function send(url: string, method: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const url = (path: string, probe: string): string => `${servers.apiOrigin}${path}?${PROBE_PARAM}=${probe}`;
const origin = (): Record<string, string> => ({ Origin: servers.pageOrigin });

/** A browser's preflighted GET: the OPTIONS asking for `headers`, then the call. */
async function preflighted(probe: string, headers: string): Promise<void> {
  const target = url('/modern/items', probe);
  await send(target, 'OPTIONS', { ...origin(), 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': headers });
  await send(target, 'GET', { ...origin(), Authorization: 'Bearer demo' });
}

const record = (prediction: string, probe: string, transport: CallRecord['transport'] = 'fetch'): CallRecord => ({
  call: 'GET /modern/items',
  prediction,
  warnings: [],
  credentials: 'omit',
  transport,
  outcome: '200',
  ok: true,
  probe,
});

const row = async (call: CallRecord): Promise<string[]> =>
  agreementRow(call.call, call, await readTraffic(servers.apiOrigin, call.probe ?? ''));

describe("the demo's agreement column", () => {
  it('says yes when the OPTIONS the API logged asked for exactly the predicted headers', async () => {
    const probe = probeId();
    await preflighted(probe, 'authorization');
    expect(await row(record('preflight [authorization]', probe))).toEqual([
      'GET /modern/items',
      'preflight [authorization]',
      'preflight [authorization]',
      'yes',
    ]);
  });

  it('says NO to a falsified prediction: simple, or other headers, where the log shows the preflight', async () => {
    const probe = probeId();
    await preflighted(probe, 'authorization');
    expect((await row(record('simple', probe)))[3]).toBe('NO');
    expect((await row(record('preflight [authorization,x-request-id]', probe)))[3]).toBe('NO');
    expect(await row(record('nothing sent', probe, '—'))).toEqual(['GET /modern/items', 'nothing sent', 'preflight [authorization]', 'NO']);
  });

  it('says NO when the log has no OPTIONS before a call predicted as preflighted', async () => {
    const probe = probeId();
    await send(url('/modern/items', probe), 'GET', { ...origin(), Authorization: 'Bearer demo' });
    expect(await row(record('preflight [authorization]', probe))).toEqual([
      'GET /modern/items',
      'preflight [authorization]',
      'simple',
      'NO',
    ]);
  });

  it('keeps calls apart by their probe ids, and tells a refused call (nothing logged) from a sent one', async () => {
    const sent = probeId();
    const refused = probeId();
    await preflighted(sent, 'authorization');
    expect((await row(record('nothing sent', refused, '—')))[3]).toBe('yes');
    expect((await row(record('simple', refused)))[2]).toBe('nothing sent');
    expect((await row(record('simple', refused)))[3]).toBe('NO');
  });

  it('reads a script tag (no Origin) after a failed fetch as a JSONP fallback, and a lost row as a disagreement', async () => {
    const probe = probeId();
    await send(url('/legacy/user', probe), 'GET', origin());
    await send(`${url('/legacy/user', probe)}&callback=cb`, 'GET', {});
    expect(describeTraffic(await readTraffic(servers.apiOrigin, probe))).toBe('simple → JSONP');
    expect((await row(record('simple → JSONP', probe)))[3]).toBe('yes');
    expect((await row(record('JSONP', probe)))[3]).toBe('NO');
    expect(agreementRow('GET /x', undefined, [])).toEqual(['GET /x', 'missing', 'nothing sent', 'NO']);
  });

  it('lists the header names as the prediction does: lower-case, sorted, without spaces', async () => {
    const probe = probeId();
    await preflighted(probe, 'X-Request-ID, Authorization');
    expect(describeTraffic(await readTraffic(servers.apiOrigin, probe))).toBe('preflight [authorization,x-request-id]');
  });
});
