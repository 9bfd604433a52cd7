// `dossier analyze` output checked against the contract's JSON Schema (../shared/contract),
// on real inputs: both seeds, the shipped examples (HTML, RSS, Atom, JSONL), dev-set HTML pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { main } from '../src/cli/main.ts';
import { captureIO } from './support/capture-io.ts';
import { SHARED_DIR, hasEvalSets, seedPath } from './support/shared-data.ts';
import { readEvalSet } from '../eval/eval-kit.ts';
import type { AnalysisRecord } from '../src/model/record.ts';

const schema = JSON.parse(readFileSync(join(SHARED_DIR, 'contract', 'analysis.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

async function analyze(...args: string[]): Promise<{ records: AnalysisRecord[]; stderr: string; status: number }> {
  const io = captureIO();
  const status = await main(['analyze', '--format', 'jsonl', ...args], io);
  const records = io.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as AnalysisRecord);
  return { records, stderr: io.stderr, status };
}

/** Every span of a record must cover exactly its text. */
function assertSpansHold(record: AnalysisRecord): void {
  const spans: { start: number; end: number; text?: string }[] = [
    ...[record.title, record.subtitle, record.dateline].filter((s) => s !== null),
    ...record.sentences,
    ...record.entities.flatMap((e) => e.mentions),
    ...record.quotes,
    ...record.quotes.flatMap((q) => [q.speaker, q.cue].filter((x) => x !== null)),
    ...record.times,
    ...record.figures,
    ...record.events.map((e) => e.trigger),
  ];
  for (const s of spans) {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= record.text.length, `span [${s.start}, ${s.end}) inside the text`);
    if (s.text !== undefined) assert.equal(record.text.slice(s.start, s.end), s.text);
  }
}

function assertValid(record: AnalysisRecord): void {
  const ok = validate(record);
  assert.ok(ok, `record ${record.id} (${record.source.path}) is valid: ${JSON.stringify(validate.errors)}`);
  assertSpansHold(record);
}

test('both seeds analyse to valid records', async () => {
  const { records, status, stderr } = await analyze(seedPath('anadolu'), seedPath('ap'));
  assert.equal(status, 0, stderr);
  assert.equal(records.length, 2);
  records.forEach(assertValid);
  const ap = records[1]!;
  assert.equal(ap.source.path, seedPath('ap'));
  assert.equal(ap.published.date, '2025-03-05');
  assert.ok(ap.sentences.length > 10);
  assert.ok(ap.entities.some((e) => e.name === 'Karoline Leavitt' && e.type === 'PERSON'));
  assert.ok(ap.quotes.some((q) => q.speaker?.text === 'she' && q.cue?.text === 'said'));
  assert.ok(ap.times.some((t) => t.text === 'Wednesday' && t.value === '2025-03-05'));
  assert.ok(ap.figures.some((f) => f.text === 'about 24 living hostages' && f.hedge === 'about' && f.claimant?.text === 'Israeli officials'));
  assert.ok(ap.events.some((e) => e.type === 'NEGOTIATE' && e.trigger.text === 'talks' && e.status === 'ongoing'));
});

test('the shipped examples (text, HTML, RSS, Atom, JSONL) analyse to valid records', async () => {
  const { records, status, stderr } = await analyze('examples');
  assert.equal(status, 0, stderr);
  assert.equal(records.length, 7, records.map((r) => r.source.path).join(', '));
  records.forEach(assertValid);
  const outlets = new Set(records.map((r) => r.source.outlet));
  for (const outlet of ['Harbor Wire', 'The Meridian Post', 'Eastwind Daily', 'Civic Ledger']) assert.ok(outlets.has(outlet), `outlet ${outlet} in ${[...outlets]}`);
  assert.ok(records.every((r) => r.published.date !== null && r.title !== null));
});

test('dev-set HTML pages analyse to valid records', { skip: !hasEvalSets() && 'no ../shared/eval' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-html-'));
  const pages = readEvalSet<{ id: string; html: string }>('article-extraction.jsonl.gz').slice(0, 8);
  pages.forEach((p, i) => writeFileSync(join(dir, `page-${i}.html`), p.html));
  const { records, status, stderr } = await analyze(dir);
  assert.equal(status, 0, stderr);
  assert.equal(records.length, pages.length);
  records.forEach(assertValid);
});

test('--plain keeps the input as the text, so offsets are input offsets', async () => {
  const { records } = await analyze('--plain', seedPath('ap'));
  assert.equal(records[0]!.text, readFileSync(seedPath('ap'), 'utf8'));
  assert.equal(records[0]!.title, null);
  assertValid(records[0]!);
});

test('--date is used only when the document carries no date, and disagreement is listed', async () => {
  const anadolu = (await analyze('--date', '2025-07-23', seedPath('anadolu'))).records[0]!;
  assert.deepEqual(anadolu.published, { date: '2025-07-23', basis: 'argument', conflicts: [] });
  const ap = (await analyze('--date', '2025-07-23', seedPath('ap'))).records[0]!;
  assert.equal(ap.published.date, '2025-03-05');
  assert.ok(ap.published.conflicts.some((c) => c.basis === 'argument' && c.date === '2025-07-23'));
});
