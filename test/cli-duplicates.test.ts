// Near-duplicates through the command line, on articles really ingested (`dossier ingest` of JSON
// articles written to a temporary folder): one wire story run by two outlets (a copy: the same
// words, other quote marks), an update of the wire story at its URL with a changed figure
// ("24 living hostages" -> "22 living hostages"), and another outlet's own report of the same
// talks, which is no duplicate. `dossier show --format text` lists the duplicates; `dossier diff`
// shows what changed, figure changes first.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { VersionComparison } from '../src/store/lookups.ts';
import { databaseFolder, runCli as run } from './support/cli-run.ts';

const WIRE_URL = 'https://harbourwire.example/2025/03/hostage-count';
const HEADLINE = 'Mediators press for longer truce as hostage count is updated';
const WIRE = [
  'TEL AVIV (Harbour Wire) — Israeli officials said on Tuesday that 24 living hostages remain in Gaza, as mediators in Cairo pressed both sides to extend the truce by another month.',
  'The officials, speaking on condition of anonymity, said the families of the hostages had been told of the latest count on Monday evening.',
  'Egyptian and Qatari mediators have proposed a second phase in which the remaining hostages would be released in exchange for Palestinian prisoners held in Israeli jails.',
  '"We are closer than we have been in weeks, but nothing is agreed until everything is agreed," a senior Egyptian official told reporters in Cairo.',
  'Hamas has not commented publicly on the proposal. A delegation from the group was expected in Cairo later in the week.',
  'Aid deliveries continued through the Kerem Shalom crossing, where the United Nations said trucks had entered every day since Sunday.',
  'The truce, which began in January, has largely held despite accusations of violations from both sides.',
];
/** The wire story as another outlet runs it: the same words, typographic quote marks. */
const COPY = WIRE.map((p) => p.replace(/"([^"]*)"/g, '“$1”'));
/** The update at the wire's URL: the count revised, a paragraph added at the end. */
const UPDATE = [
  WIRE[0]!.replace('24 living hostages', '22 living hostages'),
  ...WIRE.slice(1),
  'Update: Israeli officials later said the count had been revised after two deaths were confirmed by the army.',
];
/** Another outlet's own report of the same talks: its own words, the same quote. */
const OTHER = [
  'CAIRO — Negotiators gathered again in the Egyptian capital on Tuesday, hoping to turn a fragile truce in Gaza into a lasting arrangement.',
  'Diplomats familiar with the talks described long sessions over the sequencing of releases, with both delegations sticking to earlier positions.',
  '"We are closer than we have been in weeks, but nothing is agreed until everything is agreed," a senior Egyptian official told reporters in Cairo.',
  'In Tel Aviv, relatives of those still held rallied outside the defence ministry, urging the government to accept the terms on the table.',
  'Analysts said the coming days would show whether the mediators could bridge the gap before the current phase of the truce runs out.',
];

const databases = databaseFolder('cli-duplicates');
let db = '';
const ids = { wire: '', copy: '', update: '', other: '' };

/** Writes a JSON article into `dir` and gives its path. */
function article(dir: string, name: string, fields: { paragraphs: string[]; url: string; outlet: string; title?: string }): string {
  const path = join(dir, `${name}.json`);
  mkdirSync(dirname(path), { recursive: true });
  const { paragraphs, title = HEADLINE, ...rest } = fields;
  writeFileSync(path, JSON.stringify({ title, text: paragraphs.join('\n\n'), date: '2025-03-04', ...rest }));
  return path;
}

before(async () => {
  db = databases.fresh();
  const dir = join(dirname(db), 'in');
  const first = await run(
    'ingest',
    article(dir, 'wire', { paragraphs: WIRE, url: WIRE_URL, outlet: 'Harbour Wire' }),
    article(dir, 'copy', { paragraphs: COPY, url: 'https://coastherald.example/world/hostages', outlet: 'Coast Herald' }),
    article(dir, 'other', { paragraphs: OTHER, title: 'Cairo talks resume as truce holds', url: 'https://mainland.example/cairo-talks', outlet: 'Mainland Times' }),
    '--db',
    db,
  );
  assert.equal(first.status, 0, first.stderr);
  const second = await run('ingest', article(dir, 'update', { paragraphs: UPDATE, url: WIRE_URL, outlet: 'Harbour Wire' }), '--db', db);
  assert.equal(second.status, 0, second.stderr);
  const store = await openSqliteStore(db, { mustExist: true });
  try {
    const versions = await store.versionsOf(WIRE_URL);
    assert.equal(versions.length, 2);
    ids.wire = versions[0]!.id;
    ids.update = versions[1]!.id;
    ids.copy = (await store.getByUrl('https://coastherald.example/world/hostages'))!.id;
    ids.other = (await store.getByUrl('https://mainland.example/cairo-talks'))!.id;
  } finally {
    await store.close();
  }
});

