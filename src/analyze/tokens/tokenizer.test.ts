import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenizer.ts';
import { tokenStage } from './token-stage.ts';
import { sentenceStage } from '../sentences/sentence-stage.ts';
import { readPlainText } from '../../read/text/text-reader.ts';
import { assembleDoc } from '../../read/draft.ts';
import { readSeed } from '../../../test/support/shared-data.ts';

const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

test('clitics and possessives split as in the Penn Treebank, inner apostrophes stay', () => {
  assert.deepEqual(words("Trump's envoy didn't say; we’re sure O'Brien can't."), ['Trump', "'s", 'envoy', 'did', "n't", 'say', ';', 'we', '’re', 'sure', "O'Brien", 'ca', "n't", '.']);
  assert.deepEqual(words("the Israelis’ homes in the ’90s, Sana'a"), ['the', 'Israelis', '’', 'homes', 'in', 'the', '’90s', ',', "Sana'a"]);
});

test('numbers, hyphenated words, initialisms and abbreviations stay whole', () => {
  assert.deepEqual(words('U.S. officials said 1,000 people, 3.5% of a 30-year-old al-Sham force, met Gen. Smith in Washington, D.C. on Oct. 7.'), [
    'U.S.', 'officials', 'said', '1,000', 'people', ',', '3.5', '%', 'of', 'a', '30-year-old', 'al-Sham', 'force', ',', 'met', 'Gen.', 'Smith', 'in',
    'Washington', ',', 'D.C.', 'on', 'Oct.', '7', '.',
  ]);
  assert.deepEqual(words('George W. Bush... He was ill. AT&T and 9/11'), ['George', 'W.', 'Bush', '...', 'He', 'was', 'ill', '.', 'AT&T', 'and', '9/11']);
});

test('quotes and dashes are tokens; URLs and e-mail addresses stay whole', () => {
  assert.deepEqual(words('“No,” she said — see https://example.com/a?b=1. Mail press@ap.org!'), [
    '“', 'No', ',', '”', 'she', 'said', '—', 'see', 'https://example.com/a?b=1', '.', 'Mail', 'press@ap.org', '!',
  ]);
});

test('offsets round-trip, cover no white space, and a range tokenises only that range', () => {
  const text = readSeed('ap');
  const tokens = tokenize(text);
  let last = 0;
  for (const t of tokens) {
    assert.ok(t.start >= last && t.end > t.start);
    assert.equal(text.slice(t.start, t.end).trim(), text.slice(t.start, t.end));
    last = t.end;
  }
  assert.equal(tokens.map((t) => text.slice(t.start, t.end)).join(''), text.replace(/\s+/g, ''));
  assert.deepEqual(tokenize('ab cd ef', 3, 5), [{ start: 3, end: 5 }]);
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize('  \n '), []);
});

test('the token stage gives the tokens of every sentence, in order', () => {
  const doc = assembleDoc(readPlainText(readSeed('anadolu'), { path: null, url: null, outlet: null }));
  const sentences = sentenceStage.run(doc).sentences!;
  const tokens = tokenStage.run({ ...doc, layers: { sentences } }).tokens!;
  assert.ok(tokens.length > 100);
  for (const t of tokens) assert.ok(sentences.some((s) => t.start >= s.start && t.end <= s.end));
  for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i]!.start >= tokens[i - 1]!.end);
});
