// Fingerprints on hand-written texts: what makes two texts the same, what the headline does, and
// what short and empty texts get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handRecord } from '../entities/hand-records.ts';
import { contentWords, isFurnitureLine, normalWords, paragraphsOf } from './article-words.ts';
import { BANDS, decodeShingles, encodeShingles, fingerprintOf, lookupKeys, MIN_SHINGLES, shingleSet, SHINGLE_WORDS } from './fingerprint.ts';
import { article, HEADLINE, PARAGRAPHS, WIRE } from './hand-articles.ts';

const record = (text: string, url: string | null = null) => handRecord({ text, entities: [], url });

test('words are folded: case, curly apostrophes, figures kept whole', () => {
  assert.deepEqual(normalWords('The Union’s 3,000 members, ABOUT 4.5 percent'), ["the", "union's", '3,000', 'members', 'about', '4.5', 'percent']);
});

test('furniture lines are skipped, article lines kept', () => {
  assert.equal(isFurnitureLine('  Advertisement '), true);
  assert.equal(isFurnitureLine('Share this article'), true);
  assert.equal(isFurnitureLine('Copyright 2024 The Associated Press. All rights reserved.'), true);
  assert.equal(isFurnitureLine('The advertisement ran for a week.'), false);
  assert.deepEqual(contentWords('Ferries stopped.\nAdvertisement\nTalks resume.'), ['ferries', 'stopped', 'talks', 'resume']);
});

test('a copy with other white space, quotes, case and furniture has the same fingerprint', () => {
  const dressed = [HEADLINE, 'Share this article', ...PARAGRAPHS.map((p) => p.replace(/"/g, '“').replace(/ /g, '  ')), 'Advertisement']
    .join('\r\n\r\n')
    .toUpperCase();
  const a = fingerprintOf(record(WIRE));
  const b = fingerprintOf(record(dressed));
  assert.notEqual(a.textHash, null);
  assert.equal(a.textHash, b.textHash);
  assert.deepEqual(b.shingles, a.shingles);
});

test('the headline is left out of the shingles but not out of the text hash', () => {
  const a = fingerprintOf(record(WIRE));
  const b = fingerprintOf(record(article('Strike strands island commuters', PARAGRAPHS)));
  assert.deepEqual(b.shingles, a.shingles);
  assert.notEqual(a.textHash, b.textHash);
  // Read without a headline span, the headline's words do count.
  const plain = fingerprintOf({ ...record(WIRE), title: null });
  assert.ok(plain.shingles.length > a.shingles.length);
});

test('a shingle set is sorted and distinct; a text shorter than a shingle is one shingle', () => {
  // 12 words, 8 windows of SHINGLE_WORDS, of which the last two repeat the first two.
  assert.equal(SHINGLE_WORDS, 5);
  const set = shingleSet(normalWords('a b c d e f a b c d e f'));
  assert.equal(set.length, 6);
  for (let i = 1; i < set.length; i++) assert.ok(set[i - 1]! < set[i]!);
  assert.equal(shingleSet(['only', 'three', 'words']).length, 1);
  assert.equal(shingleSet([]).length, 0);
});

test('keys: one per band, the text hash and the URL; deterministic', () => {
  const fp = fingerprintOf(record(WIRE, 'https://news.example/ferry'));
  const keys = lookupKeys(fp);
  assert.equal(keys.filter((k) => k.startsWith('b')).length, BANDS);
  assert.equal(keys.filter((k) => k.startsWith('t:')).length, 1);
  assert.equal(keys.filter((k) => k.startsWith('u:')).length, 1);
  assert.deepEqual(lookupKeys(fingerprintOf(record(WIRE, 'https://news.example/ferry'))), keys);
});

test('a very short text gets no band keys, only its text hash', () => {
  const fp = fingerprintOf(record('Ferry strike\n\nFerries stopped running on Tuesday.'));
  assert.ok(fp.shingles.length < MIN_SHINGLES);
  assert.deepEqual(
    lookupKeys(fp).map((k) => k.slice(0, 2)),
    ['t:'],
  );
});

test('an empty text has no words, no shingles and no keys', () => {
  for (const text of ['', '  \n\n ', 'Advertisement\n\nShare']) {
    const fp = fingerprintOf({ ...record('x'), text, title: null });
    assert.equal(fp.textHash, null, JSON.stringify(text));
    assert.equal(fp.shingles.length, 0);
    assert.deepEqual(lookupKeys(fp), []);
  }
});

test('paragraphs: blank-line blocks, else lines; spans point into the text; furniture left out', () => {
  const text = 'Head\n\nFirst para\nstill first.\n\nAdvertisement\n\n  Second para.  ';
  const ps = paragraphsOf(text);
  assert.deepEqual(
    ps.map((p) => p.span.text),
    ['Head', 'First para\nstill first.', 'Second para.'],
  );
  for (const p of ps) assert.equal(text.slice(p.span.start, p.span.end), p.span.text);
  assert.deepEqual(
    paragraphsOf('One line.\nTwo line.').map((p) => p.words),
    [['one', 'line'], ['two', 'line']],
  );
});

test('a shingle set survives a round trip through bytes; a torn column is refused', () => {
  const { shingles } = fingerprintOf(record(WIRE));
  const bytes = encodeShingles(shingles);
  assert.equal(bytes.length, shingles.length * 4);
  assert.deepEqual(decodeShingles(Buffer.from(bytes)), shingles);
  assert.throws(() => decodeShingles(bytes.subarray(0, 6)), /4 bytes per hash/);
});
