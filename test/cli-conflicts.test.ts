// `dossier conflicts`, run in-process through main() over the two seeds and two hand-written wire
// items ingested for real: the figure ledger across stored articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FigureDisagreement } from '../src/link/ledger/figure-ledger.ts';
import { seedPath } from './support/shared-data.ts';
import { databaseFolder, runCli as run } from './support/cli-run.ts';

const databases = databaseFolder('cli-conflicts');

async function ingested(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-conflicts-'));
  // Two outlets on one day: the same measure, values apart.
  writeFileSync(join(dir, 'wire-a.json'), JSON.stringify({ title: 'Hostage count', date: '2025-03-05', outlet: 'Wire A', text: 'Israeli officials say 24 living hostages remain in Gaza.' }));
  writeFileSync(join(dir, 'wire-b.json'), JSON.stringify({ title: 'Hostage count', date: '2025-03-05', outlet: 'Wire B', text: 'Hamas says 31 living hostages remain in Gaza.' }));
  // A month later, a lower count of the same thing: an update.
  writeFileSync(join(dir, 'wire-c.json'), JSON.stringify({ title: 'Hostage count', date: '2025-04-10', outlet: 'Wire C', text: 'Israeli officials say 22 living hostages remain in Gaza.' }));
  const db = databases.fresh();
  const r = await run('ingest', seedPath('anadolu'), seedPath('ap'), dir, '--db', db, '--date', '2025-07-23');
  assert.equal(r.status, 0, r.stderr);
  return db;
}

test('conflicts lists the same measure on the same day with values apart, and with --kind all the updates and different definitions', async () => {
  const db = await ingested();
  const conflicts = await run('conflicts', '--db', db, '--format', 'jsonl');
  assert.equal(conflicts.status, 0, conflicts.stderr);
  const found = conflicts.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as FigureDisagreement);
  // Wire B's 31 disagrees with Wire A's 24 and with the AP seed's "about 24" of the same day.
  assert.deepEqual(
    found.map((d) => [d.kind, [d.earlier.low, d.later.low].sort(), [d.earlier.outlet, d.later.outlet].sort()]).sort(),
    [['conflict', [24, 31], ['Associated Press', 'Wire B']], ['conflict', [24, 31], ['Wire A', 'Wire B']]],
  );

  const all = await run('conflicts', '--db', db, '--kind', 'all', '--format', 'json');
  assert.equal(all.status, 0, all.stderr);
  const kinds = (JSON.parse(all.stdout) as { disagreements: FigureDisagreement[] }).disagreements.map((d) => d.kind);
  assert.ok(kinds.includes('different definition'));
  assert.ok(kinds.includes('update'), kinds.join(', '));
  const updates = (JSON.parse(all.stdout) as { disagreements: FigureDisagreement[] }).disagreements.filter((d) => d.kind === 'update');
  assert.ok(updates.every((d) => d.later.low === 22 && d.later.asOf === '2025-04-10'));
  // March's bodies (AP) and July's dead captives (Anadolu) count different things: no conflict.
  const text = await run('conflicts', '--db', db, '--kind', 'definition');
  assert.match(text.stdout, /DIFFERENT DEFINITION: living hostages and captives count different things/);
  assert.match(text.stdout, /DIFFERENT DEFINITION: dead hostages and dead captives count different things\n {2}2025-03-05 {2}bodies of at least 35 others {2}Israeli officials {2}Associated Press .*\n {2}2025-07-23 {2}about half of them {2}Israel /);
});

test('conflicts refuses a bad kind and arguments; says so when nothing disagrees', async () => {
  const db = databases.fresh();
  assert.equal((await run('ingest', seedPath('ap'), '--db', db)).status, 0);
  assert.equal((await run('conflicts', '--db', db, '--kind', 'fights')).status, 2);
  assert.equal((await run('conflicts', 'hostages', '--db', db)).status, 2);
  const none = await run('conflicts', '--db', db);
  assert.equal(none.status, 0);
  assert.match(none.stdout, /^no conflicts among the figures of \d+ stored figure points in \d+ series\n$/);
});
