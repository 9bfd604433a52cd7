// `dossier figures`, run in-process through main() over a database filled with hand-made records
// (figures laid by hand into real records, stored with putArticles), and over the two seeds
// ingested for real once the pipeline has a stage that adds figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handRecord, layFigures, withFigures } from '../src/link/entities/hand-records.ts';
import type { AnalysisRecord } from '../src/model/record.ts';
import { figuredRecords, makeLinkedRecord } from '../src/store/store.contract.ts';
import { isDay, MAX_PAGE_SIZE, type StoredFigure } from '../src/store/store.ts';
import { assertAmbiguousName, assertListingRefusals, databaseFolder, ingestedSeeds, jsonLines, runCli as run, storedRecords } from './support/cli-run.ts';

const databases = databaseFolder('cli-figures');

const FIGURED = figuredRecords();
// Two people who share a surname, each claiming a figure: "Biden" names them both.
const BIDENS = [
  withFigures(makeLinkedRecord({ title: 'Aid', paragraphs: ['Joe Biden said 200 trucks crossed.'], outlet: 'Civic Ledger', date: '2024-05-01' }, [{ name: 'Joe Biden', type: 'PERSON' }]), [
    { text: '200 trucks', low: 200, high: 200, counts: 'trucks', claimant: { text: 'Joe Biden', entity: 'Joe Biden' } },
  ]),
  withFigures(makeLinkedRecord({ title: 'Court', paragraphs: ['Hunter Biden said 3 appeals were pending.'], outlet: 'Civic Ledger', date: '2024-05-02' }, [{ name: 'Hunter Biden', type: 'PERSON' }]), [
    { text: '3 appeals', low: 3, high: 3, counts: 'appeals', claimant: { text: 'Hunter Biden', entity: 'Hunter Biden' } },
  ]),
];

/** A database holding `records`, stored directly (no analysis). */
const filled = (records: readonly AnalysisRecord[] = [...Object.values(FIGURED), ...BIDENS]) => storedRecords(databases.fresh(), records);

/** The figures (as written) a `--format jsonl` listing gives for `argv`. */
async function listed(db: string, ...argv: string[]): Promise<string[]> {
  const r = await run('figures', '--db', db, '--format', 'jsonl', ...argv);
  assert.equal(r.status, 0, r.stderr);
  return jsonLines<StoredFigure>(r.stdout).map((f) => f.figure.text);
}

test('figures prints the series: one aligned line per figure (date, value with hedge, counts, claimant, outlet), the sentence and the article below', async () => {
  const db = await filled();
  const r = await run('figures', '--db', db);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const lines = r.stdout.split('\n');
  assert.equal(lines.pop(), '', 'ends with a newline');
  assert.equal(lines.length, 10 * 3);
  const heads = lines.filter((_, i) => i % 3 === 0);
  // Newest first by as-of day, else publication day (marked), undated last; within an article in text order.
  assert.deepEqual(
    heads.map((h) => h.split(/ {2,}/)),
    [
      ['2026-10-13 (published)', 'about 300', 'delegates', 'a spokesman for the Ridgeline Front', 'Eastwind Daily'],
      ['2025-07-23 (published)', 'up to 5,000,000 USD', '—', 'The ministry', 'Civic Ledger'],
      ['2025-07-23 (published)', '1,500', 'prisoners', 'The ministry', 'Civic Ledger'],
      ['2025-07-20', 'at least 20', 'living hostages', 'Karoline Leavitt', 'Civic Ledger'],
      ['2025-03-05', 'about 24', 'living hostages', 'Israeli ("Israeli officials")', 'Eastwind Daily'],
      ['2025-03-05 (published)', '59', 'hostages', 'Israeli ("the officials")', 'Eastwind Daily'],
      ['2024-05-02 (published)', '3', 'appeals', 'Hunter Biden', 'Civic Ledger'],
      ['2024-05-01 (published)', '200', 'trucks', 'Joe Biden', 'Civic Ledger'],
      ['undated', 'nearly 24', 'hostages', 'a senior official', 'outlet unknown'],
      ['undated', '35', 'dead hostages', 'Karoline Leavitt', 'outlet unknown'],
    ],
  );
  // Columns line up down the page: every line's cells start at the same places.
  const cellStarts = (line: string) => [...line.matchAll(/(?:^|(?<= {2}))\S/g)].map((m) => m.index);
  assert.deepEqual(new Set(heads.map((h) => cellStarts(h).join(','))).size, 1, heads.join('\n'));
  assert.deepEqual(lines.slice(9, 12), [
    '2025-07-20              at least 20          living hostages  Karoline Leavitt                     Civic Ledger',
    '    Karoline Leavitt said [at least 20 living hostages] were held as of Sunday.',
    `    Leavitt gives a new count · 2025-07-23 · ${FIGURED.agency.id.slice(0, 12)}`,
  ]);
  // The aid figure is as of a month: listed by the article's day, its month shown with the article.
  assert.equal(lines[4], '    The ministry said aid worth [up to 5,000,000 dollars] was waiting, and 1,500 prisoners would be freed.');
  assert.equal(lines[5], `    Leavitt gives a new count · 2025-07-23 · ${FIGURED.agency.id.slice(0, 12)} · as of 2025-07`);
  assert.equal(lines[29], `    Briefing · undated · ${FIGURED.briefing.id.slice(0, 12)}`);
  assert.equal(lines[28], '    Karoline Leavitt put the number of dead hostages at [35].');

  const limited = await run('figures', '--db', db, '--limit', '2');
  assert.equal(limited.stdout.split('\n').filter((l) => /^\S/.test(l)).length, 3);
  assert.match(limited.stdout, /\n… more: raise --limit \(now 2\)\n$/);
});

