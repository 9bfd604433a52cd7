// Near-duplicates in the SQLite store: fingerprinting and linking the records a batch stores,
// inside the caller's transaction (SqliteStore's putArticles); the backfill of records stored
// before fingerprints existed; and the reads (a record's duplicates, the links around a set of
// records). Planning is shared with PostgreSQL: ../duplicate-rows.ts.
// Tables: ../migrations/sqlite/20261124T1600-duplicates.sql.
import type { Database } from 'better-sqlite3';
import type { DuplicatePair } from '../../link/duplicates/independent-sources.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import {
  BACKFILL_BATCH,
  DUPLICATE_CHECKS,
  duplicateOf,
  fileSubjects,
  fingerprintRow,
  keysOf,
  MAX_KEY_CANDIDATES,
  planDuplicateWrites,
  type DuplicateRow,
  type DuplicateSubject,
  type FingerprintRow,
  type KeyRow,
} from '../duplicate-rows.ts';
import type { DuplicateOf } from '../store.ts';

/** The near-duplicate tables of one SQLite database. */
export class SqliteDuplicates {
  private readonly s;

  /** `metaColumns`: the store's articles columns (of `a`) as ArticleRow names them. */
  constructor(
    private readonly db: Database,
    metaColumns: string,
  ) {
    this.s = {
      // The primary key (key, record_id) reads one key's records in order, stopping at the limit.
      keyRows: db.prepare<[string, number], KeyRow>('SELECT key, record_id FROM fingerprint_keys WHERE key = ? ORDER BY record_id LIMIT ?'),
      fingerprints: db.prepare<[string], FingerprintRow>(
        'SELECT record_id, url, text_hash, shingles FROM fingerprints WHERE record_id IN (SELECT value FROM json_each(?))',
      ),
      insertFingerprint: db.prepare<[string, string | null, string | null, Buffer]>(
        'INSERT INTO fingerprints (record_id, url, text_hash, shingles) VALUES (?, ?, ?, ?)',
      ),
      insertKey: db.prepare<[string, string]>('INSERT OR IGNORE INTO fingerprint_keys (key, record_id) VALUES (?, ?)'),
      insertLink: db.prepare<[string, string, string, string, number, number]>(
        'INSERT OR IGNORE INTO duplicates (record_id, other_id, kind, evidence, similarity, containment) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      duplicatesOf: db.prepare<{ id: string }, DuplicateRow>(
        `SELECT ${metaColumns}, d.kind, d.evidence, d.similarity
         FROM (SELECT other_id AS id, kind, evidence, similarity FROM duplicates WHERE record_id = @id
               UNION ALL
               SELECT record_id AS id, kind, evidence, similarity FROM duplicates WHERE other_id = @id) d
         JOIN articles a ON a.id = d.id
         ORDER BY d.similarity DESC, a.seq`,
      ),
      linksTouching: db.prepare<{ ids: string }, DuplicatePair>(
        `SELECT record_id AS a, other_id AS b FROM duplicates WHERE record_id IN (SELECT value FROM json_each(@ids))
         UNION
         SELECT record_id AS a, other_id AS b FROM duplicates WHERE other_id IN (SELECT value FROM json_each(@ids))`,
      ),
      backfillState: db.prepare<[], { upto: number; done: number }>('SELECT upto, done FROM fingerprint_backfill'),
      // Records not fingerprinted yet, in storage order, with the version each replaced.
      backfillRows: db.prepare<[number, number, number], { seq: number; record: string; previous: string | null }>(
        `SELECT a.seq, a.record, (SELECT p.id FROM articles p WHERE p.article_id = a.article_id AND p.version = a.version - 1) AS previous
         FROM articles a
         WHERE a.seq > ? AND a.seq <= ? AND NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.record_id = a.id)
         ORDER BY a.seq LIMIT ?`,
      ),
      moveBackfill: db.prepare<[number]>('UPDATE fingerprint_backfill SET done = ?'),
      endBackfill: db.prepare('DELETE FROM fingerprint_backfill'),
    };
  }

  /** Fingerprints the records just stored, in batch order, and links each to the records it copies or is a version of; runs in the caller's transaction. */
  add(subjects: readonly DuplicateSubject[]): void {
    if (subjects.length === 0) return;
    const s = this.s;
    const filed = fileSubjects(subjects);
    const keyRows = keysOf(filed).flatMap((key) => s.keyRows.all(key, MAX_KEY_CANDIDATES));
    const stored = s.fingerprints.all(JSON.stringify([...new Set(keyRows.map((r) => r.record_id))]));
    for (const { fingerprint, keys, links } of planDuplicateWrites(filed, keyRows, stored)) {
      const row = fingerprintRow(fingerprint);
      s.insertFingerprint.run(row.record_id, row.url, row.text_hash, Buffer.from(row.shingles.buffer, row.shingles.byteOffset, row.shingles.byteLength));
      for (const key of keys) s.insertKey.run(key, fingerprint.id);
      for (const link of links) s.insertLink.run(fingerprint.id, link.id, link.kind, link.evidence, link.jaccard, link.containment);
    }
  }

  /** The records `recordId` is linked to, with their facts, most similar first. */
  duplicatesOf(recordId: string): DuplicateOf[] {
    return this.s.duplicatesOf.all({ id: recordId }).map(duplicateOf);
  }

  /** The links with either end among `ids`. */
  linksTouching(ids: readonly string[]): DuplicatePair[] {
    return this.s.linksTouching.all({ ids: JSON.stringify(ids) });
  }

  /**
   * Fingerprints and links the records stored before fingerprints existed (the migration lists
   * them), in storage order, `batchSize` per write transaction, at most `maxBatches` batches: a
   * backfill cut short goes on at the next call, and two processes opening one file share the
   * work. Gives how many it did.
   */
  backfill(maxBatches = Infinity, batchSize = BACKFILL_BATCH): number {
    const s = this.s;
    const step = this.db.transaction((): number => {
      const state = s.backfillState.get();
      if (!state) return 0;
      const rows = s.backfillRows.all(state.done, state.upto, batchSize);
      if (rows.length === 0) {
        s.endBackfill.run();
        return 0;
      }
      this.add(rows.map((r) => ({ record: JSON.parse(r.record) as AnalysisRecord, supersedes: r.previous === null ? null : { id: r.previous } })));
      const last = rows.at(-1)!.seq;
      if (last >= state.upto) s.endBackfill.run();
      else s.moveBackfill.run(last);
      return rows.length;
    });
    let total = 0;
    for (let batches = 0, n = 1; n > 0 && batches < maxBatches; batches++) total += n = step.immediate();
    return total;
  }

  /** Problems of the near-duplicate tables, [] when none: records without a fingerprint (once backfilled), rows of records not stored. */
  integrityProblems(): string[] {
    const problems: string[] = [];
    for (const [what, sql] of DUPLICATE_CHECKS) {
      const count = this.db.prepare<[], number>(sql).pluck().get()!;
      if (count > 0) problems.push(`${count} ${what}`);
    }
    return problems;
  }
}
