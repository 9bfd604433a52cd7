// Text reading and structure: articles/s and MB/s for the plain-text reader (structure:
// headline, dateline, bylines, captions, furniture) and the sentence stage, on the 924 news
// articles of the PolNeAR set (../shared/eval, read in place).
import { readEvalSet } from '../eval/eval-kit.ts';
import { readPlainText } from '../src/read/text/text-reader.ts';
import { assembleDoc } from '../src/read/draft.ts';
import { sentenceStage } from '../src/analyze/sentences/sentence-stage.ts';
import { bestOf, type Benchmark } from './bench-kit.ts';

export const benchmark: Benchmark = {
  name: 'text-reading',
  async run() {
    const texts = readEvalSet<{ text: string; meta: { title: string } }>('quotes-polnear.jsonl.gz').map((r) => `${r.meta.title}\n\n${r.text}`);
    const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
    const source = { path: null, url: null, outlet: null };
    const docs = texts.map((t) => assembleDoc(readPlainText(t, source)));
    const readMs = bestOf(3, () => {
      for (const t of texts) assembleDoc(readPlainText(t, source));
    });
    const sentenceMs = bestOf(3, () => {
      for (const d of docs) sentenceStage.run(d);
    });
    const rate = (ms: number) => `${((texts.length / ms) * 1000).toFixed(0)} articles/s, ${((mb / ms) * 1000).toFixed(1)} MB/s`;
    return {
      task: `text reading and structure (${texts.length} PolNeAR articles, ${mb.toFixed(1)} MB)`,
      lines: [`read + structure: ${rate(readMs)}`, `sentences:        ${rate(sentenceMs)}`, `both:             ${rate(readMs + sentenceMs)}`],
    };
  },
};
