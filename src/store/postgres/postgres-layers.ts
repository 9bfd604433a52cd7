// The indexed layers (quotes, figures) in the PostgreSQL store: writing the rows of a batch's
// latest versions in one statement per table (unnest), dropping a superseded version's, and the
// listings (by day, newest first, undated last; then the last stored article; then text order;
// keyset cursors). Rows, cursors and conversions are shared with SQLite: ../layer-rows.ts.
// Tables: ../migrations/postgres/20261124T1500-store.sql.
import type { Pool, PoolClient } from 'pg';
import type { AnalysisRecord } from '../../model/record.ts';
import {
  decodeLayerCursor,
  FIGURES_TABLE,
  layerCursor,
  layerRowValues,
  pageItems,
  QUOTES_TABLE,
  storedFigure,
  storedQuote,
  type LayerRow,
  type LayerRowPage,
  type LayerTable,
} from '../layer-rows.ts';
import {
  checkDayBounds,
  figureIndexFacts,
  pageSize,
  queryWords,
  quoteIndexFacts,
  type DayBounds,
  type FigureListOptions,
  type IdentityOrTextFilter,
  type Page,
  type PageOptions,
  type QuoteListOptions,
  type StoredFigure,
  type StoredQuote,
} from '../store.ts';
import { query } from './postgres-sql.ts';

/** Adds a parameter to `params` and gives its placeholder. */
type Bind = (value: unknown) => string;

/** One indexed-layer table. */
class LayerIndex {
  constructor(
    private readonly pool: Pool,
    readonly layout: LayerTable,
  ) {}

  /**
   * Writes the rows of these records' items, the records being latest versions stored in this
   * transaction and their entities linked (the identity is read from the entity links). `extra`:
   * one more column and its value per row (the figures' counts).
   */
  async add(
    client: PoolClient,
    records: readonly AnalysisRecord[],
    rowsOf: (record: AnalysisRecord) => ReturnType<typeof layerRowValues>,
    extra: { column: string; value: (record: AnalysisRecord, index: number) => string | null } | null = null,
  ): Promise<void> {
    const rows = records.flatMap((record) => rowsOf(record).map((values) => ({ values, extra: extra?.value(record, values.index) ?? null })));
    if (rows.length === 0) return;
    const l = this.layout;
    const col = <K extends keyof (typeof rows)[number]['values']>(k: K) => rows.map((r) => r.values[k]);
    const extraColumn = extra ? `, ${extra.column}` : '';
    await query(
      client,
      `INSERT INTO ${l.table} (record_id, ${l.indexColumn}, article_seq, position, day, ${l.entityColumn}, ${l.identityColumn}, ${l.textColumn}, ${l.sentenceStartColumn}, ${l.sentenceEndColumn}, ${l.itemColumn}${extraColumn})
       SELECT u.record_id, u.index, a.seq, u.position, u.day, u.entity, l.identity_id, u.text, u.s_start, u.s_end, u.item${extra ? ', u.extra' : ''}
       FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::text[])
            WITH ORDINALITY AS u(record_id, index, position, day, entity, text, s_start, s_end, item, extra, n)
       JOIN articles a ON a.id = u.record_id
       LEFT JOIN entity_links l ON l.record_id = u.record_id AND l.entity_id = u.entity
       ORDER BY u.n`,
      [
        col('recordId'),
        col('index'),
        col('position'),
        col('day'),
        col('entity'),
        col('text'),
        col('sentencesStart'),
        col('sentencesEnd'),
        col('item'),
        rows.map((r) => r.extra),
      ],
    );
  }

  /** Drops the rows of records that are no longer their articles' latest versions. */
  async drop(client: PoolClient, recordIds: readonly string[]): Promise<void> {
    if (recordIds.length > 0) await query(client, `DELETE FROM ${this.layout.table} WHERE record_id = ANY($1::text[])`, [recordIds]);
  }

