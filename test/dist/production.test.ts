import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_BASE_URL } from '../../src/cors/docs-url.js';
import { ENGINES } from '../../src/cors/index.js';
import { toFetchArgs } from '../conformance/fetch-args.js';
import { caught } from '../helpers/caught.js';
import { buildResponseCases } from '../conformance/response-cases.js';
import { buildShapes } from '../conformance/shapes.js';
import { createLegacyServer, type LegacyServer } from '../jsonp/legacy-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// The two builds of the package (test/global-build.ts builds both): dist/ with the full words, dist/prod/ (the
// `production` export condition) with codes and docs links. The same calls through each must give the same results
// in every field but the words, and each production message must name its code and link the docs.

type Client = typeof import('../../src/index.js');
type Cors = typeof import('../../src/cors/index.js');
type Jsonp = typeof import('../../src/jsonp/index.js');
const load = async <T>(path: string): Promise<T> => (await import(new URL(`../../${path}`, import.meta.url).href)) as T;
const builds = async (entry: string): Promise<[full: unknown, production: unknown]> => [await load(`dist/${entry}.js`), await load(`dist/prod/${entry}.js`)];

/** A deep copy with the words (`message`, `fix`) blanked, the one thing the builds may differ in: which fields exist stays. */
function withoutWords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWords);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'message' || key === 'fix' ? typeof item : withoutWords(item)]));
}

/** Every `{ code, message }` inside a value: the reasons and causes of a prediction, a check or an error. */
function worded(value: unknown): { code: string; message: string }[] {
  if (Array.isArray(value)) return value.flatMap(worded);
  if (value === null || typeof value !== 'object') return [];
  const own = typeof (value as { code?: unknown }).code === 'string' && typeof (value as { message?: unknown }).message === 'string' ? [value as { code: string; message: string }] : [];
  return [...own, ...Object.values(value).flatMap(worded)];
}

const NAMES_CODE = (code: string): RegExp => new RegExp(`^crosswise: ${code} \\(see ${DOCS_BASE_URL.replaceAll('.', '\\.')}[\\w-]+\\.md#[\\w-]+\\)$`);

let full: Cors;
let production: Cors;
beforeAll(async () => {
  [full, production] = (await builds('cors')) as [Cors, Cors];
});

