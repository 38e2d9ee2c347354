import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingServer, type RecordingServer } from '../helpers/recording-server.js';
import { npmCli, npmCommand } from '../helpers/npm.js';

// The package as users get it: built by rollup (test/global-build.ts), packed by `npm pack`, installed from the tarball
// into fresh projects, and called for real. `npm test` runs this file under Node 22 and Node 24 (scripts/test.mjs):
// the consumers run under the Node that runs the test.

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const probe = (predictCors: (url: string, init: RequestInit, options: object) => { kind: string }): string =>
  predictCors('https://api.example/x', { method: 'PUT' }, { origin: 'https://app.example', engine: 'standard' }).kind;

// One consumer per module system: a call through the client to the loopback API, printed as JSON on stdout.
const CALL = `const api = createClient({ baseUrl: process.argv[2], origin: 'http://127.0.0.1:1', retry: 0 });
const response = await api.get('items', { searchParams: { consumer: process.argv[3] } });
console.log(JSON.stringify({ status: response.status, body: await response.json(), kind: getPrediction(response)?.kind }));`;
const CONSUMERS = {
  esm: { packageJson: { name: 'esm-consumer', private: true, type: 'module' }, code: `import { createClient, getPrediction } from 'crosswise';\n${CALL}\n` },
  commonjs: { packageJson: { name: 'cjs-consumer', private: true }, code: `const { createClient, getPrediction } = require('crosswise');\n(async () => {\n${CALL}\n})();\n` },
} as const;

// Types from every entry, in a user's file.
const TYPED_USE = `import { createClient, isResponseSchemaError, type CorsPrediction } from 'crosswise';
import { predictCors } from 'crosswise/cors';
import { loadJsonp } from 'crosswise/jsonp';
import { createFetch } from 'crosswise/fetch';
const api = createClient({ origin: 'https://app.example', cors: 'strict' });
const kind: CorsPrediction['kind'] = predictCors('https://api.example/x', {}, { origin: 'https://app.example' }).kind;
const apiFetch: typeof fetch = createFetch({ origin: 'https://app.example', cors: 'strict' });
export const used = [api.get, kind, isResponseSchemaError, loadJsonp, apiFetch];
`;

let work: string;
let tarball: string;
let server: RecordingServer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'crosswise-package-'));
  // dist/ is fresh (test/global-build.ts): pack it as is; `npm pack` without --ignore-scripts would build again (prepack).
  const { stdout } = await run(...npmCommand(['pack', '--ignore-scripts', '--json', '--pack-destination', work]), { cwd: root });
  tarball = join(work, (JSON.parse(stdout) as { filename: string }[])[0]?.filename ?? 'missing.tgz');
  server = await createRecordingServer();
  server.route('/items', () => ({ status: 200, headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }, body: '{"items":[1,2]}' }));
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

