// Prints each entry's size (min+gzip, ky and zod external) beside its budget and the libraries it is compared
// with. Exits 1 when an entry is over budget. Not yet part of `npm test`: see the size issue.
import { minGzipSize } from '../test/helpers/bundle-size.js';

const entries: [string, string, number][] = [
  ['crosswise/cors', 'src/cors/index.ts', 2500],
  ['crosswise/jsonp', 'src/jsonp/index.ts', 900],
  ['crosswise (client)', 'src/index.ts', 4000],
];
let over = false;
for (const [name, entry, budget] of entries) {
  const { minified, gzipped } = await minGzipSize(entry);
  const verdict = gzipped <= budget ? 'ok' : 'OVER';
  over ||= gzipped > budget;
  console.log(`${name.padEnd(20)} ${String(minified).padStart(7)} B min ${String(gzipped).padStart(6)} B min+gz  budget ${budget} B  ${verdict}`);
}
console.log('for comparison (min+gz): ky 2 9,047 B, up-fetch 1,739 B, fetch-jsonp 1,070 B');
if (over) process.exitCode = 1;
