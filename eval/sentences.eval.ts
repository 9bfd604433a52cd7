// Sentence boundaries on news text whose sentences are known: MEANTIME and ECB+ give one
// sentence a line. The lines of each article are joined into one paragraph with single spaces
// and the splitter must find the lines again (exact span F1). Titles and datelines are
// dropped (line 0 of MEANTIME), since in running text they are lines of their own.
import { readEvalSet, type Evaluation } from './eval-kit.ts';
import { splitSentences } from '../src/analyze/sentences/sentence-splitter.ts';
import { prf } from '../../shared/eval/score/prf.mjs';

interface SentenceCase {
  id: string;
  text: string;
}

function score(cases: SentenceCase[], skipLines: number): { f1: number; p: number; r: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of cases) {
    const lines = c.text.split('\n').slice(skipLines).filter((l) => l.trim() !== '');
    const joined = lines.join(' ');
    const gold = new Set<string>();
    let at = 0;
    for (const line of lines) {
      gold.add(`${at}:${at + line.length}`);
      at += line.length + 1;
    }
    const predicted = splitSentences(joined).map((s) => `${s.start}:${s.end}`);
    for (const p of predicted) if (gold.has(p)) tp++; else fp++;
    fn += gold.size - predicted.filter((p) => gold.has(p)).length;
  }
  return prf(tp, fp, fn);
}

export const evaluation: Evaluation = {
  name: 'sentences',
  async run({ limit }) {
    const meantime = readEvalSet<SentenceCase>('entities-meantime.jsonl').slice(0, limit);
    const ecb = readEvalSet<SentenceCase>('stories-ecbplus.jsonl.gz').slice(0, limit);
    const m = score(meantime, 2);
    const e = score(ecb, 1);
    return {
      task: 'sentence boundaries (lines of MEANTIME and ECB+ articles joined into paragraphs)',
      scores: [
        { name: `MEANTIME exact sentence F1 (${meantime.length} articles)`, value: m.f1 },
        { name: `ECB+ exact sentence F1 (${ecb.length} articles)`, value: e.f1 },
      ],
    };
  },
};
