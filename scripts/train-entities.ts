// `npm run train:entities`: trains the named-entity tagger on every training corpus of
// ../shared/eval (GUM, CrossNER politics, MEANTIME up to complete_until) and writes the model
// to src/analyze/entities/model/. Deterministic: corpora in file order, fixed seed and epochs,
// so the same input gives the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { crossnerText, gumText, meantimeText, readEntityCorpora } from '../eval/entities-corpora.ts';
import { trainTagger } from '../src/analyze/entities/ner-training.ts';
import { MODEL_DIR } from '../src/analyze/entities/ner-model.ts';

/** The settings of the committed model; the evaluation's fold models use the same. */
export const TRAINING = { epochs: 10, seed: 20250305, prune: 0.05 };

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  const { gum, crossner, meantime } = readEntityCorpora();
  const docs = [...gum.map(gumText), ...crossner.map(crossnerText), ...meantime.map(meantimeText)];
  const model = trainTagger(docs, { ...TRAINING, log: (l) => console.log(l) });
  model.header.trainedOn = `GUM ${gum.length} documents, CrossNER politics ${crossner.length} sentences, MEANTIME ${meantime.length} articles (up to complete_until); ${TRAINING.epochs} epochs, seed ${TRAINING.seed}, prune ${TRAINING.prune}`;
  mkdirSync(MODEL_DIR, { recursive: true });
  writeFileSync(join(MODEL_DIR, 'ner-model.json'), `${JSON.stringify(model.header)}\n`);
  writeFileSync(join(MODEL_DIR, 'ner-weights.bin'), Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength));
  console.log(`wrote ${MODEL_DIR}: ${model.header.features.length} features in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
