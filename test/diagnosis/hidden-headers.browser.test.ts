import { beforeAll, describe, expect, it } from 'vitest';
import { useChromiumTab } from '../helpers/chromium-tab.js';
import { runReportingPage } from '../helpers/reporting-page.js';

// diagnose.hiddenHeaders in real Chromium: a header the server sends but does not expose reads as null in the page,
// and the client says which Access-Control-Expose-Headers entry is missing — once per header and origin.
const { page, api, open } = useChromiumTab();

beforeAll(async () => {
  api.routePrefix('/counted/', () => ({
    status: 200,
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'x-exposed',
      'X-Total-Count': '42',
      'X-Exposed': 'yes',
      'Content-Type': 'text/plain',
    },
    body: 'ok',
  }));
});

describe('diagnose.hiddenHeaders, in real Chromium', () => {
  it('warns once per header and origin when a non-exposed header reads as null; silent when off, for exposed and safelisted ones', async () => {
    const module = `
      import { createClient, diagnosis } from '/src/index.js';
      const base = new URLSearchParams(location.search).get('api');
      const warnings = [];
      const dev = createClient({ baseUrl: base, retry: 0, diagnose: diagnosis({ hiddenHeaders: true }), onWarning: (w) => warnings.push(w.message) });
      const reads = [];
      for (let i = 0; i < 3; i++) {
        const response = await dev.get('counted/' + i);
        reads.push([response.headers.get('X-Total-Count'), response.headers.get('x-exposed'), response.headers.get('content-type')]);
      }
      // has() is a read too; Set-Cookie is never readable, exposed or not: no warning would help.
      const extra = await dev.get('counted/extra');
      const probed = [extra.headers.has('x-probed'), extra.headers.get('Set-Cookie')];
      const off = [];
      const plain = createClient({ baseUrl: base, retry: 0, onWarning: (w) => off.push(w.message) });
      const quiet = await plain.get('counted/off');
      quiet.headers.get('x-total-count');
      // Same-origin responses hide nothing: never watched.
      const same = await dev.get(location.origin + '/favicon.ico', { throwHttpErrors: false });
      same.headers.get('x-anything');
      report({ warnings, reads, probed, off, offWrapped: Object.hasOwn(quiet.headers, 'get') });`;
    const { result, errors } = await runReportingPage<{
      warnings: string[];
      reads: (string | null)[][];
      probed: [boolean, string | null];
      off: string[];
      offWrapped: boolean;
    }>(page, open, { module, query: { api: api.origin } });
    expect(errors).toEqual([]);
    console.log(`hidden header warning: ${result.warnings[0] ?? ''}`);
    expect(result.reads).toEqual([
      [null, 'yes', 'text/plain'],
      [null, 'yes', 'text/plain'],
      [null, 'yes', 'text/plain'],
    ]);
    expect(result.probed).toEqual([false, null]);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toContain(api.origin);
    expect(result.warnings[0]).toContain('Access-Control-Expose-Headers: x-total-count');
    expect(result.warnings[1]).toContain('Access-Control-Expose-Headers: x-probed');
    expect(result.off).toEqual([]);
    expect(result.offWrapped).toBe(false);
  });

  it('with sessionStats({ responseHeaders }) too: both plugins see every read, values unchanged', async () => {
    const module = `
      import { createClient, diagnosis, sessionStats } from '/src/index.js';
      const base = new URLSearchParams(location.search).get('api');
      const warnings = [];
      const both = createClient({
        baseUrl: base,
        retry: 0,
        diagnose: diagnosis({ hiddenHeaders: true }),
        stats: sessionStats({ responseHeaders: true }),
        onWarning: (w) => warnings.push(w.message),
      });
      const response = await both.get('counted/both');
      const reads = [response.headers.get('X-Total-Count'), response.headers.get('x-exposed'), response.headers.has('x-probed')];
      report({ warnings, reads, recorded: both.stats().endpoints['GET ' + base + '/counted/both'].responseHeaders });`;
    const { result, errors } = await runReportingPage<{ warnings: string[]; reads: unknown[]; recorded: string[] }>(page, open, {
      module,
      query: { api: api.origin },
    });
    expect(errors).toEqual([]);
    expect(result.reads).toEqual([null, 'yes', false]);
    expect(result.recorded).toEqual(['x-exposed', 'x-probed', 'x-total-count']);
    expect(result.warnings.map((warning) => /Access-Control-Expose-Headers: ([\w-]+)/.exec(warning)?.[1])).toEqual([
      'x-total-count',
      'x-probed',
    ]);
  });
});
