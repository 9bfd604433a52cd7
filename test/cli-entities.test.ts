// `dossier entities` and `dossier entity`, run in-process through main() over a database filled
// with hand-made records (entities laid out by hand, stored with putArticles), and over the two
// seeds ingested for real once the pipeline has a stage that adds entities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAGES } from '../src/analyze/pipeline.ts';
import { main } from '../src/cli/main.ts';
import { handRecord } from '../src/link/entities/hand-records.ts';
import type { IdentityDetail, IdentitySummary } from '../src/store/store.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { captureIO, type CapturedIO } from './support/capture-io.ts';
import { seedPath } from './support/shared-data.ts';

const root = mkdtempSync(join(tmpdir(), 'dossier-cli-entities-'));
let counter = 0;
/** A fresh folder for one test's database. */
function workspace(): { dir: string; db: string } {
  const dir = join(root, `case-${++counter}`);
  mkdirSync(dir);
  return { dir, db: join(dir, 'test.db') };
}

async function run(...argv: string[]): Promise<CapturedIO & { status: number }> {
  const io = captureIO();
  const status = await main(argv, io);
  return Object.assign(io, { status });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

const RECORDS = [
  handRecord({
    text: 'Envoy to meet negotiators\nWASHINGTON — White House press secretary Karoline Leavitt said on Wednesday that the talks with Hamas went on. Leavitt gave no details, and Israeli officials said nothing.',
    date: '2025-03-05',
    outlet: 'Eastwind Daily',
    url: 'https://eastwind.example/envoy',
    entities: [
      { name: 'Karoline Leavitt', type: 'PERSON', forms: ['Karoline Leavitt', 'Leavitt'], titles: ['White House press secretary'] },
      { name: 'Hamas', type: 'ORG' },
      { name: 'Israeli', type: 'NORP' },
    ],
  }),
  handRecord({
    text: 'Envoy travels to Rome\nThe White House spokesperson, Karoline Leavitt, said the envoy would meet Hamas mediators. Leavitt added that Israel was consulted.',
    date: '2025-07-23',
    outlet: 'Civic Ledger',
    entities: [
      { name: 'Karoline Leavitt', type: 'PERSON', forms: ['Karoline Leavitt', 'Leavitt'], titles: ['White House spokesperson'] },
      { name: 'Hamas', type: 'ORG' },
      { name: 'Israel', type: 'GPE' },
    ],
  }),
  handRecord({ text: 'Visit\nJoe Biden visited Delaware.', date: '2024-05-01', outlet: 'Civic Ledger', entities: [{ name: 'Joe Biden', type: 'PERSON' }] }),
  handRecord({ text: 'Court\nHunter Biden appeared in court.', date: '2024-05-02', outlet: 'Civic Ledger', entities: [{ name: 'Hunter Biden', type: 'PERSON' }] }),
];

/** A database holding RECORDS, stored directly (no analysis). */
async function filled(): Promise<string> {
  const w = workspace();
  const store = await openSqliteStore(w.db);
  await store.putArticles(RECORDS);
  await store.close();
  return w.db;
}

test('entities lists identities with article and mention counts, most articles first, as text or JSON', async () => {
  const db = await filled();
  const text = await run('entities', '--db', db);
  assert.equal(text.status, 0, text.stderr);
  const rows = lines(text.stdout);
  assert.equal(rows.length, 6);
  assert.match(rows[0]!, /^2 articles +4 mentions +PERSON +Karoline Leavitt +[0-9a-f]{16}$/);
  assert.match(rows[1]!, /^2 articles +2 mentions +ORG +Hamas /);
  assert.ok(rows.some((r) => /1 article +1 mention +GPE +Israel /.test(r)));

  const json = await run('entities', '--db', db, '--type', 'person', '--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  const listed = JSON.parse(json.stdout) as { type: string; identities: IdentitySummary[]; nextCursor: string | null };
  assert.equal(listed.type, 'PERSON');
  const [first, ...rest] = listed.identities.map((i) => [i.name, i.articles, i.mentions]);
  assert.deepEqual(first, ['Karoline Leavitt', 2, 4]);
  // Equal counts come in id order, which is a hash: compare them as a set.
  assert.deepEqual(rest.sort(), [
    ['Hunter Biden', 1, 1],
    ['Joe Biden', 1, 1],
  ]);
  const limited = await run('entities', '--db', db, '--limit', '2');
  assert.equal(lines(limited.stdout).length, 3);
  assert.match(limited.stdout, /more: raise --limit/);
  assert.match((await run('entities', '--db', db, '--type', 'EVENT')).stdout, /^no EVENT entities stored\n$/);
});

test('entity shows type, aliases, related identities, titles over time and mentions per article', async () => {
  const db = await filled();
  const r = await run('entity', 'karoline', 'leavitt', '--db', db);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Karoline Leavitt \(PERSON\)\n/);
  assert.match(r.stdout, /aliases: +Leavitt\n/);
  assert.match(r.stdout, /articles: +2, 4 mentions/);
  assert.match(r.stdout, /titles over time:\n +2025-03-05 +White House press secretary \(1 article\)\n +2025-07-23 +White House spokesperson \(1 article\)\n/);
  assert.match(r.stdout, /2025-03-05 · Eastwind Daily · Envoy to meet negotiators · [0-9a-f]{12}\n +"Karoline Leavitt" \[\d+-\d+\], "Leavitt" \[\d+-\d+\]\n/);
  assert.match(r.stdout, /2025-07-23 · Civic Ledger · Envoy travels to Rome/);

  const israeli = await run('entity', 'Israeli', '--db', db);
  assert.equal(israeli.status, 0, israeli.stderr);
  assert.match(israeli.stdout, /^Israeli \(NORP\)\n/);
  assert.match(israeli.stdout, /related: +demonym of Israel \(GPE, [0-9a-f]{16}\)/);

  const json = await run('entity', 'Leavitt', '--db', db, '--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  const identity = JSON.parse(json.stdout) as IdentityDetail;
  assert.equal(identity.name, 'Karoline Leavitt');
  assert.deepEqual(
    identity.appearances.map((a) => [a.outlet, a.published, a.mentions.length]),
    [
      ['Eastwind Daily', '2025-03-05', 2],
      ['Civic Ledger', '2025-07-23', 2],
    ],
  );
  const byId = await run('entity', identity.id, '--db', db, '--format', 'json');
  assert.deepEqual(JSON.parse(byId.stdout), identity);
});

test('entity: an unknown name is a one-line error; a name of several lists the candidates; both exit 1', async () => {
  const db = await filled();
  const unknown = await run('entity', 'Ron Dermer', '--db', db);
  assert.equal(unknown.status, 1);
  assert.equal(unknown.stdout, '');
  assert.equal(lines(unknown.stderr).length, 1, unknown.stderr);
  assert.match(unknown.stderr, /no stored entity is named "Ron Dermer"/);

  const ambiguous = await run('entity', 'Biden', '--db', db);
  assert.equal(ambiguous.status, 1);
  assert.equal(ambiguous.stdout, '');
  assert.match(ambiguous.stderr, /"Biden" names 2 entities/);
  assert.match(ambiguous.stderr, /PERSON +Joe Biden +[0-9a-f]{16}/);
  assert.match(ambiguous.stderr, /PERSON +Hunter Biden +[0-9a-f]{16}/);

  for (const argv of [['entity', '--db', db], ['entities', '--db', db, '--type', 'PLANET'], ['entities', 'x', '--db', db], ['entity', 'Hamas', '--db', db, '--format', 'xml']]) {
    assert.equal((await run(...argv)).status, 2, argv.join(' '));
  }
  const missing = await run('entities', '--db', join(root, 'absent.db'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no database at/);
  const empty = workspace();
  await (await openSqliteStore(empty.db)).close();
  assert.match((await run('entities', '--db', empty.db)).stdout, /^no entities stored\n$/);
});

const hasEntityStage = STAGES.some((stage) => stage.adds.includes('entities'));

test('the two seeds, ingested, give one Karoline Leavitt over both articles', { skip: !hasEntityStage && 'entity stage not in the pipeline yet' }, async () => {
  const w = workspace();
  const ingest = await run('ingest', seedPath('anadolu'), seedPath('ap'), '--db', w.db);
  assert.equal(ingest.status, 0, ingest.stderr);
  const r = await run('entity', 'Karoline Leavitt', '--db', w.db, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const leavitt = JSON.parse(r.stdout) as IdentityDetail;
  assert.equal(leavitt.type, 'PERSON');
  assert.equal(leavitt.articles, 2);
  assert.equal(leavitt.appearances.length, 2);
  assert.deepEqual(leavitt.appearances.map((a) => a.outlet).filter((o) => o !== null), ['Associated Press']);
  const people = JSON.parse((await run('entities', '--db', w.db, '--type', 'PERSON', '--format', 'json')).stdout) as { identities: IdentitySummary[] };
  assert.equal(people.identities.filter((i) => /Leavitt/.test(i.name)).length, 1);
});
