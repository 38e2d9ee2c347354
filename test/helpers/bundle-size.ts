import { gzipSync } from 'node:zlib';
import terser from '@rollup/plugin-terser';
import { resolve } from 'node:path';
import { rollup, type Plugin, type RollupBuild, type RollupCache } from 'rollup';
import { productionWords } from '../../scripts/rollup-production.mjs';
import { transpileTypeScript } from '../../scripts/rollup-transpile.mjs';

const peer = (id: string): boolean => id === 'ky' || id === 'zod' || id.startsWith('zod/');

/** A bundle's weight in bytes: minified, and minified then gzipped (level 9). */
export interface BundleSize {
  minified: number;
  gzipped: number;
}

/** How a bundle is built: the default build (full text) or the production one, and which exports an app imports. */
export interface BuildOptions {
  /** The `production` export condition's build: codes and docs links instead of prose (scripts/rollup-production.mjs). */
  production?: boolean | undefined;
  /** Import only these names from the entry, as an app does (`import { createClient } from 'crosswise'`); all when absent. */
  imports?: readonly string[] | undefined;
}

const APP = '\0app-imports';

/** The app's one line, `export { names } from 'entry'`, as the module rollup starts from: the rest is tree-shaken. */
function appImports(entry: string, names: readonly string[]): Plugin {
  return {
    name: 'app-imports',
    resolveId: (id) => (id === APP ? APP : null),
    load: (id) => (id === APP ? `export { ${names.join(', ')} } from ${JSON.stringify(resolve(entry))};` : null),
  };
}

/** The minifier and its settings for every measured bundle. */
const minifier = (): Plugin =>
  terser({
    ecma: 2020,
    module: true,
    toplevel: true,
    compress: { passes: 3, unsafe: true, unsafe_arrows: true },
    format: { comments: false },
  });

/**
 * Bundles an entry the way users' bundlers would (ky and zod external, plus whatever `alsoExternal` names), not yet
 * minified. Pass the `cache` of an earlier call so the sources are transpiled once for every bundle.
 */
async function bundle(
  entry: string,
  alsoExternal: (id: string) => boolean,
  cache: { rollup?: RollupCache | undefined } | undefined,
  build: BuildOptions,
): Promise<RollupBuild> {
  const { production = false, imports } = build;
  const built = await rollup({
    input: imports === undefined ? entry : APP,
    external: (id) => peer(id) || alsoExternal(id),
    plugins: [
      ...(imports === undefined ? [] : [appImports(entry, imports)]),
      ...(production ? [productionWords()] : []),
      transpileTypeScript(),
    ],
    // Reuse the transpiled modules, not their resolved imports: each bundle draws its own external line.
    cache:
      cache?.rollup === undefined
        ? undefined
        : { ...cache.rollup, modules: cache.rollup.modules.map((module) => ({ ...module, resolvedIds: {} })) },
    onwarn: () => undefined,
  });
  if (cache !== undefined) cache.rollup = built.cache;
  return built;
}

