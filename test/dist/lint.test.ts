// node-versions: once — publint and attw read the packed files; their verdict does not depend on the Node that runs them.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmCommand } from '../helpers/npm.js';

// The two linters the ecosystem trusts for packages, on the tarball npm packs from the fresh dist/ (test/global-build.ts):
// exports and files (publint), types per resolution mode (attw). They read files only: scripts/test.mjs runs this once.
const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const bin = (name: string): string => join(root, 'node_modules/.bin', name);

let work: string;
let tarball: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'crosswise-lint-'));
  const { stdout } = await run(...npmCommand(['pack', '--ignore-scripts', '--json', '--pack-destination', work]), { cwd: root });
  tarball = join(work, (JSON.parse(stdout) as { filename: string }[])[0]?.filename ?? 'missing.tgz');
}, 60_000);
afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('the packed package, linted', () => {
  it('passes publint --strict', async () => {
    await expect(run(bin('publint'), ['--strict'], { cwd: root })).resolves.toBeDefined();
  });

  // attw's esm-only profile: ESM only, as ky 2; CommonJS TypeScript projects resolve the types through require(esm)
  // (module: nodenext), which test/dist/package.test.ts type-checks in a real consumer.
  it('passes arethetypeswrong (esm-only profile)', async () => {
    const attw = await run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], { cwd: root }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const problems = (JSON.parse(attw.stdout) as { analysis: { problems: { kind: string; resolutionKind?: string; entrypoint?: string }[] } }).analysis.problems;
    expect(problems.filter((problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs')).toEqual([]);
  }, 60_000);
});
