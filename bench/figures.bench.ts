// Figures stage speed in MB/s of article text on PolNeAR's dev articles (../shared/eval, read in
// place; the 84 articles of split 'dev'). The layers it requires (sentences, tokens, entities,
// references, quotes) are computed first, so only the figures stage is timed. The sentence stage on
// the same texts in the same run is the peer: the ratio of the two speeds says how the figures
// stage compares with the cheapest stage, whatever the machine.
import { readEvalSet } from '../eval/eval-kit.ts';
import { polnearDoc, type PolnearRecord } from '../eval/quotes.eval.ts';
import { buildPipeline } from '../src/analyze/pipeline.ts';
import { sentenceStage } from '../src/analyze/sentences/sentence-stage.ts';
import { tokenStage } from '../src/analyze/tokens/token-stage.ts';
import { timeStage } from '../src/analyze/times/time-stage.ts';
import { entityStage } from '../src/analyze/entities/entity-stage.ts';
import { quoteStage } from '../src/analyze/quotes/quote-stage.ts';
import { figureStage } from '../src/analyze/figures/figure-stage.ts';
import type { Doc } from '../src/model/doc.ts';
import { bestOf, type Benchmark } from './bench-kit.ts';

const TARGET_MB_PER_S = 1;
const ROUNDS = 5;

export const benchmark: Benchmark = {
  name: 'figures',
  async run() {
    const records = readEvalSet<PolnearRecord>('quotes-polnear.jsonl.gz').filter((r) => r.split === 'dev');
    const bare = records.map(polnearDoc);
    const earlier = buildPipeline([sentenceStage, tokenStage, timeStage, entityStage, quoteStage]);
    const prepared: Doc[] = bare.map((d) => earlier.run(d));
    const mb = records.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1e6;

    let figures = 0;
    const figureMs = bestOf(ROUNDS, () => {
      figures = 0;
      for (const d of prepared) figures += figureStage.run(d).figures?.length ?? 0;
    });
    const sentenceMs = bestOf(ROUNDS, () => {
      for (const d of bare) sentenceStage.run(d);
    });
    const figureSpeed = (mb / figureMs) * 1000;
    const sentenceSpeed = (mb / sentenceMs) * 1000;
    return {
      task: 'figures stage speed (PolNeAR dev articles, one core, required layers precomputed)',
      lines: [
        `PolNeAR dev, ${records.length} articles (${mb.toFixed(2)} MB), best of ${ROUNDS} rounds:`,
        `  figures stage:  ${figureSpeed.toFixed(2)} MB/s (${figures} figures; target ≥ ${TARGET_MB_PER_S} MB/s: ${figureSpeed >= TARGET_MB_PER_S ? 'met' : 'NOT met'})`,
        `  sentence stage: ${sentenceSpeed.toFixed(2)} MB/s`,
        `  peer ratio:     ${(figureSpeed / sentenceSpeed).toFixed(3)} (figures stage speed / sentence splitter speed)`,
      ],
    };
  },
};