/** The duplicate lines `dossier show KEY --format text` prints, each split into its columns. */
async function shownDuplicates(key: string): Promise<string[][]> {
  const r = await run('show', key, '--db', db, '--format', 'text');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const at = lines.findIndex((l) => l.startsWith('duplicates:'));
  assert.ok(at >= 0, r.stdout);
  const rows: string[][] = [];
  for (const line of lines.slice(at + 1)) {
    if (!/^ {11}(copy|version) /.test(line)) break;
    rows.push(line.trim().split(/ {2,}/));
  }
  return rows;
}

test('show lists a copy run by another outlet: kind, similarity, outlet, date and id, one line each', async () => {
  const rows = await shownDuplicates(ids.copy);
  assert.deepEqual(rows[0], ['copy', '1.00', 'Harbour Wire', '2025-03-04', ids.wire, '(same text)']);
  // The update, stored after the copy, is a light edit of its words too.
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[2], r[4], r[5]]), [['version', 'Harbour Wire', ids.update, '(light edit)']]);
  assert.ok(Number(rows[1]![1]) >= 0.5 && Number(rows[1]![1]) < 1, rows[1]![1]);
});

test('show of a URL lists its earlier version and the copy; a different report of the same talks has none', async () => {
  const rows = await shownDuplicates(WIRE_URL);
  assert.deepEqual(
    rows.map((r) => [r[0], r[2], r[4], r[5]]).sort(),
    [
      ['version', 'Harbour Wire', ids.wire, '(same url)'],
      ['version', 'Coast Herald', ids.copy, '(light edit)'],
    ].sort(),
  );
  const other = await run('show', ids.other, '--db', db, '--format', 'text');
  assert.match(other.stdout, /\nduplicates: none stored\n/);
  assert.ok(!other.stdout.includes(ids.wire) && !other.stdout.includes(ids.copy));
});

test('diff of a URL compares its latest version with the one before: the figure change first, then the paragraphs', async () => {
  const r = await run('diff', WIRE_URL, '--db', db);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout;
  assert.match(out, new RegExp(`^older: v1  ${ids.wire}  Harbour Wire  2025-03-04  ${WIRE_URL}\nnewer: v2  ${ids.update}  `));
  assert.match(out, /\nfigure changes: 1\n {2}24 living hostages -> 22 living hostages {2}\(living hostages\)\n/);
  assert.ok(out.indexOf('figure changes') < out.indexOf('paragraph changes: 2'), out);
  assert.match(out, /\n {2}changed\n {4}- TEL AVIV .*24 living hostages.*\n {4}\+ TEL AVIV .*22 living hostages.*\n {2}added\n {4}\+ Update: Israeli officials later said/);

  // The same comparison as JSON, and with the two ids given.
  const json = await run('diff', ids.wire, ids.update, '--db', db, '--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  const c = JSON.parse(json.stdout) as VersionComparison;
  assert.equal(c.older.id, ids.wire);
  assert.equal(c.newer.id, ids.update);
  assert.deepEqual(c.figures.map((f) => [f.before.text, f.before.low, f.after.text, f.after.low]), [['24 living hostages', 24, '22 living hostages', 22]]);
  assert.deepEqual(c.paragraphs.map((p) => p.kind), ['changed', 'added']);
  assert.deepEqual(JSON.parse((await run('diff', WIRE_URL, '--db', db, '--format', 'json')).stdout), c);
});

test('diff of a copy finds no change in words; diff refuses what it cannot compare', async () => {
  const same = await run('diff', ids.wire, ids.copy.slice(0, 10), '--db', db);
  assert.equal(same.status, 0, same.stderr);
  assert.match(same.stdout, /\nno changes: the same words, paragraph for paragraph\n$/);
  const first = await run('diff', ids.copy, '--db', db);
  assert.equal(first.status, 1);
  assert.equal(first.stderr, `dossier diff: ${ids.copy} is the first version of its article: give a second id to compare it with\n`);
  assert.equal((await run('diff', '--db', db)).status, 2);
  assert.equal((await run('diff', ids.wire, ids.copy, ids.other, '--db', db)).status, 2);
  assert.equal((await run('diff', ids.wire, ids.copy, '--db', db, '--format', 'xml')).status, 2);
  const unknown = await run('diff', ids.wire, 'ffffffffffff', '--db', db);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no stored article has an id starting with "ffffffffffff"/);
});