describe('crosswise/cors: the production build', () => {
  it('predicts every conformance shape as the full build does, in every engine, with the code and a docs link for words', () => {
    const page = 'https://app.example';
    let reasons = 0;
    for (const shape of buildShapes()) {
      for (const engine of ENGINES) {
        // Fresh arguments for each build: a stream body is used up by the first look.
        const judge = (cors: Cors) => cors.predictCors(...toFetchArgs(shape, 'https://api.example/x'), { origin: page, engine });
        const [a, b] = [judge(full), judge(production)];
        expect(withoutWords(b), shape.id).toEqual(withoutWords(a));
        for (const reason of b.reasons) expect(reason.message, shape.id).toMatch(NAMES_CODE(reason.code));
        reasons += b.reasons.length;
      }
    }
    expect(reasons).toBeGreaterThan(500);
    // The full build keeps its sentences: this is no production build by mistake.
    expect(full.predictCors('https://api.example/x', { method: 'PUT' }, { origin: page }).reasons[0]?.message).toBe('method PUT is not GET, HEAD or POST');
  });

  it('checks every response case as the full build does, with the code and its troubleshooting section for words', () => {
    const origin = 'https://app.example';
    let causes = 0;
    const linked = new Set<string>();
    for (const item of buildResponseCases(origin)) {
      const context = { origin, credentials: item.request.credentials ?? 'same-origin', method: item.request.method ?? 'GET', unsafeHeaders: (item.request.headers ?? []).map(([name]) => name.toLowerCase()) };
      for (const engine of ENGINES) {
        const judge = (cors: Cors) => [
          ...(item.preflight === undefined ? [] : cors.checkPreflightResponse(item.preflight.status, item.preflight.headers, context, { engine })),
          ...cors.checkCorsResponse(item.response.headers, context, { engine }),
          ...cors.exposedHeaders(item.response.headers, context, { engine }),
        ];
        const [a, b] = [judge(full), judge(production)];
        expect(withoutWords(b), item.id).toEqual(withoutWords(a));
        for (const cause of worded(b)) {
          expect(cause.message, item.id).toMatch(NAMES_CODE(cause.code));
          expect(cause.message, item.id).toContain(`troubleshooting.md#${cause.code}`);
          linked.add(cause.code);
        }
        causes += worded(b).length;
      }
    }
    // Two codes the matrix does not reach: lists that do not parse.
    const context = { origin, credentials: 'omit' as const, method: 'PUT', unsafeHeaders: ['x-key'] };
    for (const headers of [{ 'access-control-allow-origin': '*', 'access-control-allow-methods': 'P UT' }, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': 'x y' }]) {
      const [a, b] = [full.checkPreflightResponse(204, headers, context), production.checkPreflightResponse(204, headers, context)];
      expect(withoutWords(b)).toEqual(withoutWords(a));
      for (const cause of b) linked.add(cause.code);
    }
    expect(linked).toContain('invalid_allow_methods');
    expect(linked).toContain('invalid_allow_headers');
    expect(causes).toBeGreaterThan(50);
    // Each link lands on a section: a heading named by the code, or an anchor of that id.
    const page = readFileSync(new URL('../../docs/troubleshooting.md', import.meta.url), 'utf8');
    for (const code of linked) expect(page.split('\n').includes(`## \`${code}\``) || page.includes(`<a id="${code}">`), code).toBe(true);
  });

  it('ships none of the full sentences', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const dir = new URL('../../dist/prod/', import.meta.url);
    const files = [...(await readdir(dir)).filter((name) => name.endsWith('.js')), ...(await readdir(new URL('chunks/', dir))).map((name) => `chunks/${name}`)];
    const code = (await Promise.all(files.map((name) => readFile(new URL(name, dir), 'utf8')))).join('\n');
    for (const sentence of [
      'is not GET, HEAD or POST',
      'has no Access-Control-Allow-Origin',
      'script error (HTTP, network, CSP or MIME)',
      'absent: JSONP is a plain GET',
      'milliseconds from 0 (none)',
      // The client layer's and the errors' own sentences (src/client/words.ts, src/errors/words.ts).
      'will be preflighted (an extra OPTIONS round trip)',
      'takes the plugin',
      'most likely blocked by CORS',
      'to credentials.include, or drop',
      'must be a whole number of seconds',
      // The plugins' and the policy layer's (src/policy/words.ts): reasons and option checks.
      'which is not in the credentials.include allowlist',
      'the browser hides where it leads',
      'which always sends that origin',
      'must map header names to query parameter names',
      'must be the URL of the dev probe handler',
    ])
      expect(code).not.toContain(sentence);
  });
});

