// What each part of crosswise/jsonp weighs in its production build (min+gz): the loader is built once as it is and once
// per part with that part replaced by a stand-in (a copy of src/jsonp with a few source lines edited), through the same
// bundle, minifier and gzip as the size ceilings (test/helpers/bundle-size.ts). The parts overlap, so the figures do not
// add up; the last rows drop the sets docs/jsonp.md#size names as ways to 1,000 B. An edit that no longer finds its
// line fails the run: update the stand-in with the source.
//   npx tsx scripts/jsonp-size-parts.ts
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minGzipSize } from '../test/helpers/bundle-size.js';

/** One source edit: in `file` (under src/jsonp), replace `from` (a string, or a pattern) with `to`. */
type Edit = readonly [file: string, from: string | RegExp, to: string];

/** Removes the one line of `file` that contains `fragment`. */
const dropLine = (file: string, fragment: string): Edit => [
  file,
  new RegExp(`^.*${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\\n`, 'm'),
  '',
];

const TIMEOUT_CHECK = dropLine('load-jsonp.ts', "'timeout', A_DELAY");
const SIGNAL_CHECK = dropLine('load-jsonp.ts', "'signal', AN_ABORT_SIGNAL");
const SCHEMA_CHECK = dropLine('load-jsonp.ts', "'schema', A_STANDARD_SCHEMA");
const CHECKS: Record<string, readonly Edit[]> = {
  'method/body/headers absent': [dropLine('load-jsonp.ts', "['method', 'body', 'headers']")],
  'callbackParam check': [dropLine('load-jsonp.ts', "'callbackParam', URL_SAFE")],
  'callbackName check': [dropLine('load-jsonp.ts', "'callbackName', AN_IDENTIFIER")],
  'timeout check': [TIMEOUT_CHECK],
  'signal check': [SIGNAL_CHECK],
  'schema check': [SCHEMA_CHECK],
  'document check': [dropLine('load-jsonp.ts', "'document', GIVEN_OUTSIDE_A_BROWSER")],
  "the URL's scheme check": [dropLine('load-jsonp.ts', "'url', AN_HTTP_URL")],
};

