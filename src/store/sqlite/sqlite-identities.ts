// Entity identities in the SQLite store: applying the linker's plan for a record, dropping a
// superseded version's links, and the reads (list, one identity, a record's links). Every write
// method runs inside the caller's transaction (SqliteStore's putArticles); none opens its own.
// Tables: ../migrations/sqlite/20261124T0900-entity-identities.sql.
import type { Database } from 'better-sqlite3';
import { linkRecord, normalizeTitle, type CandidateIdentity, type LinkEvidence } from '../../link/entities/entity-linker.ts';
import { initialsOf, key, normalizeName, parsePersonName } from '../../link/entities/name-keys.ts';
import type { EntityType } from '../../model/layers.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import type { TextSpan } from '../../model/span.ts';
import {
  BadCursorError,
  pageSize,
  type EntityLink,
  type IdentityAppearance,
  type IdentityDetail,
  type IdentityListOptions,
  type IdentityLookup,
  type IdentitySummary,
  type IdentityTitle,
  type Page,
  type RelatedIdentity,
} from '../store.ts';

interface IdentityRow {
  id: string;
  type: EntityType;
  name: string;
  ambiguous: number;
  articles: number;
  mentions: number;
}

const IDENTITY_COLUMNS = 'i.id, i.type, i.name, i.ambiguous, i.articles, i.mentions';

/** The identity tables of one SQLite database. */
export class SqliteIdentities {
  private readonly s;

  constructor(private readonly db: Database) {
    this.s = {
      // Candidates by key, each row an identity and a key it has: the primary key of identity_keys finds them.
      candidates: db.prepare<[string], CandidateRow>(
        `SELECT k.key, i.id, i.type, i.name, i.ambiguous FROM identity_keys k JOIN identities i ON i.id = k.identity_id
         WHERE k.key IN (SELECT value FROM json_each(?))`,
      ),
      candidatesOfKey: db.prepare<[string, number], CandidateRow>(
        'SELECT k.key, i.id, i.type, i.name, i.ambiguous FROM identity_keys k JOIN identities i ON i.id = k.identity_id WHERE k.key = ? LIMIT ?',
      ),
      insertIdentity: db.prepare<[string, string, string, number]>('INSERT INTO identities (id, type, name, ambiguous) VALUES (?, ?, ?, ?)'),
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
      appearances: db.prepare<
        [string],
        { record_id: string; entity_id: string; name: string; evidence: LinkEvidence; note: string | null; mentions: string; article_id: string; title: string | null; outlet: string | null; published: string | null }
      >(
        `SELECT l.record_id, l.entity_id, l.name, l.evidence, l.note, l.mentions, a.article_id, a.title, a.outlet, a.published
         FROM entity_links l JOIN articles a ON a.id = l.record_id
         WHERE l.identity_id = ?
         ORDER BY a.published IS NULL, a.published, a.seq, l.entity_id`,
      ),
      titles: db.prepare<[string], { title_key: string; title: string; record_id: string; published: string | null }>(
        `SELECT t.title_key, t.title, t.record_id, t.published FROM identity_titles t
         JOIN articles a ON a.id = t.record_id
         WHERE t.identity_id = ? ORDER BY t.published IS NULL, t.published, a.seq`,
      ),
      related: db.prepare<[string, string], IdentityRow & { relation: string; direction: 'out' | 'in' }>(
        `SELECT ${IDENTITY_COLUMNS}, r.relation, 'out' AS direction FROM identity_relations r JOIN identities i ON i.id = r.related_id WHERE r.identity_id = ?
         UNION ALL
         SELECT ${IDENTITY_COLUMNS}, r.relation, 'in' AS direction FROM identity_relations r JOIN identities i ON i.id = r.identity_id WHERE r.related_id = ?
         ORDER BY 5 DESC, 1`,
      ),
      linksOf: db.prepare<[string], { record_id: string; entity_id: string; identity_id: string; evidence: LinkEvidence; note: string | null }>(
        'SELECT record_id, entity_id, identity_id, evidence, note FROM entity_links WHERE record_id = ?',
      ),
    };
  }

