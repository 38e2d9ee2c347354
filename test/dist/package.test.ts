import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The package as users get it: built by rollup (test/global-build.ts), resolved through package.json "exports"
// (self-reference), in both module systems. A broken build or exports map cannot pass.

const require = createRequire(import.meta.url);
const probe = (predictCors: (url: string, init: RequestInit, options: object) => { kind: string }): string =>
  predictCors('https://api.example/x', { method: 'PUT' }, { origin: 'https://app.example', engine: 'standard' }).kind;

describe('the built package', () => {
  it('loads every entry as ESM', async () => {
    const root = await import('crosswise');
    const cors = await import('crosswise/cors');
    const jsonp = await import('crosswise/jsonp');
    expect(typeof root.createClient).toBe('function');
    expect(probe(cors.predictCors)).toBe('preflight');
    expect(typeof jsonp.loadJsonp).toBe('function');
    expect(typeof (await import('crosswise/dev')).createProbeHandler).toBe('function');
    expect((await import('crosswise/vite')).crosswiseDevProbe()).toMatchObject({ apply: 'serve' });
  });

  it('loads every entry as CommonJS', () => {
    expect(typeof require('crosswise/dev').createProbeHandler).toBe('function');
    expect(require('crosswise/vite').crosswiseDevProbe()).toMatchObject({ apply: 'serve' });
    expect(typeof require('crosswise').createClient).toBe('function');
    expect(probe(require('crosswise/cors').predictCors)).toBe('preflight');
    expect(typeof require('crosswise/jsonp').loadJsonp).toBe('function');
  });

  it('packs the built files, types, README and LICENSE only', () => {
    const report = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' })) as { files: { path: string }[] }[];
    const files = report[0]?.files.map((file) => file.path).sort() ?? [];
    expect(files.filter((file) => !/^(dist\/.+\.(js|cjs|d\.ts|d\.cts)|README\.md|LICENSE|package\.json)$/.test(file))).toEqual([]);
    for (const entry of ['index', 'cors', 'jsonp', 'dev', 'vite']) for (const ext of ['js', 'cjs', 'd.ts', 'd.cts']) expect(files).toContain(`dist/${entry}.${ext}`);
  });

  // The two linters the ecosystem trusts for packages: exports and files (publint), types per resolution mode (attw).
  it('passes publint --strict and arethetypeswrong in every resolution mode', () => {
    const bin = (name: string): string => new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;
    expect(() => execFileSync(bin('publint'), ['--strict'], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
    const report = execFileSync(bin('attw'), ['--pack', '.', '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const problems = (JSON.parse(report) as { analysis: { problems: unknown[] } }).analysis.problems;
    expect(problems).toEqual([]);
  });
});