const installed = new Map<keyof typeof CONSUMERS, Promise<string>>();
/** The fresh `kind` project with the tarball and ky installed (once, whichever test asks first): its folder. */
function consumer(kind: keyof typeof CONSUMERS): Promise<string> {
  let project = installed.get(kind);
  if (project === undefined) {
    project = (async () => {
      const folder = join(work, kind);
      await mkdir(folder);
      await writeFile(join(folder, 'package.json'), JSON.stringify(CONSUMERS[kind].packageJson));
      await writeFile(join(folder, 'main.js'), CONSUMERS[kind].code);
      // ky comes from npm's cache (this repository installed it); the registry is asked only if it is missing there.
      await run(...npmCommand(['install', tarball, 'ky@^2.1.0', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts']), { cwd: folder });
      await expect(readFile(join(folder, 'node_modules/zod/package.json'))).rejects.toThrow(/ENOENT/);
      return folder;
    })();
    installed.set(kind, project);
  }
  return project;
}

describe('the packed package', () => {
  it('contains the built files, types, README and LICENSE only, and declares its Node versions', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').map((file) => file.replace(/^package\//, '')).sort();
    expect(files.filter((file) => !/^(dist\/.+\.(js|d\.ts)|README\.md|LICENSE|package\.json)$/.test(file))).toEqual([]);
    for (const entry of ['index', 'cors', 'jsonp', 'fetch', 'dev', 'vite', 'cli']) expect(files).toContain(`dist/${entry}.js`);
    for (const entry of ['index', 'cors', 'jsonp', 'fetch', 'dev', 'vite']) expect(files).toContain(`dist/${entry}.d.ts`);
    const { stdout: manifest } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
    const packed = JSON.parse(manifest) as { scripts: Record<string, string>; engines: { node: string }; peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };
    // npm warns EBADENGINE from this field on an older Node (the same floor as ky 2's `>=22`, plus synchronous require of ESM).
    expect(packed.engines.node).toBe('>=22.12');
    expect(packed.peerDependencies).toEqual({ ky: '^2.1.0', zod: '^4.6.0' });
    expect(packed.peerDependenciesMeta).toEqual({ zod: { optional: true } });
    // `npm pack` and `npm publish` build first: a stale dist/ cannot be packed.
    expect(packed.scripts.prepack).toBe('npm run build');
  });

  // What a user on an unsupported Node sees: npm's own engines check (the function npm install calls), on the packed manifest.
  it('makes npm report EBADENGINE below Node 22.12, and not from 22.12 on', async () => {
    const { stdout: manifest } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
    const checks = createRequire(npmCli())('../node_modules/npm-install-checks') as { checkEngine: (target: object, npm: string, node: string) => void };
    const verdict = (node: string): string => {
      try {
        checks.checkEngine(JSON.parse(manifest) as object, '11.0.0', node);
        return 'ok';
      } catch (error) {
        return (error as { code?: string }).code ?? String(error);
      }
    };
    expect(['20.20.2', '22.11.0', '22.12.0', '24.0.0', process.versions.node].map(verdict)).toEqual(['EBADENGINE', 'EBADENGINE', 'ok', 'ok', 'ok']);
  });

  // An ES module project and a CommonJS one, each with the tarball and ky only (zod is an optional peer), each making a real call.
  // The two installs run side by side: each mostly waits on npm and the disk.
  it.concurrent.each(Object.keys(CONSUMERS) as (keyof typeof CONSUMERS)[])(
    'installs into a fresh %s project and makes a real call through the client',
    async (kind) => {
      const project = await consumer(kind);
      const { stdout, stderr } = await run(process.execPath, ['main.js', server.origin, kind], { cwd: project });
      expect(JSON.parse(stdout)).toEqual({ status: 200, body: { items: [1, 2] }, kind: 'simple' });
      // require() of an ES module warns on some Node 22 releases: none of those may reach the user here.
      expect(stderr).toBe('');
      expect(server.recordsUnder('/items').map((request) => request.path)).toContain(`/items?consumer=${kind}`);
    },
    120_000,
  );

  // A CommonJS TypeScript project compiles its imports to require(): TypeScript allows that of an ES module under
  // `module: nodenext` (or node20). node16 models a Node without require(esm) and refuses ky 2 itself alike (TS1479).
  it('type-checks in the CommonJS project with module: nodenext', async () => {
    const project = await consumer('commonjs');
    await writeFile(join(project, 'check.ts'), TYPED_USE);
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const args = ['--module', 'nodenext', '--moduleResolution', 'nodenext', '--strict', '--noEmit', '--skipLibCheck', '--lib', 'es2022,dom', 'check.ts'];
    const result = await run(process.execPath, [tsc, ...args], { cwd: project }).then(() => '', (error: { stdout?: string }) => error.stdout ?? String(error));
    expect(result).toBe('');
  }, 120_000);
});

describe('the built package in this repository', () => {
  it('loads every entry as ESM', async () => {
    const rootEntry = await import('crosswise');
    const cors = await import('crosswise/cors');
    const jsonp = await import('crosswise/jsonp');
    expect(typeof rootEntry.createClient).toBe('function');
    expect(probe(cors.predictCors)).toBe('preflight');
    expect(typeof jsonp.loadJsonp).toBe('function');
    expect(typeof (await import('crosswise/fetch')).createFetch).toBe('function');
    expect(typeof (await import('crosswise/dev')).createProbeHandler).toBe('function');
    expect((await import('crosswise/vite')).crosswiseDevProbe()).toMatchObject({ apply: 'serve' });
  });

  // ESM only, as ky 2: Node ≥ 22.12 loads an ES module through require() synchronously.
  it('loads every entry through require()', () => {
    expect(typeof require('crosswise/dev').createProbeHandler).toBe('function');
    expect(require('crosswise/vite').crosswiseDevProbe()).toMatchObject({ apply: 'serve' });
    expect(typeof require('crosswise').createClient).toBe('function');
    expect(probe(require('crosswise/cors').predictCors)).toBe('preflight');
    expect(typeof require('crosswise/jsonp').loadJsonp).toBe('function');
    expect(typeof require('crosswise/fetch').createFetch).toBe('function');
  });
});
