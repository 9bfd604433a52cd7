// `dossier quotes`, run in-process through main() over a database filled with hand-made records
// (quotes laid by hand into real records, stored with putArticles), and over the two seeds
// ingested for real once the pipeline has a stage that adds quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STAGES } from '../src/analyze/pipeline.ts';
import { handRecord, layQuotes } from '../src/link/entities/hand-records.ts';
import type { AnalysisRecord } from '../src/model/record.ts';
import { makeLinkedRecord, quotedRecords } from '../src/store/store.contract.ts';
import { isDay, MAX_PAGE_SIZE, type StoredQuote } from '../src/store/store.ts';
import { assertAmbiguousName, assertListingRefusals, databaseFolder, ingestedSeeds, jsonLines, runCli as run, storedRecords } from './support/cli-run.ts';

const databases = databaseFolder('cli-quotes');
const freshDb = databases.fresh;

/** The text output's quotes: one block each, separated by blank lines. */
const blocks = (text: string) => text.split('\n\n').map((b) => b.trim()).filter((b) => b !== '');

const QUOTED = quotedRecords();
// Two people who share a surname, each quoted once: "Biden" names them both.
const BIDENS = [
  makeLinkedRecord({ title: 'Visit', paragraphs: ['Joe Biden said the visit went well.'], outlet: 'Civic Ledger', date: '2024-05-01' }, [{ name: 'Joe Biden', type: 'PERSON' }]),
  makeLinkedRecord({ title: 'Court', paragraphs: ['Hunter Biden said he would appeal.'], outlet: 'Civic Ledger', date: '2024-05-02' }, [{ name: 'Hunter Biden', type: 'PERSON' }]),
].map((r) => ({ ...r, quotes: layQuotes(r, [{ content: r.text.includes('Joe') ? 'the visit went well' : 'he would appeal', kind: 'indirect', speaker: { text: r.entities[0]!.name, entity: r.entities[0]!.name }, cue: 'said' }]) }));

/** A database holding `records`, stored directly (no analysis). */
const filled = (records: readonly AnalysisRecord[] = [...Object.values(QUOTED), ...BIDENS]) => storedRecords(freshDb(), records);

test('quotes lists every stored quote newest first, undated last: speaker as written and resolved, kind, cue, sentence, article', async () => {
  const db = await filled();
  const r = await run('quotes', '--db', db);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const all = blocks(r.stdout);
  assert.equal(all.length, 9);
  assert.equal(
    all[0],
    [
      '2026-10-13 (published) · the envoy · direct · cue "said"',
      '  quote:    We are close,',
      '  sentence: "We are close," the envoy said.',
      `  article:  Eastwind Daily · Talks resume in Velmora · 2026-10-13 · ${QUOTED.talks.id.slice(0, 12)}`,
    ].join('\n').trim(),
  );
  // The agency's quotes in text order on the article's day, then the one said the day before, under its own date.
  assert.match(all[1]!, /^2025-07-23 \(published\) · Karoline Leavitt · indirect · cue "told"\n +quote: +the envoy would fly to Rome\n/);
  assert.match(all[2]!, /^2025-07-23 \(published\) · Karoline Leavitt \("Leavitt"\) · indirect · cue "added"\n +quote: +Israel was consulted\n/);
  assert.match(all[3]!, /^2025-07-22 · Karoline Leavitt \("Leavitt"\) · indirect · cue "said"\n/);
  assert.match(all[3]!, /\n +sentence: Leavitt said the envoy would meet Israeli officials; Leavitt added that Israel was consulted\.\n/);
  assert.match(all[3]!, /\n +article: +Civic Ledger · Envoy travels to Rome · 2025-07-23 · [0-9a-f]{12}$/);
  assert.match(all[4]!, /^2025-03-05 · Karoline Leavitt · indirect · cue "said"\n/);
  assert.match(all[5]!, /^2024-05-02 \(published\) · Hunter Biden · indirect/);
  assert.match(all[6]!, /^2024-05-01 \(published\) · Joe Biden · indirect/);
  assert.match(all[7]!, /^undated · a senior official · direct · cue "said"\n +quote: +Nothing is agreed,\n +sentence: "Nothing is agreed," a senior official said\.\n +article: +outlet unknown · Briefing · undated · /);
  assert.match(all[8]!, /^undated · Karoline Leavitt · direct/);

  const limited = await run('quotes', '--db', db, '--limit', '2');
  assert.equal(blocks(limited.stdout).length, 2);
  assert.match(limited.stdout, /… more: raise --limit \(now 2\)\n$/);
});

