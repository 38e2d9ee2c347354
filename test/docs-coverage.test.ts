import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureDocCoverage, undocumentedInDeclarations } from '../scripts/api-doc/coverage.js';

// Docs in the types (issue 16): every export, every member of a public class, interface or object type, and every
// parameter of a public function that takes two or more, carries JSDoc. Measured through the type checker from the
// six entry points (scripts/api-doc/coverage.ts); a failure names each undocumented declaration and its file.
const root = resolve(import.meta.dirname, '..');

// TEMPORARY — emptied by the coordinator once the plugins work is merged. src/client/options.ts (createClient's and
// createFetch's options) is being rewritten by that work, which turns the options into opt-in plugins, so it is not
// edited here; these are its gaps today. Only that file may be listed, and an entry that stops being a gap (now
// documented, or gone) fails the test below, so the list can only shrink.
const PENDING_PLUGINS_OPTIONS_REWRITE: readonly string[] = [];
const PENDING_FILE = 'src/client/options.ts';

describe('JSDoc on the public surface', () => {
  const coverage = measureDocCoverage(root);

  it('documents every export, member and parameter (listing the ones that are not)', () => {
    const { exports, members } = coverage;
    console.log(`JSDoc: ${exports.documented}/${exports.total} exports, ${members.documented}/${members.total} members and parameters`);
    const missing = coverage.gaps
      .filter((gap) => !(gap.file === PENDING_FILE && PENDING_PLUGINS_OPTIONS_REWRITE.includes(gap.name)))
      .map((gap) => `${gap.name} (${gap.file})`);
    expect(missing, 'these public declarations have no JSDoc: add it where they are declared').toEqual([]);
  });

  // The unit project's global setup builds dist/ when it is older than src/.
  it('reaches users: the emitted declarations (dist/*.d.ts) carry the JSDoc an editor shows', () => {
    const pending = (name: string): boolean => PENDING_PLUGINS_OPTIONS_REWRITE.includes(name.slice(name.indexOf(': ') + 2));
    expect(undocumentedInDeclarations(root).filter((name) => !pending(name))).toEqual([]);
  });

  it('allows only gaps that still exist, in src/client/options.ts', () => {
    const pending = coverage.gaps.filter((gap) => gap.file === PENDING_FILE).map((gap) => gap.name);
    expect(PENDING_PLUGINS_OPTIONS_REWRITE.filter((name) => !pending.includes(name))).toEqual([]);
  });
});

describe('the JSDoc measure', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'crosswise-doc-coverage-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it('finds each kind of gap, and leaves out private members, the tag of a union and the parameters of callbacks', () => {
    mkdirSync(join(fixture, 'src'));
    writeFileSync(join(fixture, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true } }));
    writeFileSync(
      join(fixture, 'src', 'index.ts'),
      `
/** Documented. */
export interface Options {
  /** Documented. */
  documented?: string;
  bare?: number;
  nested?: {
    /** Documented. */
    inner: string;
    innerBare: string;
  };
  callback?: (value: string, index: number) => void;
  reached?: Helper;
}
interface Helper { helperMember: string }
/** A tagged union. A JSDoc on the line of the code before it is no JSDoc: editors do not attach it (see at). */
export type Event = { kind: 'open'; /** Not attached. */ at: number } | {
  kind: 'close';
  /** Documented. */
  reason: string;
  code: number;
};
/**
 * Documented, and one parameter of two.
 * @param first The first.
 */
export function run(first: string, second: Options): Event { return { kind: 'close', reason: first + String(second) }; }
/** One parameter: the summary covers it. */
export function single(value: Options): void { void value; }
export const undocumented = 1;
/** Documented. */
export class Thing {
  /** Documented. */
  constructor(public readonly shown: string, private readonly hidden: string) { void this.hidden; }
  #secret = 1;
  private alsoSecret = 2;
  method(): number { return this.#secret + this.alsoSecret; }
}
`,
    );
    const coverage = measureDocCoverage(fixture, [{ name: 'fixture', file: 'src/index.ts' }]);
    expect(coverage.gaps.map((gap) => gap.name).sort()).toEqual(
      [
        'Event[kind=open].at',
        'Event[kind=close].code',
        'Helper',
        'Helper.helperMember',
        'Options.bare',
        'Options.callback',
        'Options.nested',
        'Options.nested.innerBare',
        'Options.reached',
        'Thing.constructor(hidden)',
        'Thing.constructor(shown)',
        'Thing.method',
        'Thing.shown',
        'run(second)',
        'undocumented',
      ].sort(),
    );
    expect(coverage.gaps.every((gap) => gap.file === 'src/index.ts')).toBe(true);
    expect(coverage.exports).toEqual({ total: 6, documented: 5 });
  });

  it('finds the gaps in declarations a build stripped of their comments', () => {
    const stripped = join(fixture, 'stripped');
    mkdirSync(stripped);
    cpSync(join(root, 'package.json'), join(stripped, 'package.json'));
    cpSync(join(root, 'dist'), join(stripped, 'dist'), { recursive: true, filter: (path) => !path.includes('/prod') });
    for (const name of readdirSync(join(stripped, 'dist')).filter((file) => file.endsWith('.d.ts'))) {
      const path = join(stripped, 'dist', name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, ''));
    }
    const gaps = undocumentedInDeclarations(stripped);
    expect(gaps).toContain('crosswise: createClient');
    expect(gaps).toContain('crosswise/cors: CorsPrediction.kind');
    expect(gaps).toContain('crosswise/jsonp: JsonpError.callbackName');
  });
});