/** Minifies a bundle with `minify` (a plugin made by minifier()), gzips it (level 9): bytes. Closes the bundle. */
async function minGzip(built: RollupBuild, minify: Plugin): Promise<BundleSize> {
  try {
    const { output } = await built.generate({ format: 'es', plugins: [minify] });
    const code = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
    return { minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
  } finally {
    await built.close();
  }
}

/**
 * Bundles an entry the way users' bundlers would (ky and zod external, plus whatever `alsoExternal` names), minifies,
 * gzips (level 9): bytes. Pass the `cache` of an earlier call so the sources are transpiled once for every bundle.
 */
export async function minGzipSize(
  entry: string,
  alsoExternal: (id: string) => boolean = () => false,
  cache?: { rollup?: RollupCache | undefined },
  build: BuildOptions = {},
): Promise<BundleSize> {
  return minGzip(await bundle(entry, alsoExternal, cache, build), minifier());
}

/**
 * Every bundle of `entries`, measured in one pass that transpiles each source file once and minifies the bundles
 * together through one terser plugin: @rollup/plugin-terser keeps its worker threads (one per core) while a chunk is
 * pending, so each thread loads and warms up terser once, not once per bundle as a plugin per bundle does (that cost
 * half the measurement's CPU time). The bytes are the same: the same plugin with the same options minifies each bundle.
 */
export async function measureSizes(entries: readonly SizeEntry[]): Promise<Map<SizeEntry, BundleSize>> {
  const cache: { rollup?: RollupCache | undefined } = {};
  const built: RollupBuild[] = [];
  try {
    for (const entry of entries) built.push(await bundle(entry.entry, entry.alsoExternal ?? (() => false), cache, entry));
  } catch (error) {
    await Promise.all(built.map((each) => each.close()));
    throw error;
  }
  const minify = minifier();
  const sizes = await Promise.all(built.map((each) => minGzip(each, minify)));
  return new Map(entries.map((entry, index) => [entry, sizes[index] as BundleSize]));
}

/**
 * One measured bundle: the target, and the ceiling the test enforces so that nothing grows unnoticed. A row's
 * comment says what it measured (min+gz bytes) after each change named in 'What moved the ceilings' below.
 */
export interface SizeEntry extends BuildOptions {
  name: string;
  entry: string;
  /** What the bundle holds, in a few words. */
  holds: string;
  /** The target the project set (min+gz bytes). */
  target: number;
  /** The most the test lets it weigh today: the target where it is met, else today's size and a small margin. */
  ceiling: number;
  alsoExternal?: (id: string) => boolean;
}

// What moved the ceilings, each change once (all measured 2026-12-02): a ceiling is a row's last measure and a small margin.
// - speed: predictCors's speed (the page's origin and engine read once, URLs parsed once), ~+230 B.
// - wire: predictWireHeaders, the engines' wire rewrites, no longer inside predictCors: ~+50 B on the whole entry, ~-370 B where only predictCors is imported.
// - merges: the session's merges, re-measured: the core's stats.responseHeaders watch (~+300 B) and `speed` came on top.
// - stats-plugin: sessionStats(), stats() as a plugin of its own: the record, the preflight-cache replay and the header watch left the core; a row that holds every plugin gained the fifth plugin object, its option checks and the refusal of the moved preflightMaxAge/clock.
// - per-call: predictCors's per-call speed (rules; docs/size.md and docs/performance.md say what it bought).
// - rules2: the Content-Type judged by two tests, not an extracted essence: a few bytes less, and the ceilings lowered.
// - hotpath: the failed-call wrapper that replaced the per-call beforeError merge, the input check's credentials fix, bodyUsed in the prediction key and rebuilt Requests keeping their referrer: ~+120 B.
// - attack2: sessionStats reading its options once and steadying its clock, the header watch stepping aside on a frozen Headers, the failed-call wrapper passing NetworkError look-alikes through: ~+60 B.
// - priority: three referrer fixes and the JSONP loader's document. The transport keeps the Request's referrer in the init it forwards to fetch (ky forwards `priority` there, and fetch(request, init) with any RequestInit member reset the caller's referrer), where only createFetch kept it before; createFetch's credentials mode string is set by a rebuild that keeps a Request input's referrer (it reset it, a no-referrer policy included); the JSONP script goes into <head> and a document without a window or a head is refused (its callback global never went): createClient rows ~+40 B, createFetch ~+20 B, the loader −6 B in production.

// The client imports the rules and the loader only through their entries: marking those external leaves the client's own layer.
const ownEntries = (id: string): boolean => /\/(cors|jsonp)\/index\.js$/.test(id);

/** createClient with the stats plugin (sessionStats()), production build. */
// stats-plugin 12,214 (32 B more than createClient with the stats built in, 12,182 B; 1,575 B more than without them); per-call 12,367; hotpath 12,482; attack2 12,541.
const STATS_PLUGIN_CEILING = 12590;

/** createClient with one plugin, production build. */
const PLUGIN_CEILINGS = {
  // merges 13,225; stats-plugin 11,689; per-call 11,832; hotpath 12,003.
  credentialsPolicy: 12050,
  // merges 13,393; stats-plugin 11,841; per-call 11,985; hotpath 12,095; priority 12,142.
  jsonpTransport: 12145,
  // merges 12,977; stats-plugin 11,432; per-call 11,579; hotpath 11,717; priority 11,772.
  minimizePreflights: 11775,
  // merges 14,311; stats-plugin 12,958; per-call 13,109; hotpath 13,230; priority 13,286.
  diagnosis: 13290,
  sessionStats: STATS_PLUGIN_CEILING,
} as const;

export const SIZE_ENTRIES: readonly SizeEntry[] = [
  {
    name: 'crosswise/cors',
    entry: 'src/cors/index.ts',
    holds:
      'the whole rules engine: predictCors with every reason text, engine profiles, the response checks per engine with their texts and Access-Control-Expose-Headers',
    target: 2500,
    // speed and wire 12,220; per-call 12,454.
    ceiling: 12500,
  },
  { name: 'crosswise/jsonp', entry: 'src/jsonp/index.ts', holds: 'loadJsonp and its errors', target: 900, ceiling: 1400 },
  {
    name: 'crosswise',
    entry: 'src/index.ts',
    holds: 'the client entry as an app ships it: client, endpoints, errors, every plugin, and the rules and the loader they use',
    target: 4000,
    // merges 23,405; stats-plugin 23,586; per-call 23,805; hotpath 23,980; attack2 24,046; priority 24,093.
    ceiling: 24100,
  },
  {
    name: 'crosswise (client layer)',
    entry: 'src/index.ts',
    holds: 'the same, less the rules engine and the loader (counted above)',
    target: 4000,
    // Counts every plugin and cors/origin.ts's page-origin helpers (house) as the client's.
    // merges 14,241; stats-plugin 14,427; hotpath 14,602; attack2 14,671.
    ceiling: 14720,
    alsoExternal: ownEntries,
  },
  // What an app ships when it imports one function (issue 15 measures these): the default build's targets are today's sizes.
  {
    name: 'import { createClient }',
    entry: 'src/index.ts',
    imports: ['createClient'],
    holds: 'what an app that calls createClient with no plugin ships',
    target: 14200,
    // merges 15,060; stats-plugin 13,552; per-call 13,763; hotpath 13,881.
    ceiling: 13930,
  },
  {
    name: 'import { createClient, sessionStats }',
    entry: 'src/index.ts',
    imports: ['createClient', 'sessionStats'],
    holds: 'createClient with the stats plugin: the per-endpoint stats, their preflight-cache replay and the response-header watch',
    target: 15250,
    // stats-plugin 15,179 (119 B more than createClient with the stats built in, 15,060 B); per-call 15,391; hotpath 15,517; attack2 15,580.
    ceiling: 15630,
  },
  {
    name: 'import { predictCors }',
    entry: 'src/cors/index.ts',
    imports: ['predictCors'],
    holds: 'what an app that only predicts ships',
    target: 8450,
    // speed and wire 8,655; per-call 8,865; rules2 8,861.
    ceiling: 8890,
  },
  // The `production` export condition's build (dist/prod): the same code and data, codes and docs links for prose.
  {
    name: 'crosswise/cors (production)',
    entry: 'src/cors/index.ts',
    production: true,
    holds: 'the whole rules engine, codes and docs links for its texts',
    target: 4500,
    // speed and wire 8,890; per-call 9,046.
    ceiling: 9100,
  },
  {
    name: 'crosswise/jsonp (production)',
    entry: 'src/jsonp/index.ts',
    production: true,
    holds: 'loadJsonp and its errors, codes and docs links for its texts',
    target: 1000,
    // Measured 1,170 B (2026-12-02, Node 20, 22 and 24 alike); 1,164 B once the script went into <head> (the
    // document check reads `head`). What the missing 164 B are: docs/jsonp.md#size.
    ceiling: 1170,
  },
  {
    name: 'crosswise (production)',
    entry: 'src/index.ts',
    production: true,
    holds: 'the client entry as an app ships it, production build',
    target: 9000,
    // merges 18,590; per-call 18,793; hotpath 18,953; attack2 19,017.
    ceiling: 19060,
  },
  {
    name: 'import { createClient } (production)',
    entry: 'src/index.ts',
    imports: ['createClient'],
    production: true,
    holds: 'what an app that calls createClient with no plugin ships, production build (issue 15: 9.0 kB)',
    target: 9000,
    // merges 12,182; stats-plugin 10,639; per-call 10,788; hotpath 10,898.
    ceiling: 10950,
  },
  // Each plugin on top of createClient (issue 15: an app pays for the features it passes, and only for those).
  ...(
    [
      ['credentialsPolicy', 'the per-origin credentials policy and its redirect verification'],
      ['jsonpTransport', 'the JSONP transport and fallback, with the loader'],
      ['minimizePreflights', 'the preflight-avoiding rewrites'],
      ['diagnosis', 'the evidence-ranked diagnosis, reachability, dev probe and hidden-header watch'],
      ['sessionStats', 'the per-endpoint stats, their preflight-cache replay and the response-header watch'],
    ] as const
  ).map(
    ([plugin, what]): SizeEntry => ({
      name: `import { createClient, ${plugin} } (production)`,
      entry: 'src/index.ts',
      imports: ['createClient', plugin],
      production: true,
      holds: `createClient with ${what}, production build`,
      target: PLUGIN_CEILINGS[plugin],
      ceiling: PLUGIN_CEILINGS[plugin],
    }),
  ),
  {
    name: 'import { createClient, every plugin } (production)',
    entry: 'src/index.ts',
    imports: ['createClient', 'credentialsPolicy', 'jsonpTransport', 'minimizePreflights', 'diagnosis', 'sessionStats'],
    production: true,
    holds: 'createClient with all five plugins, production build (before the plugins: 17,051 B)',
    target: 16900,
    // merges 17,166; stats-plugin 17,220; per-call 17,364; hotpath 17,517; attack2 17,583.
    ceiling: 17630,
  },
  {
    name: 'import { predictCors } (production)',
    entry: 'src/cors/index.ts',
    imports: ['predictCors'],
    production: true,
    holds: 'what an app that only predicts ships, production build (issue 15: 4.5 kB)',
    target: 4500,
    // speed and wire 6,418; per-call 6,556; rules2 6,549.
    ceiling: 6580,
  },
  {
    name: 'crosswise/fetch',
    entry: 'src/fetch/index.ts',
    holds: 'createFetch as an app ships it: the transport, policies, diagnosis, errors, and the rules and the loader it uses (no ky)',
    target: 4000,
    // merges 21,532; stats-plugin 21,654; per-call 21,892; hotpath 21,962; attack2 22,024; priority 22,074.
    ceiling: 22080,
  },
  {
    name: 'crosswise/fetch (production)',
    entry: 'src/fetch/index.ts',
    production: true,
    holds: 'the same, production build',
    target: 9000,
    // merges 16,660; per-call 16,869; hotpath 16,925; attack2 16,991.
    ceiling: 17040,
  },
  {
    name: 'import { createFetch } (production)',
    entry: 'src/fetch/index.ts',
    imports: ['createFetch'],
    production: true,
    holds: 'what an app that calls createFetch with no plugin ships, production build',
    target: 9000,
    // merges 11,507; stats-plugin 9,958; per-call 10,105.
    ceiling: 10160,
  },
];
