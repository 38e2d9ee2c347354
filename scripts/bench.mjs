// `npm run bench`: builds dist/ when it is stale, then runs bench/main.ts under the newest Node crosswise supports (installed by
// scripts/setup.mjs), not the machine's own: a figure taken on an unsupported Node would be recorded as ours.
import { spawnSync } from 'node:child_process';
import { delimiter, dirname } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { NODE_MAJORS, nodeBinary } from './node-versions.mjs';

const node = nodeBinary(NODE_MAJORS.at(-1));
const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
// The build the tests and the demo share, made only when dist/ is older than its sources.
buildIfStale();
const bench = spawnSync(node, ['--import', 'tsx', 'bench/main.ts', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(bench.status ?? 1);
