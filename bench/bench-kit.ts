// Shared pieces of the benchmarks: timing on one core, and the report shape.
import { performance } from 'node:perf_hooks';

/** Runs `fn` once to warm up, then `rounds` times, and returns the best round in milliseconds (the least disturbed by other load). */
export function bestOf(rounds: number, fn: () => void): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** One benchmark's result lines. */
export interface BenchReport {
  task: string;
  lines: string[];
}

/** A registered benchmark. */
export interface Benchmark {
  name: string;
  run(): Promise<BenchReport>;
}

/** Peak resident memory of this process so far, in MB. */
export function peakMemoryMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
