// Writes docs/api.md, the API reference, from the entry points' types and JSDoc. Run with `npm run docs:api`;
// test/docs-api.test.ts fails when the committed file differs from what this would write.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureDocCoverage } from './api-doc/coverage.js';
import { generateApiDoc } from './api-doc/generate.js';

const root = resolve(import.meta.dirname, '..');
const { markdown, counts, undocumented } = generateApiDoc(root);
writeFileSync(join(root, 'docs', 'api.md'), markdown);
console.log('wrote docs/api.md');
for (const { entry, exported, documented } of counts) console.log(`  ${entry.padEnd(16)} ${exported} names, ${documented} with JSDoc`);
// The gap stays visible on every run: names without JSDoc are listed, not hidden.
if (undocumented.length === 0) console.log('every export has JSDoc');
else console.log(`exports without JSDoc (${undocumented.length}):\n${undocumented.map((name) => `  ${name}`).join('\n')}`);
// Members too (test/docs-coverage.test.ts holds them to every one): each property, method and parameter that needs JSDoc.
const { members, gaps } = measureDocCoverage(root);
console.log(`members and parameters with JSDoc: ${members.documented}/${members.total}`);
for (const gap of gaps) console.log(`  ${gap.name} (${gap.file})`);
