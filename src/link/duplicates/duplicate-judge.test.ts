// The duplicate judge on a hand-written wire story and its edited copies, and through an in-memory
// index as a store would use it: keys, one lookup, the plan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handRecord } from '../entities/hand-records.ts';
import { judgeDuplicates, judgePair, planDuplicates, resemblance, VERSION_JACCARD } from './duplicate-judge.ts';
import { fingerprintOf, type Fingerprint } from './fingerprint.ts';
import { MemoryFingerprintIndex } from './fingerprint-index.ts';
import { article, HEADLINE, OTHER_REPORT, PARAGRAPHS, WIRE } from './hand-articles.ts';

const fp = (text: string, url: string | null = null, id?: string): Fingerprint => {
  const f = fingerprintOf(handRecord({ text, entities: [], url }));
  return id === undefined ? f : { ...f, id };
};
const wire = fp(WIRE);
const swap = <T>(list: readonly T[], i: number, j: number): T[] => {
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
};

const EDITS: [string, string][] = [
  ['reordered paragraphs', article(HEADLINE, swap(swap(PARAGRAPHS, 1, 4), 5, 6))],
  ['changed headline', article('Island commuters stranded as ferry crews walk out', PARAGRAPHS)],
  ['added paragraph', article(HEADLINE, [...PARAGRAPHS.slice(0, 3), 'Some commuters said they would work from home until the boats ran again.', ...PARAGRAPHS.slice(3)])],
  ['trimmed ending (1)', article(HEADLINE, PARAGRAPHS.slice(0, -1))],
  ['trimmed ending (2)', article(HEADLINE, PARAGRAPHS.slice(0, -2))],
  ['a few words changed', WIRE.replace('walked out', 'went on strike').replace('empty aisles', 'bare shelves').replace('premature', 'unnecessary')],
  ['a figure changed', WIRE.replace('240 deck hands', '260 deck hands')],
  ['headline changed and ending trimmed', article('Strike stops Marrow Island ferries', PARAGRAPHS.slice(0, -1))],
];

for (const [name, text] of EDITS) {
  test(`a version: ${name}`, () => {
    const verdict = judgePair(fp(text), wire);
    assert.ok(verdict, `${name} was not judged a duplicate`);
    assert.equal(verdict.kind, 'version');
    assert.equal(verdict.evidence, 'light edit');
    assert.ok(verdict.jaccard >= VERSION_JACCARD && verdict.jaccard < 1 || name === 'changed headline');
  });
}

test('a copy: white space, furniture and quote styles only', () => {
  const dressed = [HEADLINE, 'Share this article', ...PARAGRAPHS.map((p) => p.replace(/"([^"]*)"/g, '“$1”')), 'Advertisement', 'Copyright 2024 Coastal Wire. All rights reserved.'].join('\n\n  \n');
  const verdict = judgePair(fp(dressed), wire);
  assert.deepEqual(verdict, { kind: 'copy', evidence: 'same text', jaccard: 1, containment: 1 });
});

test('a different report of the same event sharing a quote and a wire sentence is no duplicate', () => {
  const other = fp(OTHER_REPORT);
  const r = resemblance(other.shingles, wire.shingles);
  assert.ok(r.jaccard > 0, 'the two reports do share shingles');
  assert.equal(judgePair(other, wire), null);
  assert.equal(judgePair(wire, other), null);
});

test('the verdict is symmetric', () => {
  for (const [, text] of EDITS) assert.deepEqual(judgePair(wire, fp(text)), judgePair(fp(text), wire));
});

test('very short texts: identical ones are copies, a one-word change is not judged', () => {
  const a = fp('Ferry strike\n\nFerries stopped running on Tuesday.');
  assert.equal(judgePair(a, fp('Ferry strike\n\nFerries stopped running on Tuesday.', null, 'other'))?.kind, 'copy');
  assert.equal(judgePair(a, fp('Ferry strike\n\nFerries stopped running on Wednesday.')), null);
});

test('empty texts are nobody\'s duplicates', () => {
  const empty = { ...fingerprintOf({ ...handRecord({ text: 'x', entities: [] }), text: '', title: null }) };
  assert.equal(judgePair(empty, { ...empty, id: 'other' }), null);
  assert.equal(judgePair(empty, wire), null);
});

test('the same URL makes a version whatever the text', () => {
  const url = 'https://news.example/ferry-strike';
  const verdict = judgePair(fp(WIRE, url), fp(OTHER_REPORT, url));
  assert.equal(verdict?.kind, 'version');
  assert.equal(verdict?.evidence, 'same url');
});

test('judgeDuplicates: candidate id order, the article itself and repeats skipped, non-duplicates left out', () => {
  const copyB = { ...wire, id: 'b' };
  const copyA = { ...fp(EDITS[0]![1]), id: 'a' };
  const links = judgeDuplicates(wire, [copyB, fp(OTHER_REPORT), wire, copyA, copyB]);
  assert.deepEqual(
    links.map((l) => [l.id, l.kind]),
    [
      ['a', 'version'],
      ['b', 'copy'],
    ],
  );
});

test('through an index: the band keys bring the edited copies together, the other report and short texts stay apart', () => {
  const index = new MemoryFingerprintIndex();
  const file = (f: Fingerprint) => {
    const plan = planDuplicates(f, (keys) => index.lookup(keys));
    index.add(f, plan.keys);
    return plan;
  };
  assert.deepEqual(file(wire).links, []);
  assert.deepEqual(file(fp(OTHER_REPORT)).links, []);
  assert.deepEqual(file(fp('Ferry strike\n\nFerries stopped running on Tuesday.')).links, []);
  const seen = [wire.id];
  for (const [name, text] of EDITS) {
    const f = fp(text);
    const plan = file(f);
    // Each edited copy is a duplicate of the wire story and of every earlier edited copy that resembles it enough.
    assert.ok(plan.links.some((l) => l.id === wire.id), `${name}: not linked to the wire story`);
    for (const l of plan.links) assert.ok(seen.includes(l.id), `${name}: linked to ${l.id}`);
    seen.push(f.id);
  }
  assert.equal(index.size, 3 + EDITS.length);
});
