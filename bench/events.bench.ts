// Events stage speed in MB/s of article text on PolNeAR's 84 dev articles (../shared/eval, read in
// place). The layers the stage requires are computed first by the stages before it in STAGES, so only
// the events stage is timed; the sentence stage on the same texts in the same run is the peer. Then
// what the stage adds to the whole pipeline: the pipeline with and without it over the same articles,
// alternating rounds. Last, two worst cases written here: an article that is nothing but events, and
// a text with no full stop (one "sentence" of triggers). They are kept small because every stage
// before this one has to run on them first, and those stages are far slower than this one.
import { readEvalSet } from '../eval/eval-kit.ts';
import { polnearDoc, type PolnearRecord } from '../eval/quotes.eval.ts';
import { buildPipeline, STAGES } from '../src/analyze/pipeline.ts';
import { eventStage } from '../src/analyze/events/event-stage.ts';
import type { Doc } from '../src/model/doc.ts';
import { performance } from 'node:perf_hooks';
import { measureStage, stageSpeedLines, type Benchmark } from './bench-kit.ts';

const TARGET_MB_PER_S = 1;
/** The most the events stage may add to the whole pipeline's time. */
const MAX_PIPELINE_SLOWDOWN = 0.1;

const measure = (docs: Doc[], rounds: number) => measureStage(eventStage, 'events', docs, rounds);
const report = (label: string, speeds: ReturnType<typeof measure>) => stageSpeedLines(label, 'events', 'events', speeds, TARGET_MB_PER_S);

/** One run of `fn`, in milliseconds (the pipelines are warm: measureStage ran every stage first). */
function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** A written article of `n` event sentences (no corpus text). */
function denseArticle(n: number): Doc {
  const sentences = [
    'Israeli airstrikes killed 12 people in Khan Younis on Tuesday, officials said.',
    'Karoline Leavitt said Steve Witkoff would meet Benjamin Netanyahu in Rome on Thursday.',
    'Negotiations mediated by Qatar and Egypt remain ongoing in Doha.',
    '"We may release more hostages if the talks go well," a Hamas official said.',
    'The court issued arrest warrants for two commanders last November.',
  ];
  const text = Array.from({ length: n }, (_, i) => sentences[i % sentences.length]! + (i % 4 === 3 ? '\n\n' : ' ')).join('');
  return polnearDoc({ id: 'dense', split: 'dev', text, meta: { publisher: 'bench', date: '2025-07-23', title: 'Events', author: '' }, attributions: [] });
}

export const benchmark: Benchmark = {
  name: 'events',
  async run() {
    const task = 'events stage speed (PolNeAR articles, one core, required layers precomputed)';
    const dev = readEvalSet<PolnearRecord>('quotes-polnear.jsonl.gz').filter((r) => r.split === 'dev').map(polnearDoc);
    const devSpeeds = measure(dev, 5);
    const lines = report(`PolNeAR dev, ${dev.length} articles, best of 5 rounds`, devSpeeds);

    // The whole pipeline with and without the stage, alternating rounds so that load on the machine falls on both alike.
    const withEvents = buildPipeline(STAGES);
    const withoutEvents = buildPipeline(STAGES.filter((s) => s !== eventStage));
    let withMs = Infinity;
    let withoutMs = Infinity;
    for (let round = 0; round < 2; round++) {
      withoutMs = Math.min(withoutMs, timed(() => dev.forEach((d) => withoutEvents.run(d))));
      withMs = Math.min(withMs, timed(() => dev.forEach((d) => withEvents.run(d))));
    }
    const slowdown = withMs / withoutMs - 1;
    lines.push(
      `whole pipeline on PolNeAR dev: ${withoutMs.toFixed(0)} ms without the events stage, ${withMs.toFixed(0)} ms with it: ` +
        `${slowdown >= 0 ? '+' : ''}${(slowdown * 100).toFixed(1)}% (target ≤ ${MAX_PIPELINE_SLOWDOWN * 100}%: ${slowdown <= MAX_PIPELINE_SLOWDOWN ? 'met' : 'NOT met'})`,
    );

    lines.push(...report('one article of 5,000 event sentences', measure([denseArticle(5_000)], 1)));
    const runOn = polnearDoc({ id: 'run-on', split: 'dev', text: Array.from({ length: 5_000 }, (_, i) => `talks with Hamas ${i} and “ strikes on Gaza `).join(''), meta: { publisher: 'bench', date: '2025-07-23', title: '', author: '' }, attributions: [] });
    lines.push(...report('one run-on sentence of 10,000 triggers', measure([runOn], 1)));
    return { task, lines };
  },
};
