// Times stage speed in MB/s of article text, on one core: the PolNeAR dev articles (publisher's
// date as publication date) and the TempEval-3 texts (creation time as publication date), both
// read in place from ../shared/eval. The sentences and tokens the stage requires are computed
// first, so only the times stage is timed. The peer in the same run is chrono-node called paragraph
// by paragraph (how STACK.md says to call it) on the same texts with the same reference dates: the
// ratio of the two speeds says how the stage compares whatever the machine.
import * as chrono from 'chrono-node';
import { readEvalSet } from '../eval/eval-kit.ts';
import { polnearDoc, type PolnearRecord } from '../eval/quotes.eval.ts';
import { tempevalDoc, type TempevalRecord } from '../eval/times.eval.ts';
import { buildPipeline } from '../src/analyze/pipeline.ts';
import { sentenceStage } from '../src/analyze/sentences/sentence-stage.ts';
import { tokenStage } from '../src/analyze/tokens/token-stage.ts';
import { timeStage } from '../src/analyze/times/time-stage.ts';
import type { Doc } from '../src/model/doc.ts';
import { bestOf, type Benchmark } from './bench-kit.ts';

const TARGET_MB_PER_S = 1;
const ROUNDS = 3;
const PARAGRAPH = /[^\n]+/g;

interface Speeds {
  mb: number;
  timesMs: number;
  chronoMs: number;
  times: number;
  chronoResults: number;
}

/** Times the stage over Docs that carry sentences and tokens, and chrono-node over the same texts. */
function measure(docs: Doc[]): Speeds {
  const earlier = buildPipeline([sentenceStage, tokenStage]);
  const prepared = docs.map((d) => earlier.run(d));
  let times = 0;
  const timesMs = bestOf(ROUNDS, () => {
    times = 0;
    for (const d of prepared) times += timeStage.run(d).times?.length ?? 0;
  });
  let chronoResults = 0;
  const chronoMs = bestOf(ROUNDS, () => {
    chronoResults = 0;
    for (const d of docs) {
      const date = d.meta.published.date;
      const instant = date ? new Date(`${date}T12:00:00Z`) : new Date(0);
      for (const paragraph of d.text.match(PARAGRAPH) ?? []) chronoResults += chrono.parse(paragraph, { instant, timezone: 'UTC' }).length;
    }
  });
  return { mb: docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6, timesMs, chronoMs, times, chronoResults };
}

function report(label: string, s: Speeds): string[] {
  const ours = (s.mb / s.timesMs) * 1000;
  const peer = (s.mb / s.chronoMs) * 1000;
  return [
    `${label} (${s.mb.toFixed(2)} MB):`,
    `  times stage:               ${ours.toFixed(2)} MB/s (${s.times} expressions; target ≥ ${TARGET_MB_PER_S} MB/s: ${ours >= TARGET_MB_PER_S ? 'met' : 'NOT met'})`,
    `  chrono-node per paragraph: ${peer.toFixed(2)} MB/s (${s.chronoResults} results)`,
    `  ratio:                     ${(ours / peer).toFixed(2)} (times stage speed / chrono-node speed)`,
  ];
}

export const benchmark: Benchmark = {
  name: 'times',
  async run() {
    const polnear = readEvalSet<PolnearRecord>('quotes-polnear.jsonl.gz').filter((r) => r.split === 'dev');
    const tempeval = readEvalSet<TempevalRecord>('time-tempeval3.jsonl.gz');
    return {
      task: `times stage speed (one core, sentences and tokens precomputed; best of ${ROUNDS} rounds after a warm-up)`,
      lines: [
        ...report(`PolNeAR dev, ${polnear.length} articles`, measure(polnear.map(polnearDoc))),
        ...report(`TempEval-3 TBAQ, ${tempeval.length} articles`, measure(tempeval.map(tempevalDoc))),
      ],
    };
  },
};
