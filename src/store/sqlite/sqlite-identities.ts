// Entity identities in the SQLite store: applying the linker's plan for a record, dropping a
// superseded version's links, and the reads (list, one identity, a record's links). Every write
// method runs inside the caller's transaction (SqliteStore's putArticles); none opens its own.
// Tables: ../migrations/sqlite/20261124T0900-entity-identities.sql.
import type { Database } from 'better-sqlite3';
import { linkRecord, type LinkEvidence } from '../../link/entities/entity-linker.ts';
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

const IDENTITY_COLUMNS = 'i.id, i.type, i.name, i.ambiguous, i.articles, i.mentions';

/** The identity tables of one SQLite database. */
export class SqliteIdentities {
  private readonly s;
  private readonly reads: IdentityReads;

  constructor(private readonly db: Database) {
    const s = (this.s = {
      // Candidates by key, each row an identity and a key it has: the primary key of identity_keys finds them.
      candidates: db.prepare<[string], CandidateRow>(
        `SELECT k.key, i.id, i.type, i.name, i.ambiguous FROM identity_keys k JOIN identities i ON i.id = k.identity_id
         WHERE k.key IN (SELECT value FROM json_each(?))`,
      ),
      candidatesOfKey: db.prepare<[string, number], CandidateRow>(
        'SELECT k.key, i.id, i.type, i.name, i.ambiguous FROM identity_keys k JOIN identities i ON i.id = k.identity_id WHERE k.key = ? LIMIT ?',
      ),
      insertIdentity: db.prepare<[string, string, string, number, number, number]>(
        'INSERT INTO identities (id, type, name, ambiguous, articles, mentions) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      rename: db.prepare<[string, string]>('UPDATE identities SET name = ? WHERE id = ?'),
      insertKey: db.prepare<[string, string]>('INSERT OR IGNORE INTO identity_keys (key, identity_id) VALUES (?, ?)'),
      insertLink: db.prepare(
        `INSERT INTO entity_links (record_id, entity_id, identity_id, evidence, note, name, mentions, mention_count)
         VALUES (@recordId, @entityId, @identityId, @evidence, @note, @name, @mentions, @mentionCount)`,
      ),
      count: db.prepare<[number, number, string]>('UPDATE identities SET articles = articles + ?, mentions = mentions + ? WHERE id = ?'),
      insertTitle: db.prepare<[string, string, string, string, string | null]>(
        'INSERT OR IGNORE INTO identity_titles (identity_id, title_key, title, record_id, published) VALUES (?, ?, ?, ?, ?)',
      ),
      insertRelation: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO identity_relations (identity_id, related_id, relation) VALUES (?, ?, ?)'),
      linkCounts: db.prepare<[string], { identity_id: string; mentions: number }>(
        'SELECT identity_id, sum(mention_count) AS mentions FROM entity_links WHERE record_id = ? GROUP BY identity_id',
      ),
      deleteLinks: db.prepare<[string]>('DELETE FROM entity_links WHERE record_id = ?'),
      deleteTitles: db.prepare<[string]>('DELETE FROM identity_titles WHERE record_id = ?'),
      articlesOf: db.prepare<[string], number>('SELECT articles FROM identities WHERE id = ?').pluck(),
      deleteIdentity: db.prepare<[string]>('DELETE FROM identities WHERE id = ?'),
      deleteKeys: db.prepare<[string]>('DELETE FROM identity_keys WHERE identity_id = ?'),
      deleteIdentityTitles: db.prepare<[string]>('DELETE FROM identity_titles WHERE identity_id = ?'),
      deleteRelations: db.prepare<[string, string]>('DELETE FROM identity_relations WHERE identity_id = ? OR related_id = ?'),
      list: db.prepare<{ type: string | null; articles: number; mentions: number; id: string; first: number; limit: number }, IdentityRow>(
        `SELECT ${IDENTITY_COLUMNS} FROM identities i
         WHERE (@type IS NULL OR i.type = @type) AND i.articles > 0
           AND (@first = 1 OR i.articles < @articles OR (i.articles = @articles AND (i.mentions < @mentions OR (i.mentions = @mentions AND i.id > @id))))
         ORDER BY i.articles DESC, i.mentions DESC, i.id LIMIT @limit`,
      ),
      byId: db.prepare<[string], IdentityRow>(`SELECT ${IDENTITY_COLUMNS} FROM identities i WHERE i.id = ?`),
      byKeys: db.prepare<[string], IdentityRow>(
        `SELECT DISTINCT ${IDENTITY_COLUMNS} FROM identity_keys k JOIN identities i ON i.id = k.identity_id
         WHERE k.key IN (SELECT value FROM json_each(?)) AND i.articles > 0
         ORDER BY i.articles DESC, i.mentions DESC, i.id`,
      ),
      keysOf: db.prepare<[string], string>('SELECT key FROM identity_keys WHERE identity_id = ? ORDER BY key').pluck(),
      appearances: db.prepare<[string], AppearanceRow>(
        `SELECT l.record_id, l.entity_id, l.name, l.evidence, l.note, l.mentions, a.article_id, a.title, a.outlet, a.published
         FROM entity_links l JOIN articles a ON a.id = l.record_id
         WHERE l.identity_id = ?
         ORDER BY a.published IS NULL, a.published, a.seq, l.entity_id`,
      ),
      titles: db.prepare<[string], TitleRow>(
        `SELECT t.title_key, t.title, t.record_id, t.published FROM identity_titles t
         JOIN articles a ON a.id = t.record_id
         WHERE t.identity_id = ? ORDER BY t.published IS NULL, t.published, a.seq`,
      ),
      related: db.prepare<[string, string], RelatedRow>(
        `SELECT ${IDENTITY_COLUMNS}, r.relation, 'out' AS direction FROM identity_relations r JOIN identities i ON i.id = r.related_id WHERE r.identity_id = ?
         UNION ALL
         SELECT ${IDENTITY_COLUMNS}, r.relation, 'in' AS direction FROM identity_relations r JOIN identities i ON i.id = r.identity_id WHERE r.related_id = ?
         ORDER BY 5 DESC, 1`,
      ),
      linksOf: db.prepare<[string], { record_id: string; entity_id: string; identity_id: string; evidence: LinkEvidence; note: string | null }>(
        'SELECT record_id, entity_id, identity_id, evidence, note FROM entity_links WHERE record_id = ?',
      ),
    });
    this.reads = {
      byId: (id) => s.byId.get(id),
      byKeys: (keys) => s.byKeys.all(JSON.stringify(keys)),
      appearances: (id) => s.appearances.all(id),
      titles: (id) => s.titles.all(id),
      related: (id) => s.related.all(id, id),
      keysOf: (id) => s.keysOf.all(id),
    };
  }

  /** Links the entities of a record just stored as its article's latest version. */
  link(record: AnalysisRecord): void {
    if (record.entities.length === 0) return;
    const s = this.s;
    const plan = linkRecord(record, (keys, perKey) =>
      candidatesOf(perKey === null ? s.candidates.all(JSON.stringify(keys)) : keys.flatMap((k) => s.candidatesOfKey.all(k, perKey))),
    );
    if (plan.links.length === 0) return;
    const w = linkWrites(plan);
    for (const c of w.created) s.insertIdentity.run(c.id, c.type, c.name, c.ambiguous ? 1 : 0, c.articles, c.mentions);
    for (const u of w.updated) {
      if (u.name !== null) s.rename.run(u.name, u.id);
      s.count.run(u.articles, u.mentions, u.id);
    }
    for (const k of w.keys) s.insertKey.run(k.key, k.identityId);
    for (const link of w.links) s.insertLink.run({ recordId: record.id, ...link });
    for (const t of w.titles) s.insertTitle.run(t.identityId, t.titleKey, t.title, record.id, record.published.date);
    for (const r of w.related) s.insertRelation.run(r.identityId, r.relatedId, r.relation);
  }

  /** Drops the links and titles of a record that is no longer its article's latest version; returns the identities it was linked to. */
  unlink(recordId: string): string[] {
    const rows = this.s.linkCounts.all(recordId);
    for (const row of rows) this.s.count.run(-1, -row.mentions, row.identity_id);
    this.s.deleteLinks.run(recordId);
    this.s.deleteTitles.run(recordId);
    return rows.map((r) => r.identity_id);
  }

  /** Deletes those of `ids` that no article mentions any more, with their keys, titles and relations. */
  dropOrphans(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.s.articlesOf.get(id) !== 0) continue;
      this.s.deleteIdentity.run(id);
      this.s.deleteKeys.run(id);
      this.s.deleteIdentityTitles.run(id);
      this.s.deleteRelations.run(id, id);
    }
  }

  list(options: IdentityListOptions = {}): Page<IdentitySummary> {
    const limit = pageSize(options.limit);
    const after = decodeIdentityCursor(options.cursor);
    const rows = this.s.list.all({
      type: options.type ?? null,
      first: after === null ? 1 : 0,
      articles: after?.articles ?? 0,
      mentions: after?.mentions ?? 0,
      id: after?.id ?? '',
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map(identitySummary);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? identityCursor(last) : null };
  }

  get(idOrName: string): Promise<IdentityLookup> {
    return lookupIdentity(idOrName, this.reads);
  }

  linksOf(record: AnalysisRecord): EntityLink[] {
    return inEntityOrder(this.s.linksOf.all(record.id), record).map((r) => ({ recordId: r.record_id, entityId: r.entity_id, identityId: r.identity_id, evidence: r.evidence, note: r.note }));
  }

  /** Problems of the identity tables, [] when none: counters out of step with links, links to missing identities or to older versions. */
  integrityProblems(): string[] {
    const problems: string[] = [];
    const n = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const counters = n(
      `SELECT count(*) FROM identities i
       WHERE i.articles != (SELECT count(DISTINCT record_id) FROM entity_links l WHERE l.identity_id = i.id)
          OR i.mentions != (SELECT coalesce(sum(mention_count), 0) FROM entity_links l WHERE l.identity_id = i.id)`,
    );
    if (counters > 0) problems.push(`${counters} identities whose article or mention counts disagree with their links`);
    const dangling = n('SELECT count(*) FROM entity_links WHERE identity_id NOT IN (SELECT id FROM identities)');
    if (dangling > 0) problems.push(`${dangling} entity links to missing identities`);
    const stale = n('SELECT count(*) FROM entity_links l WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = l.record_id AND a.latest = 1)');
    if (stale > 0) problems.push(`${stale} entity links of records that are not a latest version`);
    const orphans = n('SELECT count(*) FROM identities WHERE articles = 0');
    if (orphans > 0) problems.push(`${orphans} identities that no article mentions`);
    return problems;
  }
}
