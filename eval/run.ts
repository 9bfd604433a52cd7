// `npm run eval [-- NAME...]`: runs every evaluation in eval/*.eval.ts, or the named ones.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printReport, type Evaluation } from './eval-kit.ts';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.eval.ts')).sort();
let failed = false;
for (const file of files) {
  const name = file.replace(/\.eval\.ts$/, '');
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const mod = (await import(`./${file}`)) as { evaluation: Evaluation };
  const report = await mod.evaluation.run({});
  printReport(report);
  if (report.scores.some((s) => s.target !== undefined && s.value < s.target)) failed = true;
}
if (failed) console.log('\nSome targets are not met.');
