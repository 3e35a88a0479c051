// Writes the case study (datasets/case-study/) from its seed: `npm run generate:case-study [-- --seed N]`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCaseStudy, DEFAULT_SEED } from './generator/case-study.ts';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
const outDir = values.out ?? join(dirname(fileURLToPath(import.meta.url)), 'case-study');
mkdirSync(outDir, { recursive: true });
const study = buildCaseStudy(seed);
for (const [name, content] of Object.entries(study.files)) {
  writeFileSync(join(outDir, name), content, 'utf8');
  console.log(`${name}\t${Buffer.byteLength(content)} bytes`);
}
