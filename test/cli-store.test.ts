// `dossier ingest`, `search` and `show`, run in-process through main() on small invented articles
// written to a temporary folder, each test with its own database file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../src/cli/main.ts';
import type { AnalysisRecord } from '../src/model/record.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { captureIO, type CapturedIO } from './support/capture-io.ts';

const root = mkdtempSync(join(tmpdir(), 'dossier-cli-store-'));
let counter = 0;
/** A fresh folder for one test's inputs and database. */
function workspace(): { dir: string; db: string; write(name: string, content: string | Buffer): string } {
  const dir = join(root, `case-${++counter}`);
  mkdirSync(dir);
  return {
    dir,
    db: join(dir, 'test.db'),
    write(name, content) {
      const path = join(dir, 'in', name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
  };
}

const FERRY = `Dunmere ferry strike ends

DUNMERE (HW) — Ferry crews in Dunmere went back to work on Monday after a strike that lasted nine days.

"We got what we asked for," a union spokesman said.
`;
const TALKS = `Talks resume in Velmora

VELMORA (HW) — Negotiators for Kestria and the Ridgeline Front met again on Tuesday, the mediators said.
`;
const WEATHER = `Rain expected over Dunmere

Forecasters expect rain over the weekend, with strong winds on the coast.
`;

async function run(...argv: string[]): Promise<CapturedIO & { status: number }> {
  const io = captureIO();
  const status = await main(argv, io);
  return Object.assign(io, { status });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

test('ingest stores every article once; ingesting the same files again changes nothing', async () => {
  const w = workspace();
  w.write('ferry.txt', FERRY);
  w.write('talks.txt', TALKS);
  w.write('nested/weather.txt', WEATHER);
  const first = await run('ingest', join(w.dir, 'in'), '--db', w.db, '--date', '2026-10-13');
  assert.equal(first.status, 0, first.stderr);
  assert.equal(first.stderr, '');
  assert.match(first.stdout, /ingested 3 articles from 3 inputs into .*test\.db/);
  assert.match(first.stdout, /new 3, unchanged 0, new versions 0, errors 0/);
  assert.match(first.stdout, /published: 2026-10-13/);

  const second = await run('ingest', join(w.dir, 'in'), '--db', w.db, '--date', '2026-10-13');
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /new 0, unchanged 3, new versions 0, errors 0/);
  assert.match(second.stdout, /database: 3 articles \(3 versions\)/);

  const store = await openSqliteStore(w.db, { mustExist: true });
  assert.equal((await store.stats()).versions, 3);
  assert.deepEqual(store.integrityProblems(), []);
  await store.close();
});

test('a JSON record with a stored URL and a new text is stored as a new version; show gives the latest for the URL', async () => {
  const w = workspace();
  const url = 'https://eastwind.example/2026/10/ferry';
  const v1 = w.write('v1/ferry.json', JSON.stringify({ url, title: 'Dunmere ferry strike ends', text: 'Ferry crews went back to work on Monday.', outlet: 'Eastwind Daily' }));
  const v2 = w.write('v2/ferry.json', JSON.stringify({ url, title: 'Dunmere ferry strike ends', text: 'Ferry crews went back to work on Monday, the union said, after nine days.', outlet: 'Eastwind Daily' }));
  const first = await run('ingest', v1, '--db', w.db);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /new 1, unchanged 0, new versions 0/);
  const second = await run('ingest', v1, v2, '--db', w.db);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /new 0, unchanged 1, new versions 1/);
  assert.match(second.stdout, /database: 1 article \(2 versions\)/);

  const latest = await run('show', url, '--db', w.db);
  assert.equal(latest.status, 0, latest.stderr);
  const record = JSON.parse(latest.stdout) as AnalysisRecord;
  assert.match(record.text, /nine days/);
  assert.equal(record.source.url, url);

  const store = await openSqliteStore(w.db, { mustExist: true });
  const versions = await store.versionsOf(url);
  await store.close();
  assert.deepEqual(
    versions.map((v) => [v.version, v.latest]),
    [
      [1, false],
      [2, true],
    ],
  );
  const old = await run('show', versions[0]!.id.slice(0, 8), '--db', w.db, '--format', 'text');
  assert.equal(old.status, 0, old.stderr);
  assert.match(old.stdout, /^Dunmere ferry strike ends\n/);
  assert.match(old.stdout, /version: +1 of 2 \(not the latest\)/);
  assert.match(old.stdout, /Ferry crews went back to work on Monday\./);
});

test('search prints ranked matches with marked snippets, as text or JSON; any typed string is safe', async () => {
  const w = workspace();
  w.write('ferry.txt', FERRY);
  w.write('talks.txt', TALKS);
  w.write('weather.txt', WEATHER);
  assert.equal((await run('ingest', join(w.dir, 'in'), '--db', w.db)).status, 0);

  const text = await run('search', 'ferry', 'strike', '--db', w.db);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^1\. Dunmere ferry strike ends\n {3}outlet unknown · undated · [0-9a-f]{12}\n {3}.*\[(ferry|Ferry|strike)\]/);
  assert.doesNotMatch(text.stdout, /Velmora|Rain/);

  const json = await run('search', 'Dunmere', '--db', w.db, '--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  const result = JSON.parse(json.stdout) as { query: string; hits: { id: string; title: string; snippet: string; marks: { start: number; end: number }[] }[] };
  assert.equal(result.query, 'Dunmere');
  assert.deepEqual(result.hits.map((h) => h.title).sort(), ['Dunmere ferry strike ends', 'Rain expected over Dunmere']);
  for (const hit of result.hits) {
    assert.ok(hit.marks.length > 0);
    for (const m of hit.marks) assert.equal(hit.snippet.slice(m.start, m.end).toLowerCase(), 'dunmere');
  }
  assert.equal(JSON.parse((await run('search', 'Dunmere', '--db', w.db, '--format', 'json', '--limit', '1')).stdout).hits.length, 1);

  for (const hostile of ['"', 'AND', '*', '-', 'NEAR(', 'ferry"', 'title:ferry', '"unclosed ferry']) {
    const r = await run('search', hostile, '--db', w.db);
    assert.equal(r.status, 0, `${hostile}: ${r.stderr}`);
    assert.equal(r.stderr, '');
  }
  const none = await run('search', 'zeppelin', '--db', w.db);
  assert.equal(none.status, 0);
  assert.match(none.stdout, /no stored article matches "zeppelin"/);
  assert.equal((await run('search', '--db', w.db)).status, 2);
  assert.equal((await run('search', 'ferry', '--db', w.db, '--limit', '0')).status, 2);
});

