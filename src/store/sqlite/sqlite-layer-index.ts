// What the SQLite tables of indexed layers (quotes, figures) share. Each holds one row per item of
// a latest version's layer, with the item's day, its place in text order, the entity and identity
// of who it is attributed to (a quote's speaker, a figure's claimant) and that person as written,
// the sentences around it, and the item as JSON. Rows are written from the layer's index facts
// (store.ts) inside the caller's transaction, after the record's entities are linked (the
// identity is read from the entity links). Listings order by day (newest first, undated last),
// then the last stored article, then text order, and page by keyset cursor; the tables are
// checked against the articles and the entity links alike.
// Tables: ../migrations/sqlite/20261124T1200-quotes.sql, ../migrations/sqlite/20261124T1300-figures.sql.
import type { Database, Statement } from 'better-sqlite3';
import type { AnalysisRecord } from '../../model/record.ts';
import {
  decodeLayerCursor,
  layerCursor,
  layerRowValues,
  type LayerRow,
  type LayerRowPage,
  type LayerTable,
} from '../layer-rows.ts';
import { checkDayBounds, pageSize, type DayBounds, type IdentityOrTextFilter, type LayerIndexFacts, type PageOptions } from '../store.ts';

/** A WHERE fragment a table adds to its listing (fixed SQL, never built from input) and the parameters it names. */
export interface LayerFilter {
  sql: string;
  params: Record<string, unknown>;
}

// The listing's WHERE is put together from fixed fragments only (no input is ever SQL), so that
// each combination of filters gets a statement SQLite can plan with the right index.
const AFTER_DATED = `(t.day < @day OR t.day IS NULL OR (t.day = @day AND (t.article_seq < @seq OR (t.article_seq = @seq AND t.position > @position))))`;
const AFTER_UNDATED = `(t.day IS NULL AND (t.article_seq < @seq OR (t.article_seq = @seq AND t.position > @position)))`;

/** One indexed-layer table: writing and dropping a record's rows, listing, paging, integrity checks. */
export class SqliteLayerIndex {
  private readonly listings = new Map<string, Statement<Record<string, unknown>, LayerRow>>();
  private readonly s;

  constructor(
    private readonly db: Database,
    private readonly layout: LayerTable,
  ) {
    const l = layout;
    this.s = {
      insert: db.prepare(
        `INSERT INTO ${l.table} (record_id, ${l.indexColumn}, article_seq, position, day, ${l.entityColumn}, ${l.identityColumn}, ${l.textColumn}, ${l.sentenceStartColumn}, ${l.sentenceEndColumn}, ${l.itemColumn})
         VALUES (@recordId, @index, @seq, @position, @day, @entity,
                 (SELECT identity_id FROM entity_links WHERE record_id = @recordId AND entity_id = @entity),
                 @text, @sentencesStart, @sentencesEnd, @item)`,
      ),
      deleteOf: db.prepare<[string]>(`DELETE FROM ${l.table} WHERE record_id = ?`),
      // The texts of a page's records, each once: spans are cut from them in JavaScript, which counts as the spans do.
      texts: db.prepare<[string], { id: string; text: string }>(`SELECT id, json_extract(record, '$.text') AS text FROM articles WHERE id IN (SELECT value FROM json_each(?))`),
    };
  }

  /**
   * Writes the rows of `items`, the layer of a record just stored (at `seq`) as its article's
   * latest version, with their index `facts` (in layer order); gives each row's rowid. The
   * record's entities must be linked already.
   */
  add(record: AnalysisRecord, seq: number | bigint, items: readonly unknown[], facts: readonly LayerIndexFacts[]): (number | bigint)[] {
    return layerRowValues(record, items, facts).map((values) => this.s.insert.run({ ...values, seq }).lastInsertRowid);
  }

  /** Drops the rows of a record that is no longer its article's latest version. */
  drop(recordId: string): void {
    this.s.deleteOf.run(recordId);
  }

