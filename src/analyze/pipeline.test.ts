import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline, StageError, STAGES } from './pipeline.ts';
import type { Stage } from './stage.ts';
import { assembleDoc, emptyDraft } from '../read/draft.ts';

const doc = () => {
  const draft = emptyDraft({ path: null, url: null, outlet: null });
  draft.paragraphs = ['Talks resumed on Monday. Both sides attended.'];
  return assembleDoc(draft);
};
const stage = (name: string, requires: Stage['requires'], adds: Stage['adds'], run: Stage['run'] = () => ({})): Stage => ({ name, requires, adds, run });

test('the default pipeline is well ordered and adds sentences without touching the input Doc', () => {
  const input = doc();
  const out = buildPipeline(STAGES).run(input);
  assert.deepEqual(input.layers, {});
  assert.equal(out.layers.sentences?.length, 2);
  assert.equal(out.text, input.text);
});

test('a stage that needs a layer no earlier stage adds is refused when the pipeline is built', () => {
  assert.throws(() => buildPipeline([stage('quotes', ['entities'], ['quotes'])]), /requires layer entities/);
  assert.throws(
    () => buildPipeline([stage('a', [], ['sentences']), stage('b', [], ['sentences'])]),
    /already adds/,
  );
});

test('a stage that fails or returns an undeclared layer is reported with its name and the document', () => {
  const failing = stage('times', [], ['times'], () => {
    throw new Error('bad month');
  });
  assert.throws(() => buildPipeline([failing]).run(doc()), (e: unknown) => e instanceof StageError && /stage times failed on document [0-9a-f]{16}: bad month/.test(e.message));
  const sneaky = stage('times', [], ['times'], () => ({ quotes: [] }));
  assert.throws(() => buildPipeline([sneaky]).run(doc()), /undeclared layer quotes/);
});
