import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { loadNerModel, type NerMention, type NerModel } from './ner-model.ts';
import { trainTagger } from './ner-training.ts';
import { buildPipeline } from '../pipeline.ts';
import { sentenceStage } from '../sentences/sentence-stage.ts';
import { tokenStage } from '../tokens/token-stage.ts';
import { readPlainText } from '../../read/text/text-reader.ts';
import { assembleDoc } from '../../read/draft.ts';
import { readSeed, hasEvalSets } from '../../../test/support/shared-data.ts';
import { crossnerText, gumText, meantimeText, readEntityCorpora } from '../../../eval/entities-corpora.ts';
import { scoreNer } from '../../../../shared/eval/score/ner.mjs';

const pipeline = buildPipeline([sentenceStage, tokenStage]);
const source = { path: null, url: null, outlet: null };

function tagText(model: NerModel, text: string, plain = false): { text: string; mentions: NerMention[] } {
  const doc = pipeline.run(assembleDoc(readPlainText(text, source, { plain })));
  return { text: doc.text, mentions: model.tag(doc.text, doc.layers.tokens!, doc.layers.sentences!) };
}

const found = (r: { text: string; mentions: NerMention[] }) => r.mentions.map((m) => `${r.text.slice(m.start, m.end)}/${m.type}`);

test('the committed model loads fast and once', () => {
  const t0 = performance.now();
  const model = loadNerModel();
  assert.ok(performance.now() - t0 < 1000);
  assert.equal(loadNerModel(), model);
});

test('on the seeds it finds the people, organisations and places of the story', () => {
  const model = loadNerModel();
  const all = new Set([...found(tagText(model, readSeed('anadolu'))), ...found(tagText(model, readSeed('ap')))]);
  const lower = new Set([...all].map((m) => m.toLowerCase()));
  const people = ['Karoline Leavitt', 'Steve Witkoff', 'Donald Trump', 'Ron Dermer', 'Benjamin Netanyahu', 'Yoav Gallant', 'Edan Alexander', 'Adam Boehler'];
  const orgs = ['Hamas', 'White House', 'International Criminal Court', 'International Court of Justice', 'Axios'];
  const places = ['Israel', 'Gaza', 'Doha', 'Qatar', 'Washington', 'Rome'];
  for (const p of people) assert.ok(all.has(`${p}/PERSON`), `${p} as PERSON in ${[...all].join(', ')}`);
  for (const o of orgs) assert.ok(all.has(`${o}/ORG`), `${o} as ORG`);
  for (const l of places) assert.ok(lower.has(`${l.toLowerCase()}/loc`), `${l} as LOC`);
});

test('weekdays, months, sentence-initial words and photo credits are not names', () => {
  const model = loadNerModel();
  const seeds = [tagText(model, readSeed('anadolu')), tagText(model, readSeed('ap'))];
  const words = new Set(seeds.flatMap((r) => r.mentions.map((m) => r.text.slice(m.start, m.end))));
  for (const w of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'March', 'Confirmation', 'During', 'Pool Photo']) assert.ok(!words.has(w), `${w} tagged`);
  for (const w of words) assert.ok(!/Photo|Getty|AFP\/|Anadolu Agency\/|AP Photo/.test(w), `credit ${w} tagged`);
  const r = tagText(model, 'Confirmation came on Wednesday, March 5. During the talks nothing moved. (Pool Photo via AP)', true);
  assert.deepEqual(found(r).filter((m) => !m.startsWith('AP/')), []);
  assert.deepEqual(tagText(model, '', true).mentions, []);
});

const FLOOR = 0.3;

// Floor on text the model never saw: a small fold model (2 epochs) trained on every corpus but
// the MEANTIME apple topic, scored on the first 10 apple articles (up to complete_until).
test('a fold model keeps a floor on held-out MEANTIME articles', { skip: !hasEvalSets() }, () => {
  const { gum, crossner, meantime } = readEntityCorpora();
  const train = [...gum.map(gumText), ...crossner.map(crossnerText), ...meantime.filter((d) => d.topic !== 'apple').map(meantimeText)];
  const model = trainTagger(train, { epochs: 2, seed: 1, prune: 0.05 }).tagger;
  const held = meantime.filter((d) => d.topic === 'apple').slice(0, 10);
  const pred = new Map(held.map((d) => [d.id, tagText(model, d.text, true).mentions]));
  const overlap = scoreNer(held, pred, 'overlap').all.f1;
  console.log(`# held-out MEANTIME apple slice: overlap F1 ${overlap.toFixed(3)}`);
  assert.ok(overlap >= FLOOR, `overlap F1 ${overlap.toFixed(3)} under the floor ${FLOOR}`);
});
