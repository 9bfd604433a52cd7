// `dossier export`, run in-process through main() over the two seeds ingested for real: records as
// JSON Lines, and CSV tables whose offsets point back into the exported records' texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord } from '../src/model/record.ts';
import { databaseFolder, ingestedSeeds, jsonLines, runCli as run } from './support/cli-run.ts';

const databases = databaseFolder('cli-export');

/** Rows of an RFC 4180 text: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') rows.push([...row, field]), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

test('export writes every stored record as JSON Lines, and quotes, figures and events as CSV with offsets into those records', async () => {
  const db = databases.fresh();
  const stored = await ingestedSeeds(db);
  const jsonl = await run('export', '--db', db);
  assert.equal(jsonl.status, 0, jsonl.stderr);
  const records = jsonLines<AnalysisRecord>(jsonl.stdout);
  const storedById = new Map([...stored.values()].map((r) => [r.id, r]));
  assert.deepEqual(records.map((r) => r.id).sort(), [...storedById.keys()].sort());
  for (const r of records) assert.deepEqual(r, storedById.get(r.id));
  const byId = new Map(records.map((r) => [r.id, r]));

  for (const table of ['quotes', 'figures', 'events'] as const) {
    const csv = await run('export', '--db', db, '--format', 'csv', '--table', table);
    assert.equal(csv.status, 0, csv.stderr);
    const [header, ...rows] = parseCsv(csv.stdout);
    const expected = records.reduce((n, r) => n + r[table].length, 0);
    assert.equal(rows.length, expected, `${table}: one row per item`);
    const at = (name: string) => header!.indexOf(name);
    for (const row of rows) {
      const record = byId.get(row[at('article')]!)!;
      const span = record.text.slice(Number(row[at('start')]), Number(row[at('end')]));
      const written = table === 'events' ? row[at('trigger')] : row[at('text')];
      assert.equal(span, written, `${table} offsets point at the exported text`);
    }
  }
  const figures = parseCsv((await run('export', '--db', db, '--format', 'csv', '--table', 'figures')).stdout);
  assert.ok(figures.some((row) => row.includes('about 24 living hostages') && row.includes('Israeli officials') && row.includes('24')));
});

test('export refuses a CSV without a table, a table with JSON Lines, and arguments', async () => {
  const db = databases.fresh();
  await ingestedSeeds(db);
  assert.equal((await run('export', '--db', db, '--format', 'csv')).status, 2);
  assert.equal((await run('export', '--db', db, '--table', 'quotes')).status, 2);
  assert.equal((await run('export', '--db', db, '--format', 'xml')).status, 2);
  assert.equal((await run('export', 'all', '--db', db)).status, 2);
});