test('quotes --speaker: by identity as `entity` finds it, by the text of speakers without one; an ambiguous name lists the candidates', async () => {
  const db = await filled();
  const contents = async (...argv: string[]) => {
    const r = await run('quotes', '--db', db, '--format', 'jsonl', ...argv);
    assert.equal(r.status, 0, r.stderr);
    return jsonLines<StoredQuote>(r.stdout).map((q) => q.content.text);
  };
  const byLeavitt = ['the envoy would fly to Rome', 'Israel was consulted', 'the envoy would meet Israeli officials', 'talks went on'];
  // The surname finds her identity; the full name also matches the briefing's speaker, written so but linked to nobody.
  assert.deepEqual(await contents('--speaker', 'leavitt'), byLeavitt);
  assert.deepEqual(await contents('--speaker', 'Karoline Leavitt'), [...byLeavitt, 'We will see.']);
  assert.deepEqual(await contents('--speaker', 'A SENIOR OFFICIAL'), ['Nothing is agreed,']);
  assert.deepEqual(await contents('--speaker', 'Joe Biden'), ['the visit went well']);

  const json = await run('quotes', '--db', db, '--speaker', 'Leavitt', '--format', 'json', '--limit', '1');
  assert.equal(json.status, 0, json.stderr);
  const listed = JSON.parse(json.stdout) as { speaker: { name: string; identity: { id: string; name: string } | null }; quotes: StoredQuote[]; nextCursor: string | null };
  assert.equal(listed.speaker.name, 'Leavitt');
  assert.equal(listed.speaker.identity?.name, 'Karoline Leavitt');
  assert.deepEqual(listed.quotes.map((q) => [q.speaker?.text, q.speaker?.identity]), [['Karoline Leavitt', listed.speaker.identity]]);
  assert.notEqual(listed.nextCursor, null);

  await assertAmbiguousName('quotes', db, '--speaker', 'Biden', ['Joe Biden', 'Hunter Biden']);

  const nobody = await run('quotes', '--db', db, '--speaker', 'Ron Dermer', '--since', '2025-01-01');
  assert.equal(nobody.status, 0, nobody.stderr);
  assert.equal(nobody.stdout, 'no quotes stored by "Ron Dermer" from 2025-01-01\n');
});

test('quotes --since/--until bound the quote’s date (else the article’s), as days checked like --date', async () => {
  const db = await filled();
  const dates = async (...argv: string[]) => {
    const r = await run('quotes', '--db', db, '--format', 'json', ...argv);
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as { quotes: StoredQuote[] }).quotes.map((q) => q.date ?? q.published);
  };
  assert.deepEqual(await dates('--since', '2025-07-22', '--until', '2025-07-23'), ['2025-07-23', '2025-07-23', '2025-07-22']);
  assert.deepEqual(await dates('--until', '2024-12-31'), ['2024-05-02', '2024-05-01']);
  assert.deepEqual(await dates('--since', '2025-03-05', '--speaker', 'Leavitt', '--until', '2025-07-22'), ['2025-07-22', '2025-03-05']);
  assert.equal((await run('quotes', '--db', db, '--since', '2027-01-01')).stdout, 'no quotes stored from 2027-01-01\n');

  await assertListingRefusals('quotes', { db, missing: databases.missing, empty: await filled([]) }, '--speaker');
});

test('quotes --limit above the store’s page size reads page after page', async () => {
  const n = MAX_PAGE_SIZE + 100;
  const text = `Roundup\n${Array.from({ length: n }, (_, i) => `Speaker ${i} said "item ${i}."`).join(' ')}`;
  const base = handRecord({ text, entities: [], date: '2025-01-01' });
  const record = { ...base, quotes: layQuotes(base, Array.from({ length: n }, (_, i) => ({ content: `item ${i}.`, speaker: { text: `Speaker ${i}` }, cue: 'said' }))) };
  const db = await filled([record]);
  const lines = async (limit: number) => {
    const r = await run('quotes', '--db', db, '--format', 'jsonl', '--limit', String(limit));
    assert.equal(r.status, 0, r.stderr);
    return jsonLines<StoredQuote>(r.stdout).map((q) => q.content.text);
  };
  const some = await lines(MAX_PAGE_SIZE + 50);
  assert.equal(some.length, MAX_PAGE_SIZE + 50);
  assert.deepEqual(some.slice(MAX_PAGE_SIZE - 1, MAX_PAGE_SIZE + 1), [`item ${MAX_PAGE_SIZE - 1}.`, `item ${MAX_PAGE_SIZE}.`], 'text order across the page boundary');
  assert.equal((await lines(n + 10)).length, n);
  assert.doesNotMatch((await run('quotes', '--db', db, '--limit', String(n))).stdout, /more: raise/);
});

const hasQuoteStage = STAGES.some((stage) => stage.adds.includes('quotes'));

test('the two seeds, ingested, list every quote they carry, each inside its sentence, newest first', { skip: !hasQuoteStage && 'quote stage not in the pipeline yet' }, async () => {
  const db = freshDb();
  const records = await ingestedSeeds(db);
  const r = await run('quotes', '--db', db, '--format', 'jsonl', '--limit', '1000');
  assert.equal(r.status, 0, r.stderr);
  const quotes = jsonLines<StoredQuote>(r.stdout);
  assert.equal(quotes.length, [...records.values()].reduce((sum, record) => sum + record.quotes.length, 0));
  const key = (q: StoredQuote) => (isDay(q.date) ? q.date : q.published) ?? '';
  for (const [i, q] of quotes.entries()) {
    const record = records.get(q.recordId)!;
    assert.deepEqual(record.quotes[q.index]!.text, q.content.text);
    assert.equal(record.text.slice(q.content.start, q.content.end), q.content.text);
    if (q.sentences) assert.ok(q.sentences.text.includes(q.content.text), `${q.content.text} in ${q.sentences.text}`);
    if (i > 0) assert.ok(key(quotes[i - 1]!) >= key(q), 'newest first');
  }
});