  /**
   * One page in listing order: of the items attributed to `who` (its identity, or its text where
   * no identity is linked; the text column is declared COLLATE NOCASE, so case of ASCII letters
   * aside), between the day bounds, and passing `filters`. Throws RangeError for bad day bounds
   * and BadCursorError for a cursor not of this listing.
   */
  page(options: PageOptions & DayBounds, who: IdentityOrTextFilter | undefined, filters: readonly LayerFilter[] = []): LayerRowPage {
    checkDayBounds(options);
    const limit = pageSize(options.limit);
    const after = decodeLayerCursor(this.layout, options.cursor);
    const { identityColumn, textColumn } = this.layout;
    const where: string[] = [];
    if (who) where.push(`(t.${identityColumn} = @identityId OR (t.${identityColumn} IS NULL AND t.${textColumn} = @whoText))`);
    if (options.since !== undefined) where.push('t.day >= @since');
    if (options.until !== undefined) where.push('t.day <= @until');
    if (after) where.push(after.day === null ? AFTER_UNDATED : AFTER_DATED);
    where.push(...filters.map((f) => f.sql));
    const rows = this.listing(where).all({
      identityId: who?.identityId ?? null,
      whoText: who?.text?.trim() ?? null,
      since: options.since ?? null,
      until: options.until ?? null,
      day: after?.day ?? null,
      seq: after?.seq ?? 0,
      position: after?.position ?? 0,
      limit: limit + 1,
      ...Object.assign({}, ...filters.map((f) => f.params)),
    });
    const page = rows.slice(0, limit);
    const texts = new Map(this.s.texts.all(JSON.stringify([...new Set(page.map((r) => r.record_id))])).map((r) => [r.id, r.text]));
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? layerCursor(this.layout, last) : null;
    return { rows: page, texts, nextCursor };
  }

  /** Problems of the table, [] when none: rows of older versions, rows out of step with their records or with the entity links. `noun` names the items in messages. */
  integrityProblems(noun: string): string[] {
    const { table, entityColumn, identityColumn } = this.layout;
    const problems: string[] = [];
    const n = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const stale = n(`SELECT count(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.record_id AND a.latest = 1 AND a.seq = t.article_seq)`);
    if (stale > 0) problems.push(`${stale} ${noun} of records that are not a latest version`);
    const missing = n(
      `SELECT count(*) FROM articles a WHERE a.latest = 1
         AND coalesce(json_array_length(a.record, '$.${table}'), 0) != (SELECT count(*) FROM ${table} t WHERE t.record_id = a.id)`,
    );
    if (missing > 0) problems.push(`${missing} latest versions whose ${noun} are not all indexed`);
    const identities = n(
      `SELECT count(*) FROM ${table} t
       WHERE t.${identityColumn} IS NOT (SELECT l.identity_id FROM entity_links l WHERE l.record_id = t.record_id AND l.entity_id = t.${entityColumn})`,
    );
    if (identities > 0) problems.push(`${identities} ${noun} whose ${identityColumn} disagrees with the entity links`);
    return problems;
  }

  /** The prepared listing for one combination of WHERE fragments, made once. */
  private listing(where: readonly string[]): Statement<Record<string, unknown>, LayerRow> {
    const key = where.join(' AND ');
    let statement = this.listings.get(key);
    if (!statement) {
      const l = this.layout;
      statement = this.db.prepare<Record<string, unknown>, LayerRow>(
        `SELECT t.record_id, t.${l.indexColumn} AS item_index, t.article_seq, t.position, t.day,
                t.${l.identityColumn} AS identity_id, i.name AS identity_name,
                t.${l.sentenceStartColumn} AS sentence_start, t.${l.sentenceEndColumn} AS sentence_end, t.${l.itemColumn} AS item,
                a.article_id, a.url, a.outlet, a.title, a.published
         FROM ${l.table} t JOIN articles a ON a.seq = t.article_seq LEFT JOIN identities i ON i.id = t.${l.identityColumn}
         ${where.length > 0 ? `WHERE ${key}` : ''}
         ORDER BY t.day DESC, t.article_seq DESC, t.position
         LIMIT @limit`,
      );
      this.listings.set(key, statement);
    }
    return statement;
  }
}
