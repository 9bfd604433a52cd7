// Quote stage speed in MB/s of article text on PolNeAR (../shared/eval, read in place): the 84 dev
// articles, then all 924 when the stage is fast enough for a larger run to finish soon. The layers
// it requires are computed first by the stages before it in STAGES, so only the quote stage is
// timed. The sentence stage on the same texts in the same run is the peer: the ratio of the two
// speeds says how the quote stage compares with the cheapest stage, whatever the machine.
import { readEvalSet } from '../eval/eval-kit.ts';
import { polnearDoc, quoteStage, type PolnearRecord } from '../eval/quotes.eval.ts';
import type { Stage } from '../src/analyze/stage.ts';
import { measureStage, stageSpeedLines, type Benchmark } from './bench-kit.ts';

const TARGET_MB_PER_S = 1;
// The full corpus is timed only when the dev run says one pass over it takes at most this long.
const FULL_RUN_BUDGET_MS = 20_000;

/** The quote stage's speed on `records`, read as the evaluation reads them. */
const measure = (stage: Stage, records: PolnearRecord[], rounds: number) => measureStage(stage, 'quotes', records.map(polnearDoc), rounds);
const report = (label: string, speeds: ReturnType<typeof measure>) => stageSpeedLines(label, 'quote', 'quotes', speeds, TARGET_MB_PER_S);

export const benchmark: Benchmark = {
  name: 'quotes',
  async run() {
    const task = 'quote stage speed (PolNeAR articles, one core, required layers precomputed)';
    if (!quoteStage) return { task, lines: ['no stage in STAGES adds quotes: nothing to time'] };
    const records = readEvalSet<PolnearRecord>('quotes-polnear.jsonl.gz');
    const dev = records.filter((r) => r.split === 'dev');
    const devSpeeds = measure(quoteStage, dev, 3);
    const lines = report(`PolNeAR dev, ${dev.length} articles`, devSpeeds);

    const fullMb = records.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1e6;
    const fullPassMs = (devSpeeds.stageMs * fullMb) / devSpeeds.mb;
    if (fullPassMs <= FULL_RUN_BUDGET_MS) {
      lines.push(...report(`PolNeAR all, ${records.length} articles`, measure(quoteStage, records, 1)));
    } else {
      lines.push(`all ${records.length} articles skipped: one pass would take about ${(fullPassMs / 1000).toFixed(0)} s (budget ${FULL_RUN_BUDGET_MS / 1000} s)`);
    }
    // The worst case for the stage's lookups: one long article that is nothing but dated quotations
    // (written here, not taken from a corpus). A stage that scans per quotation is quadratic here.
    const dense: PolnearRecord = {
      id: 'dense',
      split: 'dev',
      text: Array.from({ length: 20_000 }, (_, i) => `"We will meet again on day ${i}," Mirela Dovan said on Tuesday.${i % 5 === 4 ? '\n\n' : ' '}`).join(''),
      meta: { publisher: 'bench', date: '2026-10-20', title: 'Quotations', author: '' },
      attributions: [],
    };
    lines.push(...report('one article of 20,000 quotations', measure(quoteStage, [dense], 1)));
    // And a megabyte with no full stop: one "sentence" of stray quotation marks, numbers and cues.
    const runOn: PolnearRecord = { ...dense, id: 'run-on', text: Array.from({ length: 20_000 }, (_, i) => `He said " the ${i} item and “ more ‘text `).join('') };
    lines.push(...report('one run-on sentence of 20,000 cues', measure(quoteStage, [runOn], 1)));
    return { task, lines };
  },
};
