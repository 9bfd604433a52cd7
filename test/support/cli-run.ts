// Running the dossier command line in-process (through main(), with captured output) over
// databases filled directly with records, as the tests of the listing commands do.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { AnalysisRecord } from '../../src/model/record.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { captureIO, type CapturedIO } from './capture-io.ts';
import { seedPath } from './shared-data.ts';

/** Runs one command line and gives what it wrote and its exit status. */
export async function runCli(...argv: string[]): Promise<CapturedIO & { status: number }> {
  const io = captureIO();
  const status = await main(argv, io);
  return Object.assign(io, { status });
}

/** A temporary folder for one test file's databases: `fresh()` gives a path for a new database (in a folder of its own), `missing` a path where there is none. */
export function databaseFolder(name: string): { fresh(): string; missing: string } {
  const root = mkdtempSync(join(tmpdir(), `dossier-${name}-`));
  let counter = 0;
  return {
    fresh() {
      const dir = join(root, `case-${++counter}`);
      mkdirSync(dir);
      return join(dir, 'test.db');
    },
    missing: join(root, 'absent.db'),
  };
}

/** Stores `records` in a new database at `path` with putArticles (no analysis) and gives the path. */
export async function storedRecords(path: string, records: readonly AnalysisRecord[]): Promise<string> {
  const store = await openSqliteStore(path);
  try {
    await store.putArticles(records);
  } finally {
    await store.close();
  }
  return path;
}

/** The records of a `--format jsonl` listing, one per line. */
export function jsonLines<T>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The two seeds ingested for real (`dossier ingest`) into a new database at `path`, and the records stored for them, by id. */
export async function ingestedSeeds(path: string): Promise<Map<string, AnalysisRecord>> {
  const ingest = await runCli('ingest', seedPath('anadolu'), seedPath('ap'), '--db', path);
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const store = await openSqliteStore(path, { mustExist: true });
  try {
    const records = new Map<string, AnalysisRecord>();
    for (const a of (await store.listArticles()).items) records.set(a.id, (await store.getArticle(a.id))!.record);
    return records;
  } finally {
    await store.close();
  }
}

/**
 * What a listing command (`quotes`, `figures`) does alike with its common options: a day that is
 * not real, a bad format or limit, a blank `filter` option, an argument are usage errors (exit 2);
 * a missing database is an error (exit 1); an empty one lists nothing, saying so.
 */
export async function assertListingRefusals(command: string, paths: { db: string; missing: string; empty: string }, filter: string): Promise<void> {
  const bad = await runCli(command, '--db', paths.db, '--since', '2025-02-30');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, new RegExp(`^dossier ${command}: --since must be a day as YYYY-MM-DD, not 2025-02-30`));
  for (const argv of [['--until', 'yesterday'], ['--format', 'xml'], ['--limit', '0'], [filter, ' '], ['Leavitt']]) {
    assert.equal((await runCli(command, '--db', paths.db, ...argv)).status, 2, argv.join(' '));
  }
  const missing = await runCli(command, '--db', paths.missing);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no database at/);
  assert.equal((await runCli(command, '--db', paths.empty)).stdout, `no ${command} stored\n`);
}

/** A listing command given a `--speaker`/`--claimant` name several people bear: nothing listed, the candidates on stderr, exit 1. */
export async function assertAmbiguousName(command: string, db: string, option: string, name: string, candidates: readonly string[]): Promise<void> {
  const r = await runCli(command, '--db', db, option, name);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^dossier ${command}: "${name}" names ${candidates.length} entities`));
  for (const candidate of candidates) assert.match(r.stderr, new RegExp(`PERSON +${candidate} +[0-9a-f]{16}`));
}
