// Figures stage speed in MB/s of article text on PolNeAR's dev articles (../shared/eval, read in
// place; the 84 articles of split 'dev'). The layers it requires are computed first by the stages
// before it in STAGES, so only the figures stage is timed. The sentence stage on
// the same texts in the same run is the peer: the ratio of the two speeds says how the figures
// stage compares with the cheapest stage, whatever the machine.
import { readEvalSet } from '../eval/eval-kit.ts';
import { polnearDoc, type PolnearRecord } from '../eval/quotes.eval.ts';
import { figureStage } from '../src/analyze/figures/figure-stage.ts';
import { measureStage, stageSpeedLines, type Benchmark } from './bench-kit.ts';

const TARGET_MB_PER_S = 1;
const ROUNDS = 5;

export const benchmark: Benchmark = {
  name: 'figures',
  async run() {
    const records = readEvalSet<PolnearRecord>('quotes-polnear.jsonl.gz').filter((r) => r.split === 'dev');
    const speeds = measureStage(figureStage, 'figures', records.map(polnearDoc), ROUNDS);
    return {
      task: 'figures stage speed (PolNeAR dev articles, one core, required layers precomputed)',
      lines: stageSpeedLines(`PolNeAR dev, ${records.length} articles, best of ${ROUNDS} rounds`, 'figures', 'figures', speeds, TARGET_MB_PER_S),
    };
  },
};
