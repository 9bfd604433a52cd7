// `npm run bench [-- NAME...]`: runs every benchmark in bench/*.bench.ts, or the named ones.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakMemoryMb, type Benchmark } from './bench-kit.ts';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const mod = (await import(`./${file}`)) as { benchmark: Benchmark };
  const report = await mod.benchmark.run();
  console.log(`\n== ${report.task}`);
  for (const line of report.lines) console.log(`  ${line}`);
}
console.log(`\npeak memory (RSS): ${peakMemoryMb().toFixed(0)} MB`);
