import { isNetworkError } from 'ky';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, isCorsError, diagnosis } from '../../src/index.js';
import { isBrowserContext } from '../../src/client/environment.js';
import { createRecordingServer } from '../helpers/recording-server.js';

// Outside a browser there is no CORS: Node sends whatever it is given, so a network failure there is the network's.

async function closedOrigin(): Promise<string> {
  const server = await createRecordingServer();
  await server.close();
  return server.origin;
}

describe('a network failure outside a browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a refused port is ky’s NetworkError, never a CorsError, even with a page origin and a preflighted call', async () => {
    const origin = await closedOrigin();
    const client = createClient({ baseUrl: origin, origin: 'http://127.0.0.1:1', retry: 0, onWarning: () => undefined });
    const error: unknown = await client.put('items', { headers: { Authorization: 'secret' } }).catch((caught: unknown) => caught);
    expect(isCorsError(error)).toBe(false);
    expect(isNetworkError(error)).toBe(true);
    expect(String((error as Error).message)).not.toMatch(/cors/i);
  });

  it('an unknown host (.invalid) is ky’s NetworkError, never a CorsError', async () => {
    const client = createClient({
      baseUrl: 'http://crosswise-diagnosis.invalid',
      origin: 'http://127.0.0.1:1',
      retry: 0,
      onWarning: () => undefined,
    });
    const error: unknown = await client.get('items').catch((caught: unknown) => caught);
    expect(isCorsError(error)).toBe(false);
    expect(isNetworkError(error)).toBe(true);
    expect(String((error as Error).message)).not.toMatch(/cors/i);
  });

  it('detects a browser context by a location with a document or a worker scope', () => {
    expect(isBrowserContext()).toBe(false);
    vi.stubGlobal('location', { origin: 'http://app.test' });
    expect(isBrowserContext()).toBe(false); // a location alone (Deno --location) is not a page
    vi.stubGlobal('document', {});
    expect(isBrowserContext()).toBe(true);
    vi.unstubAllGlobals();
    vi.stubGlobal('location', { origin: 'http://app.test' });
    vi.stubGlobal('WorkerGlobalScope', function WorkerGlobalScope() {});
    expect(isBrowserContext()).toBe(true);
  });

  it('`diagnose.browser` overrides the detection both ways', async () => {
    const origin = await closedOrigin();
    const asPage = createClient({
      baseUrl: origin,
      origin: 'http://127.0.0.1:1',
      retry: 0,
      onWarning: () => undefined,
      diagnose: diagnosis({ browser: true }),
    });
    expect(isCorsError(await asPage.get('x').catch((caught: unknown) => caught))).toBe(true);
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:1' });
    vi.stubGlobal('document', {});
    const asServer = createClient({ baseUrl: origin, retry: 0, onWarning: () => undefined, diagnose: diagnosis({ browser: false }) });
    expect(isNetworkError(await asServer.get('x').catch((caught: unknown) => caught))).toBe(true);
  });

  it('rejects a malformed `diagnose` option by name', () => {
    expect(() => createClient({ diagnose: diagnosis({ probe: '' }) })).toThrow(/`diagnose.probe`/);
    expect(() => createClient({ diagnose: diagnosis({ timeout: -1 }) })).toThrow(/`diagnose.timeout`/);
    expect(() => createClient({ diagnose: diagnosis({ reachability: 'yes' as unknown as boolean }) })).toThrow(/`diagnose.reachability`/);
    expect(() => createClient({ diagnose: 'on' as never })).toThrow(/`diagnose`/);
  });
});
