// Entity identities in the PostgreSQL store: applying the linker's plan for a record, dropping a
// superseded version's links, and the reads (list, one identity, a record's links). Write
// methods run on the caller's transaction client (PostgresStore's putArticles); none opens its
// own. Each write is one statement (data-modifying CTEs over unnest'ed arrays), so linking a
// record costs its two key lookups and one round trip. What is not SQL is shared with the SQLite
// backend: ../identity-rows.ts and ../../link/entities/entity-linker.ts.
// Tables: ../migrations/postgres/20261124T1500-store.sql.
import type { Pool, PoolClient } from 'pg';
import { RecordLinker, SURNAME_CANDIDATES, type LinkEvidence } from '../../link/entities/entity-linker.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import {
  candidatesOf,
  decodeIdentityCursor,
  identityCursor,
  identitySummary,
  inEntityOrder,
  linkWrites,
  lookupIdentity,
  type AppearanceRow,
  type CandidateRow,
  type IdentityReads,
  type IdentityRow,
  type RelatedRow,
  type TitleRow,
} from '../identity-rows.ts';
import { pageSize, type EntityLink, type IdentityListOptions, type IdentityLookup, type IdentitySummary, type Page } from '../store.ts';
import { query } from './postgres-sql.ts';

const IDENTITY_COLUMNS = 'i.id, i.type, i.name, i.ambiguous::int AS ambiguous, i.articles, i.mentions';
const CANDIDATE_COLUMNS = 'k.key, i.id, i.type, i.name, i.ambiguous::int AS ambiguous';

const SQL = {
  candidates: `SELECT ${CANDIDATE_COLUMNS} FROM identity_keys k JOIN identities i ON i.id = k.identity_id WHERE k.key = ANY($1::text[])`,
  // At most $2 identities per key, the first by id (as SQLite's primary key order gives them).
  candidatesPerKey: `SELECT ${CANDIDATE_COLUMNS} FROM unnest($1::text[]) AS q(key)
     CROSS JOIN LATERAL (SELECT identity_id FROM identity_keys WHERE key = q.key ORDER BY identity_id LIMIT $2) f
     JOIN identity_keys k ON k.key = q.key AND k.identity_id = f.identity_id
     JOIN identities i ON i.id = k.identity_id`,
  // Identities are written once each: new ones with their counts, stored ones renamed and counted in one UPDATE.
  apply: `WITH
     created AS (
       INSERT INTO identities (id, type, name, ambiguous, articles, mentions)
       SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::int[], $7::int[])),
     updated AS (
       UPDATE identities i SET name = coalesce(u.name, i.name), articles = i.articles + u.articles, mentions = i.mentions + u.mentions
       FROM unnest($8::text[], $9::text[], $10::int[], $11::int[]) AS u(id, name, articles, mentions) WHERE i.id = u.id),
     keys AS (
       INSERT INTO identity_keys (identity_id, key) SELECT * FROM unnest($12::text[], $13::text[]) ON CONFLICT DO NOTHING),
     links AS (
       INSERT INTO entity_links (record_id, entity_id, identity_id, evidence, note, name, mentions, mention_count)
       SELECT $1::text, * FROM unnest($14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::int[])),
     titles AS (
       INSERT INTO identity_titles (identity_id, title_key, title, record_id, published)
       SELECT t.*, $1::text, $21::text FROM unnest($22::text[], $23::text[], $24::text[]) AS t ON CONFLICT DO NOTHING),
     related AS (
       INSERT INTO identity_relations (identity_id, related_id, relation)
       SELECT * FROM unnest($25::text[], $26::text[], $27::text[]) ON CONFLICT DO NOTHING)
   SELECT 1`,
  unlink: `WITH
     gone AS (DELETE FROM entity_links WHERE record_id = $1 RETURNING identity_id, mention_count),
     per AS (SELECT identity_id, sum(mention_count)::int AS mentions FROM gone GROUP BY identity_id),
     counted AS (UPDATE identities i SET articles = i.articles - 1, mentions = i.mentions - per.mentions FROM per WHERE i.id = per.identity_id),
     titles AS (DELETE FROM identity_titles WHERE record_id = $1)
   SELECT identity_id FROM per ORDER BY identity_id`,
  dropOrphans: `WITH
     orphans AS (DELETE FROM identities WHERE id = ANY($1::text[]) AND articles = 0 RETURNING id),
     keys AS (DELETE FROM identity_keys WHERE identity_id IN (SELECT id FROM orphans)),
     titles AS (DELETE FROM identity_titles WHERE identity_id IN (SELECT id FROM orphans)),
     relations AS (DELETE FROM identity_relations WHERE identity_id IN (SELECT id FROM orphans) OR related_id IN (SELECT id FROM orphans))
   SELECT count(*) FROM orphans`,
  list: `SELECT ${IDENTITY_COLUMNS} FROM identities i
     WHERE ($1::text IS NULL OR i.type = $1) AND i.articles > 0
       AND ($2::boolean OR i.articles < $3 OR (i.articles = $3 AND (i.mentions < $4 OR (i.mentions = $4 AND i.id > $5))))
     ORDER BY i.articles DESC, i.mentions DESC, i.id LIMIT $6`,
  byId: `SELECT ${IDENTITY_COLUMNS} FROM identities i WHERE i.id = $1`,
  byKeys: `SELECT DISTINCT ${IDENTITY_COLUMNS} FROM identity_keys k JOIN identities i ON i.id = k.identity_id
     WHERE k.key = ANY($1::text[]) AND i.articles > 0
     ORDER BY articles DESC, mentions DESC, id`,
  keysOf: 'SELECT key FROM identity_keys WHERE identity_id = $1 ORDER BY key',
  appearances: `SELECT l.record_id, l.entity_id, l.name, l.evidence, l.note, l.mentions, a.article_id, a.title, a.outlet, a.published
     FROM entity_links l JOIN articles a ON a.id = l.record_id
     WHERE l.identity_id = $1
     ORDER BY a.published IS NULL, a.published, a.seq, l.entity_id`,
  titles: `SELECT t.title_key, t.title, t.record_id, t.published FROM identity_titles t
     JOIN articles a ON a.id = t.record_id
     WHERE t.identity_id = $1 ORDER BY t.published IS NULL, t.published, a.seq`,
  related: `SELECT ${IDENTITY_COLUMNS}, r.relation, 'out' AS direction FROM identity_relations r JOIN identities i ON i.id = r.related_id WHERE r.identity_id = $1
     UNION ALL
     SELECT ${IDENTITY_COLUMNS}, r.relation, 'in' AS direction FROM identity_relations r JOIN identities i ON i.id = r.identity_id WHERE r.related_id = $1
     ORDER BY 5 DESC, 1`,
  linksOf: 'SELECT record_id, entity_id, identity_id, evidence, note FROM entity_links WHERE record_id = $1',
};