test('figures --counts keeps figures counting those words (whole words, case aside), to follow one count across outlets and days', async () => {
  const db = await filled();
  assert.deepEqual(await listed(db, '--counts', 'hostages'), ['at least 20 living hostages', 'about 24 living hostages', '59 hostages', 'Nearly 24 hostages', '35']);
  assert.deepEqual(await listed(db, '--counts', 'Living Hostages'), ['at least 20 living hostages', 'about 24 living hostages']);
  assert.deepEqual(await listed(db, '--counts', 'hostage'), []);

  const series = await run('figures', '--db', db, '--counts', 'living hostages');
  assert.equal(series.status, 0, series.stderr);
  assert.deepEqual(
    series.stdout.split('\n').filter((l) => /^\S/.test(l)),
    [
      '2025-07-20  at least 20  living hostages  Karoline Leavitt               Civic Ledger',
      '2025-03-05  about 24     living hostages  Israeli ("Israeli officials")  Eastwind Daily',
    ],
  );
  const json = await run('figures', '--db', db, '--counts', ' hostages ', '--format', 'json', '--limit', '1');
  const page = JSON.parse(json.stdout) as { counts: string; claimant: null; figures: StoredFigure[]; nextCursor: string | null };
  assert.equal(page.counts, 'hostages');
  assert.equal(page.claimant, null);
  assert.deepEqual(page.figures.map((f) => [f.figure.text, f.low, f.high, f.hedge, f.unit, f.counts, f.asOf, f.published, f.outlet, f.title]), [
    ['at least 20 living hostages', 20, null, 'at least', 'person', 'living hostages', '2025-07-20', '2025-07-23', 'Civic Ledger', 'Leavitt gives a new count'],
  ]);
  assert.equal(page.figures[0]!.sentence?.text, 'Karoline Leavitt said at least 20 living hostages were held as of Sunday.');
  assert.notEqual(page.nextCursor, null);

  const none = await run('figures', '--db', db, '--counts', 'ferries', '--until', '2025-01-01');
  assert.equal(none.stdout, 'no figures stored counting "ferries" to 2025-01-01\n');
  for (const counts of ['', '  ', '*', '--']) {
    const bad = await run('figures', '--db', db, `--counts=${counts}`);
    assert.equal(bad.status, 2, JSON.stringify(counts));
    assert.match(bad.stderr, /--counts needs a word/);
  }
});

test('figures --claimant: by identity as `entity` finds it, by the text of claimants without one; an ambiguous name lists the candidates', async () => {
  const db = await filled();
  assert.deepEqual(await listed(db, '--claimant', 'leavitt'), ['at least 20 living hostages']);
  // The full name also matches the briefing's claimant, written so but linked to nobody.
  assert.deepEqual(await listed(db, '--claimant', 'Karoline Leavitt'), ['at least 20 living hostages', '35']);
  assert.deepEqual(await listed(db, '--claimant', 'Israeli'), ['about 24 living hostages', '59 hostages']);
  assert.deepEqual(await listed(db, '--claimant', 'THE MINISTRY'), ['up to 5,000,000 dollars', '1,500 prisoners']);
  assert.deepEqual(await listed(db, '--claimant', 'Karoline Leavitt', '--counts', 'dead hostages'), ['35']);

  const json = await run('figures', '--db', db, '--claimant', 'Leavitt', '--format', 'json');
  const page = JSON.parse(json.stdout) as { claimant: { name: string; identity: { id: string; name: string } | null }; figures: StoredFigure[] };
  assert.equal(page.claimant.name, 'Leavitt');
  assert.equal(page.claimant.identity?.name, 'Karoline Leavitt');
  assert.deepEqual(page.figures.map((f) => f.claimant), [{ text: 'Karoline Leavitt', entity: 'e1', identity: page.claimant.identity }]);

  await assertAmbiguousName('figures', db, '--claimant', 'Biden', ['Joe Biden', 'Hunter Biden']);
  assert.deepEqual(await listed(db, '--claimant', 'Joe Biden'), ['200 trucks']);

  const nobody = await run('figures', '--db', db, '--claimant', 'Ron Dermer', '--since', '2025-01-01');
  assert.equal(nobody.status, 0, nobody.stderr);
  assert.equal(nobody.stdout, 'no figures stored by "Ron Dermer" from 2025-01-01\n');
});

