import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './sentence-splitter.ts';
import { sentenceStage } from './sentence-stage.ts';
import { readPlainText } from '../../read/text/text-reader.ts';
import { assembleDoc } from '../../read/draft.ts';
import { readSeed } from '../../../test/support/shared-data.ts';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

test('abbreviations, titles, months and initials do not end a sentence', () => {
  assert.deepEqual(sentences('Gen. Smith met Sen. Jones in Washington, D.C. on Oct. 7, 2023. George W. Bush left at 5 p.m. Monday. Mr. Dermer went to St. Louis.'), [
    'Gen. Smith met Sen. Jones in Washington, D.C. on Oct. 7, 2023.',
    'George W. Bush left at 5 p.m. Monday.',
    'Mr. Dermer went to St. Louis.',
  ]);
});

test('an initialism ends a sentence before a usual opener, not before a name', () => {
  assert.deepEqual(sentences('The talks moved to the U.S. The envoy stayed. U.S. officials met U.N. envoy Ana Ruiz.'), [
    'The talks moved to the U.S.',
    'The envoy stayed.',
    'U.S. officials met U.N. envoy Ana Ruiz.',
  ]);
});

test('quotes: a question inside a quote does not end the sentence; a multi-sentence quote stays with its speaker', () => {
  assert.deepEqual(sentences('"Is it over?" she asked. "We want this. We want that," Leavitt added. "It is done." Then he left.'), [
    '"Is it over?" she asked.',
    '"We want this. We want that," Leavitt added.',
    '"It is done."',
    'Then he left.',
  ]);
  assert.deepEqual(sentences('“We came here. We stay,” the minister said.'), ['“We came here. We stay,” the minister said.']);
});

test('ellipses end a sentence only before a capital', () => {
  assert.deepEqual(sentences('He said it was over... The end came. She paused … and went on.'), [
    'He said it was over...',
    'The end came.',
    'She paused … and went on.',
  ]);
});

test('lines are units: a headline and a bare dateline are sentences of their own', () => {
  assert.deepEqual(sentences('Talks resume in Doha\n\nWASHINGTON\nThe envoy left. He returns Friday.'), [
    'Talks resume in Doha',
    'WASHINGTON',
    'The envoy left.',
    'He returns Friday.',
  ]);
});

test('numbers, decimals and money do not end a sentence; empty text has none', () => {
  assert.deepEqual(sentences('It cost $3.5 million. Turnout was 61.2 percent.'), ['It cost $3.5 million.', 'Turnout was 61.2 percent.']);
  assert.deepEqual(sentences(''), []);
  assert.deepEqual(sentences('  \n\n '), []);
});

test('the stage cuts the inline dateline off as a unit and covers the AP seed in order', () => {
  const doc = assembleDoc(readPlainText(readSeed('ap'), { path: null, url: null, outlet: null }));
  const spans = sentenceStage.run(doc).sentences!;
  const texts = spans.map((s) => doc.text.slice(s.start, s.end));
  assert.equal(texts[0], doc.meta.title!.text);
  assert.equal(texts[1], 'WASHINGTON (AP) —');
  assert.match(texts[2]!, /^White House press secretary Karoline Leavitt said Wednesday that U\.S\. officials have had/);
  assert.ok(texts.includes('Leavitt declined to provide detail on the the substance of talks.'));
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start >= spans[i - 1]!.end, 'sentences are ordered and do not overlap');
  assert.ok(texts.every((t) => t === t.trim() && t.length > 0));
});
