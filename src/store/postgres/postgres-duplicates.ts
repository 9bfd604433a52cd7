// Near-duplicates in the PostgreSQL store: fingerprinting and linking the records a batch stores
// (one lookup of the batch's keys, then one INSERT … FROM unnest(…) per table), inside the
// caller's transaction; one batch of the backfill of records stored before fingerprints existed;
// and the reads. Planning is shared with SQLite: ../duplicate-rows.ts.
// Tables: ../migrations/postgres/20261124T1600-duplicates.sql.
import type { Pool, PoolClient } from 'pg';
import type { DuplicatePair } from '../../link/duplicates/independent-sources.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import {
  BACKFILL_BATCH,
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
import { query } from './postgres-sql.ts';

/** The near-duplicate tables of one PostgreSQL database. */
export class PostgresDuplicates {
  /** `metaColumns`: the store's articles columns (of `a`) as ArticleRow names them. */
  constructor(
    private readonly pool: Pool,
    private readonly metaColumns: string,
  ) {}

  /** Fingerprints the records just stored, in batch order, and links each to the records it copies or is a version of; runs in the transaction `client` holds. */
  async add(client: PoolClient, subjects: readonly DuplicateSubject[]): Promise<void> {
    if (subjects.length === 0) return;
    const filed = fileSubjects(subjects);
    // Per key, its first MAX_KEY_CANDIDATES records by id: the primary key (key, record_id) reads them in order.
    const keyRows = await query<KeyRow>(
      client,
      `SELECT q.key, k.record_id FROM unnest($1::text[]) AS q(key)
       CROSS JOIN LATERAL (SELECT record_id FROM fingerprint_keys WHERE key = q.key ORDER BY record_id LIMIT $2) k`,
      [keysOf(filed), MAX_KEY_CANDIDATES],
    );
    const stored = await query<FingerprintRow>(client, 'SELECT record_id, url, text_hash, shingles FROM fingerprints WHERE record_id = ANY($1::text[])', [
      [...new Set(keyRows.map((r) => r.record_id))],
    ]);
    const writes = planDuplicateWrites(filed, keyRows, stored);
    const rows = writes.map((w) => fingerprintRow(w.fingerprint));
    await query(client, 'INSERT INTO fingerprints (record_id, url, text_hash, shingles) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[])', [
      rows.map((r) => r.record_id),
      rows.map((r) => r.url),
      rows.map((r) => r.text_hash),
      rows.map((r) => r.shingles),
    ]);
    const keys = writes.flatMap((w) => w.keys.map((key) => [key, w.fingerprint.id] as const));
    await query(client, 'INSERT INTO fingerprint_keys (key, record_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [
      keys.map((k) => k[0]),
      keys.map((k) => k[1]),
    ]);
    const links = writes.flatMap((w) => w.links.map((link) => ({ id: w.fingerprint.id, link })));
    if (links.length === 0) return;
    await query(
      client,
      `INSERT INTO duplicates (record_id, other_id, kind, evidence, similarity, containment)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[]) ON CONFLICT DO NOTHING`,
      [
        links.map((l) => l.id),
        links.map((l) => l.link.id),
        links.map((l) => l.link.kind),
        links.map((l) => l.link.evidence),
        links.map((l) => l.link.jaccard),
        links.map((l) => l.link.containment),
      ],
    );
  }

  /** The records `recordId` is linked to, with their facts, most similar first. */
  async duplicatesOf(recordId: string): Promise<DuplicateOf[]> {
    const rows = await query<DuplicateRow>(
      this.pool,
      `SELECT ${this.metaColumns}, d.kind, d.evidence, d.similarity
       FROM (SELECT other_id AS id, kind, evidence, similarity FROM duplicates WHERE record_id = $1
             UNION ALL
             SELECT record_id AS id, kind, evidence, similarity FROM duplicates WHERE other_id = $1) d
       JOIN articles a ON a.id = d.id
       ORDER BY d.similarity DESC, a.seq`,
      [recordId],
    );
    return rows.map(duplicateOf);
  }

  /** The links with either end among `ids`. */
  async linksTouching(ids: readonly string[]): Promise<DuplicatePair[]> {
    return query<DuplicatePair>(
      this.pool,
      `SELECT record_id AS a, other_id AS b FROM duplicates WHERE record_id = ANY($1::text[])
       UNION
       SELECT record_id AS a, other_id AS b FROM duplicates WHERE other_id = ANY($1::text[])`,
      [ids],
    );
  }

  /**
   * One batch of the backfill (the records stored before fingerprints existed, as the migration
   * listed them), in storage order, in the transaction `client` holds under the writers' lock;
   * gives how many records it fingerprinted (0: the backfill is over). Each batch commits on its
   * own, so a backfill cut short goes on where it stopped.
   */
  async backfillBatch(client: PoolClient): Promise<number> {
    const [state] = await query<{ upto: number; done: number }>(client, 'SELECT upto, done FROM fingerprint_backfill');
    if (!state) return 0;
    const rows = await query<{ seq: number; record: string; previous: string | null }>(
      client,
      `SELECT a.seq, a.record, (SELECT p.id FROM articles p WHERE p.article_id = a.article_id AND p.version = a.version - 1) AS previous
       FROM articles a
       WHERE a.seq > $1 AND a.seq <= $2 AND NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.record_id = a.id)
       ORDER BY a.seq LIMIT $3`,
      [state.done, state.upto, BACKFILL_BATCH],
    );
    if (rows.length > 0) {
      await this.add(
        client,
        rows.map((r) => ({ record: JSON.parse(r.record) as AnalysisRecord, supersedes: r.previous === null ? null : { id: r.previous } })),
      );
    }
    const last = rows.at(-1)?.seq ?? state.upto;
    if (last >= state.upto) await query(client, 'DELETE FROM fingerprint_backfill');
    else await query(client, 'UPDATE fingerprint_backfill SET done = $1', [last]);
    return rows.length;
  }
}
