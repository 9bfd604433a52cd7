import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlainText } from '../../read/text/text-reader.ts';
import { assembleDoc } from '../../read/draft.ts';
import { buildPipeline } from '../../analyze/pipeline.ts';
import { toRecord, type AnalysisRecord } from '../../model/record.ts';
import { readSeed } from '../../../test/support/shared-data.ts';
import { buildLedger, type FigureLedger } from './figure-ledger.ts';

const pipeline = buildPipeline();
function analysed(text: string, date: string | null, outlet: string | null = null): AnalysisRecord {
  const doc = assembleDoc(readPlainText(text, { path: null, url: null, outlet }));
  return toRecord(pipeline.run(date ? { ...doc, meta: { ...doc.meta, published: { date, basis: 'argument', conflicts: [] } } } : doc));
}
const pointsOf = (ledger: FigureLedger, definition: string) =>
  ledger.series.filter((s) => s.definition === definition).flatMap((s) => s.points.map((p) => [s.place, p.text, p.low, p.high, p.asOf, p.claimant?.text ?? null]));

test('the seeds: hostage figures form dated series with their claimants; March to July is no contradiction', () => {
  const ap = analysed(readSeed('ap'), null);
  const anadolu = analysed(readSeed('anadolu'), '2025-07-23');
  const ledger = buildLedger([ap, anadolu]);
  assert.deepEqual(pointsOf(ledger, 'living hostages'), [['Gaza', 'about 24 living hostages', 24, 24, '2025-03-05', 'Israeli officials']]);
  assert.deepEqual(pointsOf(ledger, 'dead hostages'), [['Gaza', 'bodies of at least 35 others', 35, null, '2025-03-05', 'Israeli officials']]);
  assert.deepEqual(pointsOf(ledger, 'captives'), [['Gaza', 'roughly 50 captives', 50, 50, '2025-07-23', 'Israel']]);
  assert.deepEqual(pointsOf(ledger, 'dead captives'), [['Gaza', 'about half of them', 25, 25, '2025-07-23', 'Israel']]);
  assert.deepEqual(pointsOf(ledger, 'killed palestinians'), [['Gaza', 'over 59,000 Palestinians', 59000, null, '2025-07-23', null]]);
  const held = ledger.disagreements.filter((d) => d.series[0].startsWith('held people|Gaza|person'));
  assert.ok(held.length >= 2);
  assert.ok(held.every((d) => d.kind === 'different definition'), JSON.stringify(held.map((d) => d.why)));
  assert.equal(ledger.disagreements.filter((d) => d.kind === 'conflict').length, 0);
});

test('the same measure: a later date is an update, the same date from two claimants a conflict, approximate values agree', () => {
  const text = (n: string, who: string) => `Talks resumed.\n\n${who} say ${n} living hostages remain in Gaza.`;
  const march = analysed(text('24', 'Israeli officials'), '2025-03-05', 'Wire A');
  const marchOther = analysed(text('30', 'Hamas officials'), '2025-03-05', 'Wire B');
  const marchAbout = analysed(text('about 25', 'Mediators'), '2025-03-05', 'Wire C');
  const july = analysed(text('20', 'Israeli officials'), '2025-07-23', 'Wire D');
  const ledger = buildLedger([march, marchOther, marchAbout, july]);
  const series = ledger.series.filter((s) => s.definition === 'living hostages');
  assert.equal(series.length, 1);
  assert.deepEqual(series[0]!.points.map((p) => p.asOf), ['2025-03-05', '2025-03-05', '2025-03-05', '2025-07-23']);
  assert.deepEqual(series[0]!.points.slice(0, 3).map((p) => p.low).sort(), [24, 25, 30]);
  assert.equal(series[0]!.points[3]!.outlet, 'Wire D');
  const conflicts = ledger.disagreements.filter((d) => d.kind === 'conflict').map((d) => [d.earlier.low, d.later.low].sort());
  // 24 and 30 on one day disagree; "about 25" (22.5..27.5) agrees with 24 but not with 30.
  assert.deepEqual(conflicts.sort(), [[24, 30], [25, 30]].sort());
  const updates = ledger.disagreements.filter((d) => d.kind === 'update');
  assert.ok(updates.length >= 1);
  assert.ok(updates.every((d) => d.later.asOf === '2025-07-23' && d.later.low === 20));
});

test('figures with no date join their series but are never classified; other places and units are other series', () => {
  const undated = analysed('Officials say 24 living hostages remain in Gaza.', null);
  const dated = analysed('Officials say 30 living hostages remain in Gaza.', '2025-03-05');
  const elsewhere = analysed('Officials say 3 living hostages remain in Lebanon.', '2025-03-05');
  const ledger = buildLedger([undated, dated, elsewhere]);
  const places = ledger.series.filter((s) => s.definition === 'living hostages').map((s) => [s.place, s.points.length]);
  assert.deepEqual(places.sort(), [['Gaza', 2], ['Lebanon', 1]]);
  assert.equal(ledger.disagreements.length, 0);
});