describe('crosswise: the production build of the client', () => {
  const { page, api } = useTwoOrigins();
  let probe = 0;

  it('refuses a preflighted call in strict mode with the same error, its reasons naming their codes, and sends nothing', async () => {
    const [a, b] = (await builds('index')) as [Client, Client];
    const refuse = async (client: Client) => {
      const target = `/probe/production/${++probe}`;
      const api2 = client.createClient({ baseUrl: api.origin, origin: page.origin, engine: 'chromium', retry: 0, cors: 'strict', onWarning: () => undefined });
      const error: unknown = await api2.put(target, { headers: { 'X-Token': 't' } }).catch((caught: unknown) => caught);
      expect(api.recordsUnder(target)).toHaveLength(0);
      if (!client.isCorsPolicyError(error)) throw new Error(`expected a CorsPolicyError, got ${String(error)}`);
      return { error, fields: withoutWords({ name: error.name, reasons: error.reasons, prediction: { ...error.prediction, url: null } }) };
    };
    const [fromFull, fromProduction] = [await refuse(a), await refuse(b)];
    expect(fromProduction.fields).toEqual(fromFull.fields);
    expect(fromProduction.error.reasons.map((reason) => reason.code)).toEqual(['method_not_safelisted', 'header_not_safelisted']);
    expect(fromProduction.error.message).toMatch(/^crosswise: strict_mode \(see \S+client\.md#strict_mode\)$/);
    expect(fromFull.error.message).toContain('method PUT is not GET, HEAD or POST');
  });
});

/** The page a production message links to has a heading (or an anchor) for its code. */
function linksToHeading(message: string): boolean {
  const match = /\(see [^)]*\/docs\/([\w-]+\.md)#([\w-]+)\)$/.exec(message);
  if (match === null) return false;
  const [, page, code] = match as unknown as [string, string, string];
  const text = readFileSync(new URL(`../../docs/${page}`, import.meta.url), 'utf8');
  return text.split('\n').some((line) => /^#{2,4} /.test(line) && line.includes(`\`${code}\``)) || text.includes(`<a id="${code}">`);
}

describe("the client layer's words in the production build", () => {
  const { page, api } = useTwoOrigins();
  let probe = 0;
  type Fetch = typeof import('../../src/fetch/index.js');

  it('option checks, a plugin option given plain data, warnings and the errors: same class and fields, the code and a docs heading', async () => {
    const [a, b] = (await builds('index')) as [Client, Client];
    const [fa, fb] = (await builds('fetch')) as [Fetch, Fetch];
    const run = async (client: Client, fetchEntry: Fetch) => {
      const warnings: string[] = [];
      const target = `/probe/production-client/${++probe}`;
      const api2 = client.createClient({ baseUrl: api.origin, origin: page.origin, engine: 'chromium', retry: 0, onWarning: (warning) => warnings.push(warning.message) });
      await api2.get(target, { headers: { 'X-Token': 't' } }).catch(() => undefined);
      const policy = fetchEntry.createFetch({ origin: page.origin, onWarning: () => undefined, credentials: fetchEntry.credentialsPolicy({ include: [api.origin] }) });
      const refused = await caught(policy('http://127.0.0.1:9/x', { credentials: 'include' }));
      const broken = client.createClient({ origin: page.origin, retry: 0, onWarning: () => undefined, diagnose: client.diagnosis({ browser: true }) });
      const diagnosed = await caught(broken.get('http://127.0.0.1:9/x'));
      return {
        errors: [
          await caught(() => client.sessionStats({ preflightMaxAge: -1 })),
          await caught(() => client.createClient({ preflightMaxAge: 600 } as never)),
          await caught(() => (client.createClient({}) as unknown as { stats(): unknown }).stats()),
          await caught(() => client.createClient({ credentials: { include: [api.origin] } } as never)),
          await caught(() => fetchEntry.createFetch({ retry: 1 } as never)),
          refused,
          diagnosed,
        ] as Error[],
        warnings,
      };
    };
    const [full, production] = [await run(a, fa), await run(b, fb)];
    const shape = (error: Error) => ({ class: error.constructor.name, code: (error as { code?: unknown }).code });
    expect(production.errors.map(shape)).toEqual(full.errors.map(shape));
    expect(production.errors.map(shape).map((item) => item.class)).toEqual([
      'RangeError',
      'TypeError',
      'TypeError',
      'TypeError',
      'TypeError',
      'CredentialsPolicyError',
      'CorsError',
    ]);
    expect(production.warnings).toHaveLength(full.warnings.length);
    expect(full.warnings[0]).toContain('will be preflighted');
    for (const message of [...production.errors.map((error) => error.message), ...production.warnings]) {
      expect(message).toMatch(/^crosswise: [\w-]+ \(see https:\/\/\S+\.md#[\w-]+\)$/);
      expect(linksToHeading(message), message).toBe(true);
    }
    expect(production.errors.map((error) => /^crosswise: ([\w-]+)/.exec(error.message)?.[1])).toEqual([
      'invalid_option',
      'invalid_option',
      'plugin_required',
      'plugin_required',
      'invalid_option',
      'not_allowlisted',
      'cors_error',
    ]);
  });
});

describe('crosswise/jsonp: the production build', () => {
  let server: LegacyServer;
  let window: Window;
  beforeAll(async () => {
    server = await createLegacyServer();
    // Only this file's own loopback server's scripts run, so happy-dom's warning about untrusted code does not apply.
    window = new Window({ url: 'http://127.0.0.1:1/', settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  });
  afterAll(async () => {
    await window.happyDOM.close();
    await server.close();
  });

  it('fails each way with the same error class, code and fields, its message naming the code', async () => {
    const [a, b] = (await builds('jsonp')) as [Jsonp, Jsonp];
    const document = window.document as unknown as Document;
    const failures = (jsonp: Jsonp) =>
      Promise.all(
        [
          () => jsonp.loadJsonp(`${server.origin}/plain`, { document, callbackName: `plain${jsonp === a ? 'A' : 'B'}` }),
          () => jsonp.loadJsonp(`${server.origin}/missing`, { document, callbackName: `missing${jsonp === a ? 'A' : 'B'}` }),
          () => jsonp.loadJsonp(`${server.origin}/slow?ms=400`, { document, timeout: 30, callbackName: `slow${jsonp === a ? 'A' : 'B'}` }),
          () => jsonp.loadJsonp(`${server.origin}/data`, { document, signal: AbortSignal.abort(), callbackName: `abort${jsonp === a ? 'A' : 'B'}` }),
          () => jsonp.loadJsonp(`${server.origin}/data`, { document, timeout: -1 }),
          () => jsonp.loadJsonp('data:text/javascript,1', { document }),
        ].map((load) => Promise.resolve().then(load).then(() => new Error('loaded'), (caught: unknown) => caught as Error)),
      );
    const [fromFull, fromProduction] = [await failures(a), await failures(b)];
    // Each build's loads use their own callback names (A, B): a timed-out load keeps its name until its script ends.
    const unsuffixed = (value: unknown): unknown => (typeof value === 'string' ? value.replace(/[AB]$/, '') : value);
    const fields = (errors: Error[]) => errors.map((error) => {
      const { url, callbackName } = error as Error & { url?: string; callbackName?: string };
      return withoutWords({ ...error, name: error.name, url: unsuffixed(url), callbackName: unsuffixed(callbackName) });
    });
    expect(fields(fromProduction)).toEqual(fields(fromFull));
    expect(fromProduction.slice(0, 4).map((error) => (error as Error & { code?: string }).code)).toEqual(['no_callback', 'script_error', 'timeout', 'aborted']);
    // The message is the code and a link to the section of docs/jsonp.md that explains it; the URL stays on `error.url`.
    const jsonpDocs = `${DOCS_BASE_URL}jsonp.md`;
    for (const error of fromProduction.slice(0, 4)) {
      const { code } = error as Error & { code: string };
      expect(error.message).toBe(`crosswise: ${code} (see ${jsonpDocs}#${code})`);
    }
    expect(fromProduction.slice(4).map((error) => [error.constructor.name, error.message])).toEqual([
      ['RangeError', `crosswise: invalid_option (see ${jsonpDocs}#invalid_option): timeout`],
      ['TypeError', `crosswise: invalid_option (see ${jsonpDocs}#invalid_option): url`],
    ]);
    // Each link lands on a heading that is exactly its code.
    const headings = readFileSync(new URL('../../docs/jsonp.md', import.meta.url), 'utf8').split('\n');
    for (const code of ['no_callback', 'script_error', 'timeout', 'aborted', 'schema', 'callback_busy', 'invalid_option'])
      expect(headings, code).toContain(`### \`${code}\``);
    expect(fromFull[2]?.message).toContain('no response in 30 ms');
  });
});

describe('the production export condition', () => {
  let project: string;
  beforeAll(async () => {
    const { mkdtemp, mkdir, symlink } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    // An app whose node_modules holds this package: the bundler resolves it through package.json `exports`.
    project = await mkdtemp(`${tmpdir()}/crosswise-condition-`);
    await mkdir(`${project}/node_modules`);
    await symlink(new URL('../..', import.meta.url).pathname, `${project}/node_modules/crosswise`);
  });
  afterAll(async () => {
    const { rm } = await import('node:fs/promises');
    await rm(project, { recursive: true, force: true });
  });

  // esbuild (tsx's) as a stand-in for every bundler that honours the condition (Vite, webpack, Rollup, Parcel).
  for (const [line, entry] of [["export { createClient } from 'crosswise';", 'index'], ["export { predictCors } from 'crosswise/cors';", 'cors'], ["export { loadJsonp } from 'crosswise/jsonp';", 'jsonp'], ["export { createFetch } from 'crosswise/fetch';", 'fetch']] as const) {
    it(`is what a bundler picks for \`${line}\` when asked, and only then`, async () => {
      const { build } = await import('esbuild');
      const bundle = async (conditions: string[]) => {
        const result = await build({ stdin: { contents: line, resolveDir: project, loader: 'js' }, bundle: true, write: false, format: 'esm', platform: 'browser', external: ['ky', 'zod', 'zod/*'], conditions, metafile: true, logLevel: 'silent' });
        expect(result.warnings).toEqual([]);
        return Object.keys(result.metafile.inputs).filter((path) => path.includes('dist/'));
      };
      const [production, development] = [await bundle(['production']), await bundle([])];
      expect(production).toContainEqual(expect.stringMatching(new RegExp(`dist/prod/${entry}\\.js$`)));
      expect(production.every((path) => path.includes('dist/prod/'))).toBe(true);
      expect(development.some((path) => path.includes('dist/prod/'))).toBe(false);
    });
  }
});
