// The store contract on SQLite (a fresh temp-file database per test), and what only SQLite has:
// the file itself (migrations, WAL, reopening) and its search index's consistency after a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScript } from '../../../test/support/script-process.ts';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { withFigures, withQuotes } from '../../link/entities/hand-records.ts';
import { readPages, type StoredQuote } from '../store.ts';
import { bulkRecords, duplicateRecords, figuredRecords, makeLinkedRecord, makeRecord, quotedRecords, storeContract, connectionContract } from '../store.contract.ts';
import { storyContract } from '../story.contract.ts';
import { openSqliteStore, SqliteStore } from './sqlite-store.ts';
import { migrate, readMigrations, SQLITE_MIGRATIONS_DIR } from './sqlite-migrations.ts';

const tempDir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-'));
let counter = 0;
const tempDb = () => join(tempDir, `store-${++counter}.db`);

storeContract('sqlite', () => openSqliteStore(tempDb()));
async function twoConnections() {
  const path = tempDb();
  return { store: await openSqliteStore(path), connectAgain: () => openSqliteStore(path) };
}
storyContract('sqlite', twoConnections);
connectionContract('sqlite', twoConnections);

test('a new file gets every migration once, in WAL mode; reopening applies none and keeps the data', async () => {
  const path = tempDb();
  const store = await openSqliteStore(path);
  const record = makeRecord({ title: 'Kept', paragraphs: ['Kept across reopening.'] });
  await store.putArticles([record]);
  await store.close();

  const db = new Database(path);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  const names = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all();
  assert.deepEqual(names, readdirSync(SQLITE_MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort());
  assert.deepEqual(migrate(db), []);
  db.close();

  const again = await openSqliteStore(path, { mustExist: true });
  assert.deepEqual((await again.getArticle(record.id))?.record, record);
  assert.deepEqual(again.integrityProblems(), []);
  await again.close();
});

test('migrations apply in name order; a database from a newer Dossier and a missing file are refused', async () => {
  const dir = join(tempDir, 'migrations');
  mkdirSync(dir);
  writeFileSync(join(dir, '20270102T0900-second.sql'), 'ALTER TABLE t ADD COLUMN b TEXT;');
  writeFileSync(join(dir, '20270101T0900-first.sql'), 'CREATE TABLE t (a TEXT);');
  const db = new Database(':memory:');
  assert.deepEqual(migrate(db, readMigrations(dir)), ['20270101T0900-first.sql', '20270102T0900-second.sql']);
  // A failing migration is rolled back whole, with its name in the error.
  writeFileSync(join(dir, '20270103T0900-broken.sql'), 'CREATE TABLE u (x TEXT); SELECT no_such_function();');
  assert.throws(() => migrate(db, readMigrations(dir)), /20270103T0900-broken\.sql/);
  assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'u'").pluck().get(), 0);
  writeFileSync(join(dir, 'oops.sql'), '');
  assert.throws(() => readMigrations(dir), /not named/);
  db.close();

  const path = tempDb();
  await (await openSqliteStore(path)).close();
  const raw = new Database(path);
  raw.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run('29990101T0000-future.sql', new Date().toISOString());
  raw.close();
  await assert.rejects(openSqliteStore(path), /29990101T0000-future\.sql.*newer Dossier/);
  await assert.rejects(openSqliteStore(join(tempDir, 'absent.db'), { mustExist: true }), /no database at/);
});

test('identity counters and links stay consistent through new versions, by SQLite’s own count', async () => {
  const store = await openSqliteStore(tempDb());
  const url = 'https://eastwind.example/v';
  const people = ['Karoline Leavitt', 'Ron Dermer', 'Steve Witkoff'];
  for (let v = 0; v < 3; v++) {
    const named = people.slice(v);
    const record = makeLinkedRecord({ title: `Version ${v}`, paragraphs: [`${named.join(' met ')} in Rome.`], url }, named.map((name) => ({ name, type: 'PERSON' as const })));
    await store.putArticles([record, makeLinkedRecord({ title: `Other ${v}`, paragraphs: ['Steve Witkoff flew home.'] }, [{ name: 'Steve Witkoff', type: 'PERSON' }])]);
    assert.deepEqual(store.integrityProblems(), [], `after version ${v}`);
  }
  assert.deepEqual(
    (await store.listIdentities()).items.map((i) => [i.name, i.articles]),
    [['Steve Witkoff', 4]],
  );
  await store.close();
});

/**
 * The store at `path` made to look as it did before `migration` (the `tables` it made dropped,
 * the migration not applied), then opened again: which applies the migration and its backfill.
 */
async function reopenedBefore(path: string, migration: string, tables: readonly string[]): Promise<SqliteStore> {
  const raw = new Database(path);
  for (const table of tables) raw.exec(`DROP TABLE ${table}`);
  raw.prepare('DELETE FROM schema_migrations WHERE name = ?').run(migration);
  raw.close();
  return openSqliteStore(path);
}

test('a store made before the quotes migration gets its quotes backfilled exactly as storing them indexes them', async () => {
  const path = tempDb();
  const store = await openSqliteStore(path);
  const { wire, agency, talks, briefing } = quotedRecords();
  // Offsets after a character outside the BMP: JavaScript counts it twice, SQLite once.
  const astral = withQuotes(
    makeLinkedRecord({ title: 'Harbour 🌊 talks', paragraphs: ['🌊 Ana Lind said on Monday that the harbour would reopen.', '"Not before spring," Lind added.'], date: '2025-08-02' }, [
      { name: 'Ana Lind', type: 'PERSON', forms: ['Ana Lind', 'Lind'] },
    ]),
    [
      { content: 'the harbour would reopen', kind: 'indirect', speaker: { text: 'Ana Lind', entity: 'Ana Lind' }, cue: 'said', date: '2025-07' },
      { content: 'Not before spring,', speaker: { text: 'Lind', entity: 'Ana Lind' }, cue: 'added', date: '2025-07-28' },
    ],
  );
  const v1 = makeRecord({ title: 'Port', paragraphs: ['"We will strike," the union said.'], url: 'https://eastwind.example/port', date: '2025-05-01' });
  const v2 = makeRecord({ title: 'Port', paragraphs: ['"We will not strike," the union said.'], url: 'https://eastwind.example/port', date: '2025-05-02' });
  // v1 and v2 carry whatever quotes the pipeline found: the backfill must index them as storing did.
  await store.putArticles([wire, agency, talks, briefing, astral, v1, v2]);
  const all = async (s: typeof store): Promise<StoredQuote[]> => (await readPages((page) => s.listQuotes(page), Infinity, 3)).items;
  const stored = await all(store);
  assert.ok(stored.length >= 9, `${stored.length} quotes`);
  const lind = stored.filter((q) => q.recordId === astral.id);
  // A month is not a day: the first Lind quote is listed by the article's date, before the second.
  assert.deepEqual(lind.map((q) => [q.content.text, q.date]), [['the harbour would reopen', '2025-07'], ['Not before spring,', '2025-07-28']]);
  assert.equal(lind[0]!.sentences?.text, '🌊 Ana Lind said on Monday that the harbour would reopen.');
  assert.equal(lind[1]!.speaker?.identity?.name, 'Ana Lind');
  await store.close();

  const migrated = await reopenedBefore(path, '20261124T1200-quotes.sql', ['quotes']);
  assert.deepEqual(await all(migrated), stored);
  assert.deepEqual(migrated.integrityProblems(), []);
  await migrated.close();
});

test('a store made before the figures migration gets its figures backfilled exactly as storing them indexes them', async () => {
  const path = tempDb();
  const store = await openSqliteStore(path);
  // Offsets after a character outside the BMP: JavaScript counts it twice, SQLite once.
  const astral = withFigures(
    makeLinkedRecord({ title: 'Harbour 🌊 count', paragraphs: ['🌊 Ana Lind said about 40 ferries were idle.', 'Lind put the number of stranded passengers at 1,200.'], date: '2025-08-02' }, [
      { name: 'Ana Lind', type: 'PERSON', forms: ['Ana Lind', 'Lind'] },
    ]),
    [
      { text: '1,200', low: 1200, high: 1200, unit: 'person', counts: 'stranded passengers', claimant: { text: 'Lind', entity: 'Ana Lind' }, asOf: '2025-08-01' },
      { text: 'about 40 ferries', low: 40, high: 40, hedge: 'about', counts: 'ferries', claimant: { text: 'Ana Lind', entity: 'Ana Lind' }, asOf: '2025-08' },
    ],
  );
  const url = 'https://eastwind.example/port';
  const v1 = withFigures(makeRecord({ title: 'Port', paragraphs: ['Some 300 dockers walked out.'], url, date: '2025-05-01' }), [{ text: '300 dockers', low: 300, high: 300, counts: 'dockers' }]);
  const v2 = withFigures(makeRecord({ title: 'Port', paragraphs: ['Some 350 dockers walked out.'], url, date: '2025-05-02' }), [{ text: '350 dockers', low: 350, high: 350, counts: 'dockers' }]);
  await store.putArticles([...Object.values(figuredRecords()), astral, v1, v2]);
  const listings = async (s: typeof store) =>
    Promise.all(
      [{}, { counts: 'hostages' }, { counts: 'dockers' }, { claimant: { identityId: null, text: 'the ministry' } }].map(async (options) => (await readPages((page) => s.listFigures({ ...options, ...page }), Infinity, 3)).items),
    );
  const stored = await listings(store);
  assert.equal(stored[0]!.length, 8 + 2 + 1);
  assert.deepEqual(stored[2]!.map((f) => f.figure.text), ['350 dockers']);
  const lind = stored[0]!.filter((f) => f.recordId === astral.id);
  // A month is not a day: the ferries are listed by the article's date, before the passengers as of the day before.
  assert.deepEqual(lind.map((f) => [f.figure.text, f.asOf]), [['about 40 ferries', '2025-08'], ['1,200', '2025-08-01']]);
  assert.equal(lind[0]!.sentence?.text, '🌊 Ana Lind said about 40 ferries were idle.');
  assert.equal(lind[1]!.claimant?.identity?.name, 'Ana Lind');
  assert.deepEqual(store.integrityProblems(), []);
  await store.close();

  const migrated = await reopenedBefore(path, '20261124T1300-figures.sql', ['figures', 'figure_counts']);
  assert.deepEqual(await listings(migrated), stored);
  assert.deepEqual(migrated.integrityProblems(), []);
  await migrated.close();
});

test('the figures integrity check sees counts out of step with their figures', async () => {
  const path = tempDb();
  const store = await openSqliteStore(path);
  await store.putArticles(Object.values(figuredRecords()));
  assert.deepEqual(store.integrityProblems(), []);
  await store.close();
  // Tampered with from another connection, then checked by a fresh one (FTS5 caches its structure per connection).
  const db = new Database(path);
  db.exec("DELETE FROM figure_counts WHERE rowid = (SELECT min(id) FROM figures WHERE json_extract(figure, '$.counts') IS NOT NULL)");
  db.exec("INSERT INTO figure_counts (rowid, counts) VALUES (999999, 'ghosts')");
  db.exec("UPDATE figures SET claimant_identity = NULL WHERE claimant_identity IS NOT NULL");
  db.close();
  const reopened = await openSqliteStore(path);
  assert.deepEqual(reopened.integrityProblems(), [
    '3 figures whose claimant_identity disagrees with the entity links',
    '1 figures whose counts are not indexed',
    '1 counts index rows without a figure',
  ]);
  await reopened.close();
});

// The child writes N records in batches of BATCH; the parent kills it (SIGKILL, no clean-up)
// once some batches are in, then re-runs the whole ingest. The records are made by the same
// code in both processes, so their ids agree.
const CRASH_N = 3000;
const CRASH_BATCH = 100;

test('a store made before the duplicates migration gets fingerprints and links backfilled as storing made them, resuming where a backfill stopped', async () => {
  const path = tempDb();
  const store = await openSqliteStore(path);
  const { wire, copy, update, rewrite, edit, other } = duplicateRecords();
  await store.putArticles([wire, copy]);
  await store.putArticles([update, other, edit]);
  await store.putArticles([rewrite]);
  const ids = [wire, copy, update, rewrite, edit, other].map((r) => r.id);
  const snapshot = async (s: SqliteStore) => ({
    links: await Promise.all(ids.map((id) => s.duplicatesOf(id))),
    sources: await s.independentSources(ids),
  });
  const tables = (file: string) => {
    const raw = new Database(file, { readonly: true });
    const rows = ['fingerprints', 'fingerprint_keys', 'duplicates'].map((t) => raw.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
    raw.close();
    return rows;
  };
  const stored = await snapshot(store);
  assert.equal(stored.sources.count, 2);
  await store.close();
  const storedTables = tables(path);
  assert.equal((storedTables[0] as unknown[]).length, 6);

  // Migrated by an older Dossier's file: the tables are made, the backfill is listed, and cut short after two records.
  const raw = new Database(path);
  for (const table of ['fingerprints', 'fingerprint_keys', 'duplicates', 'fingerprint_backfill']) raw.exec(`DROP TABLE ${table}`);
  raw.prepare('DELETE FROM schema_migrations WHERE name = ?').run('20261124T1600-duplicates.sql');
  assert.deepEqual(migrate(raw), ['20261124T1600-duplicates.sql']);
  const partial = new SqliteStore(raw, path);
  assert.equal(partial.backfillFingerprints(1, 2), 2);
  assert.deepEqual(raw.prepare('SELECT upto, done FROM fingerprint_backfill').get(), { upto: 6, done: 2 });
  assert.deepEqual(await partial.duplicatesOf(copy.id), stored.links[1]!.filter((d) => d.id === wire.id));
  await partial.close();

  const resumed = await openSqliteStore(path);
  assert.deepEqual(await snapshot(resumed), stored);
  assert.deepEqual(resumed.integrityProblems(), []);
  assert.equal(resumed.backfillFingerprints(), 0);
  await resumed.close();
  assert.deepEqual(tables(path), storedTables);
});

test('a process killed mid-ingest leaves whole batches only; re-running stores every article exactly once', async () => {
  const path = tempDb();
  await (await openSqliteStore(path)).close();
  const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
  const { child, stderr, exited } = runScript(
    `import { bulkRecords } from ${JSON.stringify(here('../store.contract.ts'))};
     import { openSqliteStore } from ${JSON.stringify(here('./sqlite-store.ts'))};
     const records = bulkRecords(${CRASH_N});
     const store = await openSqliteStore(${JSON.stringify(path)});
     for (let i = 0; i < records.length; i += ${CRASH_BATCH}) await store.putArticles(records.slice(i, i + ${CRASH_BATCH}));
     await store.close();`,
  );

  const reader = new Database(path, { readonly: true });
  const count = () => reader.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const deadline = Date.now() + 60_000;
  let seen = 0;
  while (seen < CRASH_N / 4 && child.exitCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    seen = count();
  }
  child.kill('SIGKILL');
  const code = await exited;
  reader.close();
  assert.equal(code, null, `the child should have been killed, not exited: ${stderr()}`);

  const store = await openSqliteStore(path);
  const before = (await store.stats()).versions;
  assert.ok(before > 0 && before < CRASH_N, `killed after ${before} of ${CRASH_N}`);
  assert.equal(before % CRASH_BATCH, 0, 'only whole batches are stored');
  assert.deepEqual(store.integrityProblems(), []);

  const records = bulkRecords(CRASH_N);
  const statuses = new Map<string, number>();
  for (let i = 0; i < records.length; i += 500) {
    for (const r of await store.putArticles(records.slice(i, i + 500))) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(statuses), { unchanged: before, new: CRASH_N - before });
  const stats = await store.stats();
  assert.equal(stats.articles, CRASH_N);
  assert.equal(stats.versions, CRASH_N);
  assert.deepEqual(store.integrityProblems(), []);
  assert.equal((await store.search('report 2999')).items[0]?.title, 'Bulk report 2999');
  await store.close();
});