/** The identity tables of one PostgreSQL database. */
export class PostgresIdentities {
  private readonly reads: IdentityReads;

  constructor(private readonly pool: Pool) {
    const rows = <T>(sql: string, params: unknown[]) => query<T>(pool, sql, params);
    this.reads = {
      byId: async (id) => (await rows<IdentityRow>(SQL.byId, [id]))[0],
      byKeys: (keys) => rows<IdentityRow>(SQL.byKeys, [keys]),
      appearances: (id) => rows<AppearanceRow>(SQL.appearances, [id]),
      titles: (id) => rows<TitleRow>(SQL.titles, [id]),
      related: (id) => rows<RelatedRow>(SQL.related, [id]),
      keysOf: async (id) => (await rows<{ key: string }>(SQL.keysOf, [id])).map((r) => r.key),
    };
  }

  /** Links the entities of a record being stored as its article's latest version, on the transaction's `client`. */
  async link(client: PoolClient, record: AnalysisRecord): Promise<void> {
    if (record.entities.length === 0) return;
    // The linker's two rounds of lookups, as entity-linker.ts lays them out for an asynchronous store.
    const linker = new RecordLinker(record);
    const names = linker.nameKeys();
    if (names.length > 0) {
      linker.addCandidates(candidatesOf(await query<CandidateRow>(client, SQL.candidates, [names])));
      const surnames = linker.surnameKeys();
      if (surnames.length > 0) linker.addCandidates(candidatesOf(await query<CandidateRow>(client, SQL.candidatesPerKey, [surnames, SURNAME_CANDIDATES])));
    }
    const plan = linker.plan();
    if (plan.links.length === 0) return;
    const w = linkWrites(plan);
    const col = <T, K extends keyof T>(items: readonly T[], k: K) => items.map((item) => item[k]);
    await query(client, SQL.apply, [
      record.id,
      col(w.created, 'id'),
      col(w.created, 'type'),
      col(w.created, 'name'),
      col(w.created, 'ambiguous'),
      col(w.created, 'articles'),
      col(w.created, 'mentions'),
      col(w.updated, 'id'),
      col(w.updated, 'name'),
      col(w.updated, 'articles'),
      col(w.updated, 'mentions'),
      col(w.keys, 'identityId'),
      col(w.keys, 'key'),
      col(w.links, 'entityId'),
      col(w.links, 'identityId'),
      col(w.links, 'evidence'),
      col(w.links, 'note'),
      col(w.links, 'name'),
      col(w.links, 'mentions'),
      col(w.links, 'mentionCount'),
      record.published.date,
      col(w.titles, 'identityId'),
      col(w.titles, 'titleKey'),
      col(w.titles, 'title'),
      col(w.related, 'identityId'),
      col(w.related, 'relatedId'),
      col(w.related, 'relation'),
    ]);
  }

  /** Drops the links and titles of a record that is no longer its article's latest version; returns the identities it was linked to. */
  async unlink(client: PoolClient, recordId: string): Promise<string[]> {
    return (await query<{ identity_id: string }>(client, SQL.unlink, [recordId])).map((r) => r.identity_id);
  }

  /** Deletes those of `ids` that no article mentions any more, with their keys, titles and relations. */
  async dropOrphans(client: PoolClient, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await query(client, SQL.dropOrphans, [ids]);
  }

  async list(options: IdentityListOptions = {}): Promise<Page<IdentitySummary>> {
    const limit = pageSize(options.limit);
    const after = decodeIdentityCursor(options.cursor);
    const rows = await query<IdentityRow>(this.pool, SQL.list, [
      options.type ?? null,
      after === null,
      after?.articles ?? 0,
      after?.mentions ?? 0,
      after?.id ?? '',
      limit + 1,
    ]);
    const items = rows.slice(0, limit).map(identitySummary);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? identityCursor(last) : null };
  }

  get(idOrName: string): Promise<IdentityLookup> {
    return lookupIdentity(idOrName, this.reads);
  }

  async linksOf(record: AnalysisRecord): Promise<EntityLink[]> {
    const rows = await query<{ record_id: string; entity_id: string; identity_id: string; evidence: LinkEvidence; note: string | null }>(this.pool, SQL.linksOf, [record.id]);
    return inEntityOrder(rows, record).map((r) => ({ recordId: r.record_id, entityId: r.entity_id, identityId: r.identity_id, evidence: r.evidence, note: r.note }));
  }
}
