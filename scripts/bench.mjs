// `npm run bench`: builds dist/, then runs bench/main.ts under the newest Node crosswise supports (installed by
// scripts/setup.mjs), not the machine's own: a figure taken on an unsupported Node would be recorded as ours.
import { spawnSync } from 'node:child_process';
import { delimiter, dirname } from 'node:path';
import { NODE_MAJORS, nodeBinary } from './node-versions.mjs';

const node = nodeBinary(NODE_MAJORS.at(-1));
const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
const build = spawnSync(node, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);
const bench = spawnSync(node, ['--import', 'tsx', 'bench/main.ts', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(bench.status ?? 1);