  /**
   * One page in listing order: of the items attributed to `who` (its identity, or its text, case
   * aside, where no identity is linked), between the day bounds, and passing `filters` (WHERE
   * fragments of fixed SQL that bind their values). Throws RangeError for bad day bounds and
   * BadCursorError for a cursor not of this listing.
   */
  async page(options: PageOptions & DayBounds, who: IdentityOrTextFilter | undefined, filters: readonly ((bind: Bind) => string)[] = []): Promise<LayerRowPage> {
    checkDayBounds(options);
    const limit = pageSize(options.limit);
    const l = this.layout;
    const after = decodeLayerCursor(l, options.cursor);
    const params: unknown[] = [];
    const bind: Bind = (value) => `$${params.push(value)}`;
    const where: string[] = [];
    if (who) {
      where.push(`(t.${l.identityColumn} = ${bind(who.identityId)}::text OR (t.${l.identityColumn} IS NULL AND lower(t.${l.textColumn}) = lower(${bind(who.text?.trim() ?? null)}::text)))`);
    }
    if (options.since !== undefined) where.push(`t.day >= ${bind(options.since)}`);
    if (options.until !== undefined) where.push(`t.day <= ${bind(options.until)}`);
    if (after) {
      const seq = bind(after.seq);
      const position = bind(after.position);
      const next = `(t.article_seq < ${seq} OR (t.article_seq = ${seq} AND t.position > ${position}))`;
      if (after.day === null) where.push(`(t.day IS NULL AND ${next})`);
      else {
        const day = bind(after.day);
        where.push(`(t.day < ${day} OR t.day IS NULL OR (t.day = ${day} AND ${next}))`);
      }
    }
    where.push(...filters.map((filter) => filter(bind)));
    const rows = await query<LayerRow>(
      this.pool,
      `SELECT t.record_id, t.${l.indexColumn} AS item_index, t.article_seq, t.position, t.day,
              t.${l.identityColumn} AS identity_id, i.name AS identity_name,
              t.${l.sentenceStartColumn} AS sentence_start, t.${l.sentenceEndColumn} AS sentence_end, t.${l.itemColumn} AS item,
              a.article_id, a.url, a.outlet, a.title, a.published
       FROM ${l.table} t JOIN articles a ON a.seq = t.article_seq LEFT JOIN identities i ON i.id = t.${l.identityColumn}
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY t.day DESC NULLS LAST, t.article_seq DESC, t.position
       LIMIT ${bind(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    // The texts of the page's records, each once: spans are cut from them in JavaScript, which counts as the spans do.
    const ids = [...new Set(page.map((r) => r.record_id))];
    const texts = new Map(
      ids.length === 0 ? [] : (await query<{ id: string; body: string }>(this.pool, 'SELECT id, body FROM articles WHERE id = ANY($1::text[])', [ids])).map((r) => [r.id, r.body]),
    );
    const last = page.at(-1);
    return { rows: page, texts, nextCursor: rows.length > limit && last ? layerCursor(l, last) : null };
  }
}

/** The quotes and figures tables of one PostgreSQL database. */
export class PostgresLayers {
  private readonly quotes;
  private readonly figures;

  constructor(pool: Pool) {
    this.quotes = new LayerIndex(pool, QUOTES_TABLE);
    this.figures = new LayerIndex(pool, FIGURES_TABLE);
  }

  /** Indexes the quotes and figures of records stored in this transaction as their articles' latest versions; their entities must be linked already. */
  async add(client: PoolClient, records: readonly AnalysisRecord[]): Promise<void> {
    await this.quotes.add(client, records, (r) => layerRowValues(r, r.quotes, quoteIndexFacts(r)));
    await this.figures.add(client, records, (r) => layerRowValues(r, r.figures, figureIndexFacts(r)), {
      column: 'counts',
      value: (record, index) => record.figures[index]!.counts,
    });
  }

  /** Drops the quotes and figures of records that are no longer their articles' latest versions. */
  async drop(client: PoolClient, recordIds: readonly string[]): Promise<void> {
    await this.quotes.drop(client, recordIds);
    await this.figures.drop(client, recordIds);
  }

  async listQuotes(options: QuoteListOptions = {}): Promise<Page<StoredQuote>> {
    return pageItems(await this.quotes.page(options, options.speaker), storedQuote);
  }

  async listFigures(options: FigureListOptions = {}): Promise<Page<StoredFigure>> {
    const filters: ((bind: Bind) => string)[] = [];
    if (options.counts !== undefined) {
      const words = queryWords(options.counts);
      // Nothing to match: like a search with no words, it finds nothing.
      if (words.length === 0) return { items: [], nextCursor: null };
      // The words in a row, as one phrase: phraseto_tsquery takes any text and has no syntax.
      filters.push((bind) => `t.counts IS NOT NULL AND t.counts_words @@ phraseto_tsquery('dossier_words', ${bind(words.join(' '))})`);
    }
    return pageItems(await this.figures.page(options, options.claimant, filters), storedFigure);
  }
}