test('figures --since/--until bound the as-of day (else the publication day); bad options are usage errors', async () => {
  const db = await filled();
  const days = async (...argv: string[]) => {
    const r = await run('figures', '--db', db, '--format', 'json', ...argv);
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as { figures: StoredFigure[] }).figures.map((f) => (isDay(f.asOf) ? f.asOf : f.published));
  };
  assert.deepEqual(await days('--since', '2025-07-20', '--until', '2025-07-23'), ['2025-07-23', '2025-07-23', '2025-07-20']);
  assert.deepEqual(await days('--until', '2024-12-31'), ['2024-05-02', '2024-05-01']);
  assert.deepEqual(await days('--since', '2025-03-05', '--claimant', 'Israeli', '--until', '2025-03-05'), ['2025-03-05', '2025-03-05']);
  assert.equal((await run('figures', '--db', db, '--since', '2027-01-01')).stdout, 'no figures stored from 2027-01-01\n');

  await assertListingRefusals('figures', { db, missing: databases.missing, empty: await filled([]) }, '--claimant');
  const help = await run('help');
  assert.match(help.stdout, /\n {2}figures +what figures each source gives/);
  assert.match(help.stdout, /--counts TEXT +--claimant NAME/);
});

test('figures --limit above the store’s page size reads page after page', async () => {
  const n = MAX_PAGE_SIZE + 100;
  const text = `Tally\n${Array.from({ length: n }, (_, i) => `Ward ${i} counted ${i} ballots.`).join(' ')}`;
  const base = handRecord({ text, entities: [], date: '2025-01-01' });
  const record = { ...base, figures: layFigures(base, Array.from({ length: n }, (_, i) => ({ text: `${i} ballots`, low: i, high: i, counts: 'ballots' }))) };
  const db = await filled([record]);
  const some = await listed(db, '--limit', String(MAX_PAGE_SIZE + 50));
  assert.equal(some.length, MAX_PAGE_SIZE + 50);
  assert.deepEqual(some.slice(MAX_PAGE_SIZE - 1, MAX_PAGE_SIZE + 1), [`${MAX_PAGE_SIZE - 1} ballots`, `${MAX_PAGE_SIZE} ballots`], 'text order across the page boundary');
  assert.equal((await listed(db, '--limit', String(n + 10), '--counts', 'ballots')).length, n);
  assert.doesNotMatch((await run('figures', '--db', db, '--limit', String(n))).stdout, /more: raise/);
});


test('the two seeds, ingested, list every figure they carry, each inside its sentence, newest first', async () => {
  const db = databases.fresh();
  const records = await ingestedSeeds(db);
  const figures = jsonLines<StoredFigure>((await run('figures', '--db', db, '--format', 'jsonl', '--limit', '1000')).stdout);
  assert.equal(figures.length, [...records.values()].reduce((sum, record) => sum + record.figures.length, 0));
  const key = (f: StoredFigure) => (isDay(f.asOf) ? f.asOf : f.published) ?? '';
  for (const [i, f] of figures.entries()) {
    const record = records.get(f.recordId)!;
    assert.equal(record.figures[f.index]!.text, f.figure.text);
    assert.equal(record.text.slice(f.figure.start, f.figure.end), f.figure.text);
    if (f.sentence) assert.equal(record.text.slice(f.sentence.start, f.sentence.end), f.sentence.text);
    if (f.sentence) assert.ok(f.sentence.start <= f.figure.start && f.figure.end <= f.sentence.end, `${f.figure.text} in ${f.sentence.text}`);
    if (i > 0) assert.ok(key(figures[i - 1]!) >= key(f), 'newest first');
  }
});
