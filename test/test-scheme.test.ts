import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeSensitiveTests, nodeSensitivity, unitTestFiles } from '../scripts/node-sensitive.mjs';

// How `npm test` spreads the test files over Node versions and runners (vitest.config.ts, scripts/test.mjs): a file
// the scheme would run nowhere, or a type test that would check nothing, fails here.

const ROOT = new URL('..', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

describe('which Node runs which unit test file', () => {
  it('every test of a Node-only part runs under every supported Node: the CLI, the dev probe, the packed package, the scripts', () => {
    const sensitive = new Set(nodeSensitiveTests(ROOT));
    const nodeOnly = unitTestFiles(ROOT).filter((file) => /^test\/(cli|dev|scripts)\//.test(file));
    expect(nodeOnly.length).toBeGreaterThan(10);
    expect(nodeOnly.filter((file) => !sensitive.has(file))).toEqual([]);
    for (const file of ['test/dist/package.test.ts', 'test/client/redirects.test.ts', 'test/jsonp/load-jsonp.test.ts'])
      expect(sensitive.has(file), file).toBe(true);
  });

  it('finds Node I/O through the local modules a test imports, and leaves pure computation to one run', () => {
    // diagnose-probe.test.ts reaches node:net only through test/helpers/recording-server.ts.
    expect(nodeSensitivity(ROOT, 'test/client/diagnose-probe.test.ts')).toEqual({
      file: 'test/helpers/recording-server.ts',
      marker: "from 'node:net'",
    });
    expect(nodeSensitivity(ROOT, 'test/cors/engines.test.ts')).toBeUndefined();
    // A file's own pragma wins: the packed package's lint reads files, whatever it spawns.
    expect(nodeSensitivity(ROOT, 'test/dist/lint.test.ts')).toBeUndefined();
  });
});

describe('browser files', () => {
  it("open Chromium through openChromium(), which connects to the project's shared browser, not a launch of their own", () => {
    const launching = filesUnder('test')
      .filter((file) => file.endsWith('.browser.test.ts'))
      .filter((file) => /chromium\.launch\(/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(launching).toEqual([]);
  });
});

describe('type tests', () => {
  it('live in *.test-d.ts files, which the type checker runs: expectTypeOf in a *.test.ts file checks nothing at run time', () => {
    const files = [...filesUnder('test'), ...filesUnder('examples')].filter((file) => !file.endsWith('.test-d.ts'));
    const misplaced = files.filter((file) => /\b(expectTypeOf|assertType)\(/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(misplaced).toEqual([]);
    expect(filesUnder('test').filter((file) => file.endsWith('.test-d.ts')).length).toBeGreaterThan(0);
  });
});