const QUERY_AS_SEARCH_PARAMS: readonly Edit[] = [
  dropLine('load-jsonp.ts', 'const query = src.search.slice(1);'),
  dropLine('load-jsonp.ts', 'const kept = query'),
  ['load-jsonp.ts', /src\.search = \[\.\.\.kept, .*\n/, 'src.searchParams.set(callbackParam, callbackName);\n'],
];
const NO_ATTRIBUTES: readonly Edit[] = [dropLine('script-load.ts', "['nonce', 'referrerPolicy', 'crossOrigin']")];
// The caller sets the element's attributes itself through one callback (a different API for the same behaviour).
const ATTRIBUTES_BY_CALLBACK: readonly Edit[] = [
  ['script-load.ts', /^.*\['nonce', 'referrerPolicy', 'crossOrigin'\].*\n/m, '    attributes.onScript?.(script);\n'],
];
const NO_TIMEOUT_CEILING: readonly Edit[] = [['load-jsonp.ts', ' && timeout <= 2_147_483_647', '']];
const NO_IS_JSONP_ERROR: readonly Edit[] = [['index.ts', 'export { JsonpError, isJsonpError }', 'export { JsonpError }']];
const NO_RANDOM_PART: readonly Edit[] = [['load-jsonp.ts', /_\$\{Math\.floor\(Math\.random\(\) \* 1e9\)\}/, '']];
// A docs host 40 characters shorter than the GitHub address (none exists: this measures what one would save).
const SHORT_DOCS_HOST: readonly Edit[] = [
  ['docs-url.ts', 'https://github.com/crosswise-dev/crosswise/blob/main/docs/jsonp.md', 'https://crosswise.dev/jsonp'],
];

const PARTS: Record<string, readonly Edit[]> = {
  ...CHECKS,
  'all option checks, and the error that names the input': [
    ...Object.values(CHECKS).flat(),
    ['load-jsonp.ts', "import { expectInput } from './checks.js';\n", ''],
  ],
  'the schema step': [SCHEMA_CHECK, ['load-jsonp.ts', /\.then\(async \(data\) => \{[\s\S]*?\n {2}\}\);/, ' as Promise<T>;']],
  'the timeout': [
    TIMEOUT_CHECK,
    dropLine('script-load.ts', 'clearTimeout(timer);'),
    dropLine('script-load.ts', 'if (timeout > 0) timer = setTimeout(onTimeout, timeout);'),
  ],
  abort: [
    SIGNAL_CHECK,
    dropLine('script-load.ts', "signal?.removeEventListener('abort', onAbort);"),
    dropLine('script-load.ts', 'if (signal?.aborted) return onAbort();'),
    dropLine('script-load.ts', "signal?.addEventListener('abort', onAbort);"),
  ],
  'the byte-for-byte query (against searchParams.set)': QUERY_AS_SEARCH_PARAMS,
  'the docs link': [['docs-url.ts', 'https://github.com/crosswise-dev/crosswise/blob/main/docs/jsonp.md', '']],
  'nonce/referrerPolicy/crossOrigin': NO_ATTRIBUTES,
  isJsonpError: NO_IS_JSONP_ERROR,
  "the generated name's random part": NO_RANDOM_PART,
  'no-callback detection': [
    ['script-load.ts', "if ((event as Event).type === 'load') fail('no_callback', noCallback(callbackParam));\n      else ", ''],
  ],
  callback_busy: [dropLine('script-load.ts', "if (callbackName in globals) return fail('callback_busy', callbackBusy());")],
  'a docs host 40 characters shorter': SHORT_DOCS_HOST,
  'the attributes set by one callback (onScript) instead': ATTRIBUTES_BY_CALLBACK,
  "the timeout's ceiling (2^31 - 1 ms)": NO_TIMEOUT_CEILING,
  'to 1,000 B: query, attributes, isJsonpError, random part, short docs host': [
    ...QUERY_AS_SEARCH_PARAMS,
    ...NO_ATTRIBUTES,
    ...NO_IS_JSONP_ERROR,
    ...NO_RANDOM_PART,
    ...SHORT_DOCS_HOST,
  ],
  'to 1,000 B keeping the attributes: query, isJsonpError, random part, short docs host, onScript': [
    ...QUERY_AS_SEARCH_PARAMS,
    ...ATTRIBUTES_BY_CALLBACK,
    ...NO_IS_JSONP_ERROR,
    ...NO_RANDOM_PART,
    ...SHORT_DOCS_HOST,
  ],
  'the same, the timeout ceiling instead of onScript': [
    ...QUERY_AS_SEARCH_PARAMS,
    ...NO_TIMEOUT_CEILING,
    ...NO_IS_JSONP_ERROR,
    ...NO_RANDOM_PART,
    ...SHORT_DOCS_HOST,
  ],
};

const source = new URL('../src/jsonp/', import.meta.url).pathname;

/** The production build's min+gz bytes of src/jsonp with `edits` applied to a copy. */
async function measure(edits: readonly Edit[]): Promise<number> {
  const copy = mkdtempSync(join(tmpdir(), 'crosswise-jsonp-parts-'));
  try {
    cpSync(source, copy, { recursive: true });
    for (const [file, from, to] of edits) {
      const path = join(copy, file);
      const text = readFileSync(path, 'utf8');
      const edited = text.replace(from, to);
      if (edited === text) throw new Error(`${file}: the stand-in's edit no longer matches: ${String(from)}`);
      writeFileSync(path, edited);
    }
    return (await minGzipSize(join(copy, 'index.ts'), undefined, undefined, { production: true })).gzipped;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const whole = await measure([]);
console.log(`crosswise/jsonp (production): ${whole} B min+gz; each part, measured by replacing it with a stand-in:`);
for (const [part, edits] of Object.entries(PARTS)) {
  const without = await measure(edits);
  console.log(`${part.padEnd(96)} ${String(whole - without).padStart(4)} B  (${without} B without it)`);
}
