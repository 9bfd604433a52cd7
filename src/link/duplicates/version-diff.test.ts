// Version diffs on the hand-written wire story: each paragraph change with offsets into both
// texts, and figure changes from hand-laid figures layers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline, STAGES } from '../../analyze/pipeline.ts';
import { toRecord } from '../../model/record.ts';
import { assembleDoc } from '../../read/draft.ts';
import { readPlainText } from '../../read/text/text-reader.ts';
import { handRecord, withFigures } from '../entities/hand-records.ts';
import { judgePair } from './duplicate-judge.ts';
import { fingerprintOf } from './fingerprint.ts';
import { versionDiff, type ParagraphChange } from './version-diff.ts';
import { article, HEADLINE, PARAGRAPHS, WIRE } from './hand-articles.ts';

const side = (text: string) => ({ text, figures: [] });
/** Each change as [kind, before text, after text], the texts read back through the offsets. */
const readBack = (before: string, after: string, changes: ParagraphChange[]) =>
  changes.map((c) => {
    if (c.before) assert.equal(before.slice(c.before.start, c.before.end), c.before.text);
    if (c.after) assert.equal(after.slice(c.after.start, c.after.end), c.after.text);
    return [c.kind, c.before?.text ?? null, c.after?.text ?? null];
  });

test('identical and white-space-only versions have no differences', () => {
  assert.deepEqual(versionDiff(side(WIRE), side(WIRE)), { paragraphs: [], figures: [] });
  const spaced = WIRE.replace(/\n\n/g, '\r\n \r\n').replace(/ the /g, '  the ');
  assert.deepEqual(versionDiff(side(WIRE), side(spaced)).paragraphs, []);
});

test('a trimmed ending: the cut paragraphs are removed', () => {
  const after = article(HEADLINE, PARAGRAPHS.slice(0, -2));
  assert.deepEqual(readBack(WIRE, after, versionDiff(side(WIRE), side(after)).paragraphs), [
    ['removed', PARAGRAPHS[6], null],
    ['removed', PARAGRAPHS[7], null],
  ]);
});

test('an added paragraph, a moved paragraph and a changed headline', () => {
  const added = 'Some commuters said they would work from home until the boats ran again.';
  const body = [...PARAGRAPHS];
  const [moved] = body.splice(6, 1);
  body.splice(1, 0, moved!);
  body.splice(4, 0, added);
  const after = article('Ferry strike halts all crossings to Marrow Island', body);
  const diff = versionDiff(side(WIRE), side(after));
  assert.deepEqual(readBack(WIRE, after, diff.paragraphs), [
    ['changed', HEADLINE, 'Ferry strike halts all crossings to Marrow Island'],
    ['moved', PARAGRAPHS[6], PARAGRAPHS[6]],
    ['added', null, added],
  ]);
  assert.deepEqual(
    diff.paragraphs.map((c) => c.moved),
    [false, true, false],
  );
});

test('a replaced paragraph with few words in common is removed and added, not changed', () => {
  const after = article(HEADLINE, [...PARAGRAPHS.slice(0, 7), 'Negotiators met late into the night without agreement.']);
  assert.deepEqual(
    versionDiff(side(WIRE), side(after)).paragraphs.map((c) => c.kind),
    ['added', 'removed'],
  );
});

test('a figure change: the counted thing is the same, the value is not', () => {
  const afterText = WIRE.replace('240 deck hands', '260 deck hands').replace('about 3,000 commuters', 'about 3,000 commuters and freight drivers');
  const before = withFigures(handRecord({ text: WIRE, entities: [] }), [
    { text: 'about 3,000 commuters', low: 3000, high: 3000, hedge: 'about', counts: 'commuters' },
    { text: '240 deck hands and engineers', low: 240, high: 240, counts: 'deck hands and engineers' },
    { text: '48 hours', low: 48, high: 48, unit: 'hour' },
  ]);
  const after = withFigures(handRecord({ text: afterText, entities: [] }), [
    { text: 'about 3,000 commuters', low: 3000, high: 3000, hedge: 'about', counts: 'commuters' },
    { text: '260 deck hands and engineers', low: 260, high: 260, counts: 'deck hands and engineers' },
    { text: '48 hours', low: 48, high: 48, unit: 'hour' },
  ]);
  const diff = versionDiff(before, after);
  assert.deepEqual(
    diff.paragraphs.map((c) => c.kind),
    ['changed', 'changed'],
  );
  assert.deepEqual(
    diff.figures.map((c) => [c.before.text, c.after.text]),
    [['240 deck hands and engineers', '260 deck hands and engineers']],
  );
  const change = diff.figures[0]!;
  assert.equal(WIRE.slice(change.before.start, change.before.end), change.before.text);
  assert.equal(afterText.slice(change.after.start, change.after.end), change.after.text);
});

test('a changed hedge is a figure change; equal figures pair with each other first', () => {
  const b = 'Talks\n\nAbout 3,000 commuters and 40 drivers were stranded, the council said on Tuesday evening.';
  const a = 'Talks\n\nMore than 3,000 commuters and 40 drivers were stranded, the council said late on Tuesday.';
  const before = withFigures(handRecord({ text: b, entities: [] }), [
    { text: 'About 3,000 commuters', low: 3000, high: 3000, hedge: 'about', counts: 'commuters' },
    { text: '40 drivers', low: 40, high: 40, counts: 'drivers' },
  ]);
  const after = withFigures(handRecord({ text: a, entities: [] }), [
    { text: 'More than 3,000 commuters', low: 3000, high: null, hedge: 'more than', counts: 'commuters' },
    { text: '40 drivers', low: 40, high: 40, counts: 'drivers' },
  ]);
  const diff = versionDiff(before, after);
  assert.deepEqual(
    diff.figures.map((c) => [c.before.hedge, c.after.hedge]),
    [['about', 'more than']],
  );
});

test('through the analysis pipeline: an update that changes a count is a version whose diff names the figure', () => {
  const pipeline = buildPipeline(STAGES);
  const analysed = (text: string) => toRecord(pipeline.run(assembleDoc(readPlainText(text, { path: null, url: null, outlet: null }))));
  const story = (count: string, day: string) =>
    article('Talks resume in Cairo', [
      `Hamas still holds ${count} living hostages, Israeli officials said on ${day}.`,
      ...PARAGRAPHS.slice(1, 5),
    ]);
  const before = analysed(story('24', 'Monday'));
  const after = analysed(story('22', 'Tuesday'));
  assert.equal(judgePair(fingerprintOf(after), fingerprintOf(before))?.kind, 'version');
  const diff = versionDiff(before, after);
  assert.equal(diff.paragraphs.length, 1);
  assert.deepEqual(
    diff.figures.map((c) => [c.before.text, c.before.low, c.after.text, c.after.low]),
    [['24 living hostages', 24, '22 living hostages', 22]],
  );
});
