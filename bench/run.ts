// `npm run bench [-- NAME...]`: runs every benchmark in bench/*.bench.ts, or the named ones,
// each in a process of its own so that its peak memory is its own.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { peakMemoryMb, type Benchmark } from './bench-kit.ts';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (args[0] === '--one') {
  const name = args[1]!;
  const mod = (await import(`./${name}.bench.ts`)) as { benchmark: Benchmark };
  const report = await mod.benchmark.run();
  console.log(`\n== ${report.task}`);
  for (const line of report.lines) console.log(`  ${line}`);
  console.log(`  peak memory (RSS) of this benchmark's process: ${peakMemoryMb().toFixed(0)} MB`);
} else {
  let failed = false;
  for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
    const name = file.replace(/\.bench\.ts$/, '');
    if (args.length > 0 && !args.includes(name)) continue;
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'run.ts'), '--one', name], { stdio: 'inherit' });
    if (child.status !== 0) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}