  /** Links the entities of a record just stored as its article's latest version. */
  link(record: AnalysisRecord): void {
    if (record.entities.length === 0) return;
    const s = this.s;
    const plan = linkRecord(record, (keys, perKey) =>
      candidates(perKey === null ? s.candidates.all(JSON.stringify(keys)) : keys.flatMap((k) => s.candidatesOfKey.all(k, perKey))),
    );
    if (plan.links.length === 0) return;
    for (const c of plan.created) s.insertIdentity.run(c.id, c.type, c.name, c.ambiguous ? 1 : 0);
    for (const r of plan.renamed) s.rename.run(r.name, r.identityId);
    for (const k of plan.keys) s.insertKey.run(k.key, k.identityId);
    const counts = new Map<string, number>();
    for (const link of plan.links) {
      const mentions = link.mentions.map(({ start, end, text }) => ({ start, end, text }));
      s.insertLink.run({
        recordId: record.id,
        entityId: link.entityId,
        identityId: link.identityId,
        evidence: link.evidence,
        note: link.note,
        name: link.name,
        mentions: JSON.stringify(mentions),
        mentionCount: mentions.length,
      });
      counts.set(link.identityId, (counts.get(link.identityId) ?? 0) + mentions.length);
    }
    for (const [identityId, mentions] of counts) s.count.run(1, mentions, identityId);
    for (const t of plan.titles) s.insertTitle.run(t.identityId, normalizeTitle(t.title), t.title, record.id, record.published.date);
    for (const r of plan.related) s.insertRelation.run(r.identityId, r.relatedId, r.relation);
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
    const items = rows.slice(0, limit).map(summary);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? `k${last.articles}.${last.mentions}.${last.id}` : null };
  }

  get(idOrName: string): IdentityLookup {
    const query = idOrName.trim();
    const exact = this.s.byId.get(query) ?? this.s.byId.get(query.toLowerCase());
    if (exact && exact.articles > 0) return { status: 'found', identity: this.detail(exact) };
    const norm = normalizeName(query);
    if (norm === '') return { status: 'unknown' };
    const person = parsePersonName(query);
    const initials = initialsOf(query);
    // Names and aliases first; then a surname; then initials; the first step that finds any decides.
    const steps: string[][] = [
      [key('n', norm), key('x', norm), ...(person && person.given.length > 0 ? [key('n', person.full)] : [])],
      [key('s', norm), ...(person && person.given.length === 0 ? [key('s', person.surname)] : [])],
      [key('i', norm), key('a', norm), ...(initials ? [key('a', initials)] : [])],
    ];
    for (const keys of steps) {
      const rows = this.s.byKeys.all(JSON.stringify(keys));
      if (rows.length === 1) return { status: 'found', identity: this.detail(rows[0]!) };
      if (rows.length > 1) return { status: 'ambiguous', candidates: rows.map(summary) };
    }
    return { status: 'unknown' };
  }

  linksOf(recordId: string, entityOrder: readonly string[]): EntityLink[] {
    const order = new Map(entityOrder.map((id, i) => [id, i]));
    return this.s.linksOf
      .all(recordId)
      .sort((a, b) => (order.get(a.entity_id) ?? 0) - (order.get(b.entity_id) ?? 0))
      .map((r) => ({ recordId: r.record_id, entityId: r.entity_id, identityId: r.identity_id, evidence: r.evidence, note: r.note }));
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

  private detail(row: IdentityRow): IdentityDetail {
    const appearances: IdentityAppearance[] = [];
    const forms = new Map<string, string>([[row.type === 'PERSON' ? (parsePersonName(row.name)?.full ?? '') : normalizeName(row.name), row.name]]);
    const addForm = (form: string) => {
      const k = normalizeName(form);
      if (k !== '' && !forms.has(k)) forms.set(k, form.trim());
    };
    for (const r of this.s.appearances.all(row.id)) {
      const mentions = JSON.parse(r.mentions) as TextSpan[];
      addForm(r.name);
      for (const m of mentions) addForm(m.text);
      let a = appearances.at(-1);
      if (!a || a.id !== r.record_id) {
        a = { id: r.record_id, articleId: r.article_id, title: r.title, outlet: r.outlet, published: r.published, links: [], mentions: [] };
        appearances.push(a);
      }
      a.links.push({ entityId: r.entity_id, name: r.name, evidence: r.evidence, note: r.note });
      a.mentions.push(...mentions);
    }
    for (const a of appearances) a.mentions.sort((x, y) => x.start - y.start || x.end - y.end);
    const titles = new Map<string, IdentityTitle>();
    for (const t of this.s.titles.all(row.id)) {
      let title = titles.get(t.title_key);
      if (!title) titles.set(t.title_key, (title = { title: t.title, firstDate: null, lastDate: null, articles: [] }));
      title.articles.push({ id: t.record_id, date: t.published });
      if (t.published !== null) {
        if (title.firstDate === null || t.published < title.firstDate) title.firstDate = t.published;
        if (title.lastDate === null || t.published > title.lastDate) title.lastDate = t.published;
      }
    }
    const related: RelatedIdentity[] = this.s.related
      .all(row.id, row.id)
      .map((r) => ({ ...summary(r), relation: r.direction === 'out' ? 'demonym of' : 'has demonym' }));
    let candidates: IdentitySummary[] = [];
    if (row.ambiguous === 1) {
      const surnames = this.s.keysOf.all(row.id).filter((k) => k.startsWith('x:')).map((k) => key('s', k.slice(2)));
      candidates = this.s.byKeys
        .all(JSON.stringify(surnames))
        .filter((c) => c.type === 'PERSON' && c.ambiguous === 0)
        .map(summary);
    }
    const aliases = [...forms.values()].slice(1);
    return { ...summary(row), aliases, related, titles: [...titles.values()], appearances, candidates };
  }
}

interface CandidateRow {
  key: string;
  id: string;
  type: EntityType;
  name: string;
  ambiguous: number;
}

/** Rows of (identity, key) as candidates, one per identity with the keys it was found by. */
function candidates(rows: readonly CandidateRow[]): CandidateIdentity[] {
  const out = new Map<string, CandidateIdentity & { keys: string[] }>();
  for (const row of rows) {
    const c = out.get(row.id);
    if (c) c.keys.push(row.key);
    else out.set(row.id, { id: row.id, type: row.type, name: row.name, ambiguous: row.ambiguous === 1, keys: [row.key] });
  }
  return [...out.values()];
}

function summary(row: IdentityRow): IdentitySummary {
  return { id: row.id, type: row.type, name: row.name, ambiguous: row.ambiguous === 1, articles: row.articles, mentions: row.mentions };
}

/** `k<articles>.<mentions>.<id>`: after this identity in listing order; null without a cursor. */
function decodeIdentityCursor(cursor: string | null | undefined): { articles: number; mentions: number; id: string } | null {
  if (cursor === undefined || cursor === null) return null;
  const m = /^k(\d{1,15})\.(\d{1,15})\.([0-9a-f]{16})$/.exec(cursor);
  if (!m) throw new BadCursorError(cursor);
  return { articles: Number(m[1]), mentions: Number(m[2]), id: m[3]! };
}
