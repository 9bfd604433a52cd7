// Named-entity tagging speed: tokens/s of our tokenizer, tagger and whole entity stage over the 924 PolNeAR articles
// (../shared/eval, read in place), beside compromise's people/organisations/places in the same
// run, and the time to load the committed model.
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import { readEvalSet } from '../eval/eval-kit.ts';
import { splitSentences } from '../src/analyze/sentences/sentence-splitter.ts';
import { tokenize } from '../src/analyze/tokens/tokenizer.ts';
import { loadNerModel } from '../src/analyze/entities/ner-model.ts';
import type { Span } from '../src/model/span.ts';
import { entityStage } from '../src/analyze/entities/entity-stage.ts';
import { docId } from '../src/model/doc.ts';
import type { Doc } from '../src/model/doc.ts';
import { bestOf, type Benchmark } from './bench-kit.ts';

export const benchmark: Benchmark = {
  name: 'entities',
  async run() {
    const t0 = performance.now();
    const model = loadNerModel();
    const loadMs = performance.now() - t0;
    const texts = readEvalSet<{ text: string }>('quotes-polnear.jsonl.gz').map((r) => r.text);
    const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
    const sentences = texts.map((t) => splitSentences(t));
    const tokens: Span[][] = texts.map((t, i) => sentences[i]!.flatMap((s) => tokenize(t, s.start, s.end)));
    const count = tokens.reduce((n, t) => n + t.length, 0);
    const tokenizeMs = bestOf(2, () => {
      texts.forEach((t, i) => {
        for (const s of sentences[i]!) tokenize(t, s.start, s.end);
      });
    });
    let mentions = 0;
    const tagMs = bestOf(1, () => {
      mentions = 0;
      texts.forEach((t, i) => {
        mentions += model.tag(t, tokens[i]!, sentences[i]!).length;
      });
    });
    // The whole entity stage (tagger, gazetteer and rule finders, refiners, grouping, titles,
    // references): what the speed target is about.
    const docs: Doc[] = texts.map((text, i) => ({
      id: docId(text),
      text,
      meta: { source: { path: null, url: null, outlet: null }, title: null, subtitle: null, byline: [], dateline: null, published: { date: null, basis: 'none', conflicts: [] }, captions: [] },
      layers: { sentences: sentences[i]!, tokens: tokens[i]! },
    }));
    const stageMs = bestOf(1, () => {
      for (const d of docs) entityStage.run(d);
    });
    const slice = texts.slice(0, 150);
    const sliceTokens = tokens.slice(0, 150).reduce((n, t) => n + t.length, 0);
    const compromiseMs = bestOf(1, () => {
      for (const t of slice) {
        const d = nlp(t);
        d.people().json({ offset: true });
        d.organizations().json({ offset: true });
        d.places().json({ offset: true });
      }
    });
    const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en')} tokens/s`;
    return {
      task: `named-entity tagging (${texts.length} PolNeAR articles, ${mb.toFixed(1)} MB, ${count.toLocaleString('en')} tokens, one core)`,
      lines: [
        `model load:           ${loadMs.toFixed(0)} ms (first call of loadNerModel)`,
        `tokenizer:            ${rate(count, tokenizeMs)}`,
        `tagger:               ${rate(count, tagMs)} (${mentions} mentions)`,
        `tokenizer + tagger:   ${rate(count, tokenizeMs + tagMs)}`,
        `entity stage (whole): ${rate(count, stageMs)} (target ≥ 100,000 tokens/s)`,
        `compromise:           ${rate(sliceTokens, compromiseMs)} (people + organisations + places, first 150 articles)`,
      ],
    };
  },
};
