// Shared pieces of the benchmarks: timing on one core, and the report shape.
import { performance } from 'node:perf_hooks';
import { buildPipeline, STAGES } from '../src/analyze/pipeline.ts';
import { sentenceStage } from '../src/analyze/sentences/sentence-stage.ts';
import type { Stage } from '../src/analyze/stage.ts';
import type { Doc } from '../src/model/doc.ts';
import type { LayerName } from '../src/model/layers.ts';

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

/** One stage's speed on a set of texts, beside the sentence stage's on the same texts. */
export interface StageSpeeds {
  mb: number;
  stageMs: number;
  sentenceMs: number;
  /** How many items the stage added (quotes, figures, …). */
  items: number;
}

/**
 * Times `stage` alone over `docs`, whose required layers are first computed by the stages before it
 * in STAGES, and the sentence stage over the bare docs in the same run: the peer whose ratio says
 * how the stage compares with the cheapest stage, whatever the machine.
 */
export function measureStage(stage: Stage, layer: LayerName, docs: readonly Doc[], rounds: number): StageSpeeds {
  const earlier = buildPipeline(STAGES.slice(0, STAGES.indexOf(stage)));
  const prepared = docs.map((d) => earlier.run(d));
  let items = 0;
  const stageMs = bestOf(rounds, () => {
    items = 0;
    for (const d of prepared) items += (stage.run(d)[layer] as unknown[] | undefined)?.length ?? 0;
  });
  const sentenceMs = bestOf(rounds, () => {
    for (const d of docs) sentenceStage.run(d);
  });
  return { mb: docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6, stageMs, sentenceMs, items };
}

/** The report lines of measureStage: both speeds, the target, the peer ratio. */
export function stageSpeedLines(label: string, stageName: string, itemName: string, s: StageSpeeds, targetMbPerS: number): string[] {
  const speed = (s.mb / s.stageMs) * 1000;
  const sentenceSpeed = (s.mb / s.sentenceMs) * 1000;
  return [
    `${label} (${s.mb.toFixed(2)} MB):`,
    `  ${`${stageName} stage:`.padEnd(16)}${speed.toFixed(2)} MB/s (${s.items} ${itemName}; target ≥ ${targetMbPerS} MB/s: ${speed >= targetMbPerS ? 'met' : 'NOT met'})`,
    `  sentence stage: ${sentenceSpeed.toFixed(2)} MB/s`,
    `  peer ratio:     ${(speed / sentenceSpeed).toFixed(3)} (${stageName} stage speed / sentence splitter speed)`,
  ];
}
