// `npm run bench`: every benchmark in one run, one table; each ratio is measured against a baseline taken in the
// same run, so machines and moments compare. Exits 1 when a row misses its target.
import { benchClient } from './client.bench.js';
import { benchJsonp } from './jsonp.bench.js';
import { benchPredict } from './predict.bench.js';
import { meets, type BenchRow } from './row.js';

const rows: BenchRow[] = [];
for (const bench of [benchPredict, benchClient, benchJsonp]) rows.push(await bench());

const cells = rows.map((row) => [
  row.name,
  row.measured,
  row.baseline,
  row.skipped === undefined ? `${row.ratio.toFixed(3)}×` : '-',
  `${row.target.op} ${row.target.value}×`,
  row.skipped === undefined ? (meets(row) ? 'OK' : 'MISSED') : `skipped: ${row.skipped}`,
]);
const header = ['benchmark', 'measured', 'baseline', 'ratio', 'target', 'verdict'];
const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => (cell[i] ?? '').length)));
const line = (cell: string[]): string => `| ${cell.map((text, i) => text.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(`\nNode ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
console.log([line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n'));
if (rows.some((row) => row.skipped === undefined && !meets(row))) process.exitCode = 1;