test('show prints the stored record as JSON by default; unknown, ambiguous and missing databases are one-line errors', async () => {
  const w = workspace();
  const path = w.write('ferry.txt', FERRY);
  assert.equal((await run('ingest', path, '--db', w.db)).status, 0);
  const analyzed = await run('analyze', '--format', 'jsonl', path);
  const expected = JSON.parse(analyzed.stdout) as AnalysisRecord;

  const shown = await run('show', expected.id, '--db', w.db);
  assert.equal(shown.status, 0, shown.stderr);
  assert.deepEqual(JSON.parse(shown.stdout), expected);
  assert.deepEqual(JSON.parse((await run('show', expected.id.slice(0, 6).toUpperCase(), '--db', w.db)).stdout), expected);

  for (const [args, pattern] of [
    [['show', 'ffffffffffffffff', '--db', w.db], /no stored article has an id starting with "ffffffffffffffff"/],
    [['show', 'https://nowhere.example/x', '--db', w.db], /no stored article has the URL/],
    [['show', expected.id, '--db', join(w.dir, 'absent.db')], /no database at/],
  ] as const) {
    const r = await run(...args);
    assert.equal(r.status, 1);
    assert.equal(lines(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stdout, '');
  }
});

test('show refuses a prefix that starts several ids', async () => {
  const w = workspace();
  // Enough articles that some two ids share their first hex digit.
  for (let i = 0; i < 20; i++) w.write(`a${i}.txt`, `Report ${i}\n\nParagraph of report ${i}.\n`);
  assert.equal((await run('ingest', join(w.dir, 'in'), '--db', w.db)).status, 0);
  const store = await openSqliteStore(w.db);
  const ids = (await store.listArticles({ limit: 100 })).items.map((a) => a.id);
  await store.close();
  const shared = [...'0123456789abcdef'].find((c) => ids.filter((id) => id.startsWith(c)).length > 1)!;
  const r = await run('show', shared, '--db', w.db);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /is the start of several ids/);
});

test('bad inputs among good ones: one stderr line each, the good ones stored, exit 1', async () => {
  const w = workspace();
  w.write('ferry.txt', FERRY);
  w.write('talks.txt', TALKS);
  w.write('empty.txt', '');
  w.write('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  w.write('records.jsonl', [JSON.stringify({ title: 'Good record', text: 'A record with a body.' }), '{"title": "cut off'].join('\n'));
  const missing = join(w.dir, 'missing.txt');
  const r = await run('ingest', join(w.dir, 'in'), missing, '--db', w.db);
  assert.equal(r.status, 1);
  const errors = lines(r.stderr);
  assert.equal(errors.length, 4, r.stderr);
  for (const [i, name] of ['binary.txt', 'empty.txt', 'records.jsonl', 'missing.txt'].entries()) {
    assert.match(errors[i]!, new RegExp(`^dossier: \\S*${name.replace('.', '\\.')}: `));
  }
  assert.match(errors[2]!, /line 2/);
  assert.match(r.stdout, /ingested 3 articles from 6 inputs/);
  assert.match(r.stdout, /new 3, unchanged 0, new versions 0, errors 4/);
  const search = await run('search', 'record', 'body', '--db', w.db);
  assert.match(search.stdout, /Good record/);
});

test('a progress bar goes to stderr only when it is a terminal and the inputs are many', async () => {
  const w = workspace();
  for (let i = 0; i < 25; i++) w.write(`n${String(i).padStart(2, '0')}.txt`, `Harbour note ${i}\n\nThe harbour of Dunmere, note ${i}.\n`);
  w.write('zz-empty.txt', '');
  const quiet = await run('ingest', join(w.dir, 'in'), '--db', w.db);
  assert.equal(quiet.stderr.split('\n').filter((l) => l !== '').length, 1);
  assert.doesNotMatch(quiet.stderr, /\r|ingest \[/);

  const io = captureIO();
  io.stderrIsTTY = true;
  const status = await main(['ingest', join(w.dir, 'in'), '--db', w.db], io);
  assert.equal(status, 1);
  assert.match(io.stderr, /\r\x1b\[Kingest \[#+\.*\] \d+\/26 inputs/);
  assert.match(io.stderr, /\r\x1b\[Kdossier: \S+zz-empty\.txt: /, 'the error line is not mixed into the bar');
  assert.ok(io.stderr.endsWith('\r\x1b[K'), 'the bar is cleared at the end');
  assert.match(io.stdout, /unchanged 25/);

  const small = workspace();
  small.write('one.txt', FERRY);
  const few = captureIO();
  few.stderrIsTTY = true;
  assert.equal(await main(['ingest', join(small.dir, 'in'), '--db', small.db], few), 0);
  assert.equal(few.stderr, '');
});
