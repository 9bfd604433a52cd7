// The PostgreSQL store (`--db postgres://…`): the Store interface on a `pg` pool, schema by
// migrations (../migrations/postgres), full-text search with a tsvector column and a GIN index.
// The full record is kept as JSON text beside the columns that are queried, as in SQLite.
//
// Writers: putArticles runs in one transaction that first takes a transaction-scoped advisory
// lock, so writers of one database (processes, machines) store batches one at a time, as
// SQLite's BEGIN IMMEDIATE makes them. That is what keeps two processes storing the same text or
// URL at once from making two copies or two "version 2"s, and keeps identity linking (which reads
// the identities before deciding) from founding one person twice; the unique indexes on id, on
// (article_id, version) and on the latest version per URL stand behind it. Analysis, the costly
// part of ingest, runs outside the lock, in parallel. The storage order (seq) therefore grows
// with commit order, which keyset paging by seq relies on.
//
// Within a batch, what the rules decide (../put-plan.ts) is applied with few round trips: the
// batch's ids and URLs are looked up once, entities are linked record by record (each may join
// identities the previous one founded), and the articles, quotes and figures rows of the whole
// batch are written with one INSERT … SELECT FROM unnest(…) per table.
import type { Pool, PoolClient } from 'pg';
import type { AnalysisRecord } from '../../model/record.ts';
import {
  articleMeta,
  decodeArticleCursor,
  listCursor,
  searchCursor,
  storedArticle,
  textSnippet,
  TITLE_WEIGHT,
  type ArticleRow,
} from '../article-rows.ts';
import { closedSources, DUPLICATE_CHECKS } from '../duplicate-rows.ts';
import { lookupKeys, planPuts, type StoredVersion } from '../put-plan.ts';
import {
  checkRecord,
  pageSize,
  queryWords,
  type ArticleMeta,
  type EntityLink,
  type FigureListOptions,
  type IdentityListOptions,
  type IdentityLookup,
  type IdentitySummary,
  type Page,
  type PageOptions,
  type PutResult,
  type QuoteListOptions,
  type SearchHit,
  type Store,
  type StoreStats,
  type StoredArticle,
  type StoredFigure,
  type StoredQuote,
  type DuplicateOf,
  type IndependentSources,
  type VersionDiff,
} from '../store.ts';
import { versionDiff } from '../../link/duplicates/version-diff.ts';
import { PostgresDuplicates } from './postgres-duplicates.ts';
import { PostgresIdentities } from './postgres-identities.ts';
import { PostgresLayers } from './postgres-layers.ts';
import { hasSchema, migratePostgres } from './postgres-migrations.ts';
import { createPool, postgresLocation, query, transaction } from './postgres-sql.ts';
import { getStory, linkPendingStories, listStories } from './postgres-stories.ts';
import { StoryCountCache } from '../story-rows.ts';
import type { StoryListing } from '../story-rows.ts';

/** True for a `--db` value that names a PostgreSQL database (postgres:// or postgresql://). */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** How to open the database: `mustExist` for commands that only read (a database without a Dossier schema is refused, not migrated). */
export interface PostgresOpenOptions {
  mustExist?: boolean;
}

/** Opens and migrates the store in the PostgreSQL database `url` names. Errors name the database without its password. */
export async function openPostgresStore(url: string, options: PostgresOpenOptions = {}): Promise<PostgresStore> {
  const location = postgresLocation(url);
  const pool = createPool(url);
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw new Error(`cannot open database ${location}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    if (options.mustExist && !(await hasSchema(client))) {
      throw new Error(`no Dossier store in ${location} (make one with dossier ingest --db ${location})`);
    }
    await migratePostgres(client);
  } catch (error) {
    client.release();
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(reason.startsWith('no Dossier store') ? reason : `cannot use database ${location}: ${reason}`, { cause: error });
  }
  client.release();
  const store = new PostgresStore(pool, location);
  // Records stored before fingerprints existed (a store made by an older Dossier): resumable, see PostgresDuplicates.backfillBatch.
  await store.backfillFingerprints();
  // Articles stored before stories existed, or whose linking was interrupted, are linked now.
  await store.linkStories();
  return store;
}

// An arbitrary constant naming the writers' lock among the database's advisory locks.
const WRITE_LOCK = 0x646f73_02;

const META_COLUMNS = 'a.seq, a.id, a.article_id, a.version, a.latest::int AS latest, a.url, a.outlet, a.published, a.title, a.ingested_at';

// ts_rank's weights, for the labels {D, C, B, A}: text words are 'D', title words 'A'.
const RANK_WEIGHTS = [1 / TITLE_WEIGHT, 0, 0, 1];
// Rank divided by 1 + log(words): long articles do not win by length, as bm25 normalises in FTS5.
const RANK_NORMALIZATION = 1;

/** The PostgreSQL implementation of Store. Open it with `openPostgresStore`. */
export class PostgresStore implements Store {
  private readonly identities;
  private readonly layers;
  private readonly duplicates;
  /** Document counts of story features this store keeps while linking (StoryCountCache says when they hold). */
  private readonly storyCounts = new StoryCountCache();
  private closed = false;

  constructor(
    private readonly pool: Pool,
    /** The database, named without its password. */
    readonly location: string,
  ) {
    this.identities = new PostgresIdentities(pool);
    this.layers = new PostgresLayers(pool);
    this.duplicates = new PostgresDuplicates(pool, META_COLUMNS);
  }

  async putArticles(records: readonly AnalysisRecord[]): Promise<PutResult[]> {
    records.forEach(checkRecord);
    if (records.length === 0) return [];
    const results = await transaction(this.pool, (client) => this.putChecked(client, records));
    // Stories are derived: linked after the batch is committed, in transactions of their own.
    await linkPendingStories(this.pool, this.storyCounts);
    return results;
  }

  async linkStories(): Promise<number> {
    return linkPendingStories(this.pool, this.storyCounts);
  }

  async listStories(options: PageOptions = {}): Promise<Page<StoryListing>> {
    return listStories(this.pool, options);
  }

  async getStory(id: string): Promise<StoryListing | null> {
    return getStory(this.pool, id);
  }

  async changeMark(): Promise<string> {
    // Counted as each write commits: ../migrations/postgres/20261124T1900-change-mark.sql.
    const [row] = await query<{ n: number }>(this.pool, 'SELECT n FROM store_changes');
    return String(row!.n);
  }

  /**
   * putArticles on `client`, inside a transaction the caller holds (and commits or rolls back),
   * so that storing records commits together with the caller's other writes (a job marked done).
   */
  writerIn(client: PoolClient): Pick<Store, 'putArticles'> {
    return {
      putArticles: async (records) => {
        records.forEach(checkRecord);
        return this.putChecked(client, records);
      },
    };
  }

  /** Stores records that passed checkRecord, in the transaction `client` holds. */
  private async putChecked(client: PoolClient, records: readonly AnalysisRecord[]): Promise<PutResult[]> {
    if (records.length === 0) return [];
    const ingestedAt = new Date().toISOString();
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const { ids, urls } = lookupKeys(records);
    const stored = await query<StoredVersion>(client, 'SELECT id, article_id AS "articleId", version FROM articles WHERE id = ANY($1::text[])', [ids]);
    const heads = await query<StoredVersion & { url: string }>(
      client,
      'SELECT id, article_id AS "articleId", version, url FROM articles WHERE latest AND url = ANY($1::text[])',
      [urls],
    );
    const steps = planPuts(records, new Map(stored.map((v) => [v.id, v])), new Map(heads.map((v) => [v.url, v])));
    const written = steps.filter((step) => step.store);
    if (written.length === 0) return steps.map((step) => step.result);
    const inBatch = new Set(written.map((step) => step.record.id));
    const replacedHeads: string[] = [];
    for (const step of written) {
      const head = step.supersedes;
      // Only latest versions are linked: the version this one replaces gives up its links.
      const superseded = head ? await this.identities.unlink(client, head.id) : [];
      if (head && !inBatch.has(head.id)) replacedHeads.push(head.id);
      await this.identities.link(client, step.record);
      // After linking, so that an identity the new version still names keeps its id.
      await this.identities.dropOrphans(client, superseded);
    }
    if (replacedHeads.length > 0) {
      await query(client, 'UPDATE articles SET latest = false WHERE id = ANY($1::text[])', [replacedHeads]);
      await this.layers.drop(client, replacedHeads);
    }
    const col = <T>(value: (step: (typeof written)[number]) => T) => written.map(value);
    await query(
      client,
      `INSERT INTO articles (id, article_id, version, latest, url, outlet, published, title, ingested_at, record, body)
       SELECT u.id, u.article_id, u.version, u.latest, u.url, u.outlet, u.published, u.title, $12, u.record, u.body
       FROM unnest($1::text[], $2::text[], $3::int[], $4::boolean[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])
            AS u(id, article_id, version, latest, url, outlet, published, title, record, body, n)
       ORDER BY u.n`,
      [
        col((s) => s.record.id),
        col((s) => s.result.articleId),
        col((s) => s.result.version),
        col((s) => s.latestAfter),
        col((s) => s.url),
        col((s) => s.record.source.outlet),
        col((s) => s.record.published.date),
        col((s) => s.record.title?.text ?? null),
        col((s) => JSON.stringify(s.record)),
        col((s) => s.record.text),
        written.map((_, i) => i),
        ingestedAt,
      ],
    );
    // After linking: a quote's speaker and a figure's claimant identity are read from the record's entity links.
    await this.layers.add(
      client,
      written.filter((step) => step.latestAfter).map((step) => step.record),
    );
    await this.duplicates.add(client, written.map((step) => ({ record: step.record, supersedes: step.supersedes })));
    return steps.map((step) => step.result);
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const [row] = await query<ArticleRow & { record: string }>(this.pool, `SELECT ${META_COLUMNS}, a.record FROM articles a WHERE a.id = $1`, [id]);
    return row ? storedArticle(row) : null;
  }

  async getByUrl(url: string): Promise<StoredArticle | null> {
    const [row] = await query<ArticleRow & { record: string }>(this.pool, `SELECT ${META_COLUMNS}, a.record FROM articles a WHERE a.url = $1 AND a.latest`, [url]);
    return row ? storedArticle(row) : null;
  }

  async findIds(prefix: string, limit: number): Promise<string[]> {
    // Ids are compared byte by byte (COLLATE "C"); U+FFFF sorts after every character an id may hold.
    const rows = await query<{ id: string }>(this.pool, 'SELECT id FROM articles WHERE id >= $1 AND id < $2 ORDER BY id LIMIT $3', [
      prefix,
      `${prefix}\uFFFF`,
      Math.max(0, Math.floor(limit)),
    ]);
    return rows.map((r) => r.id);
  }

  async listArticles(options: PageOptions = {}): Promise<Page<ArticleMeta>> {
    const after = decodeArticleCursor(options.cursor, 's');
    const limit = pageSize(options.limit);
    const rows = await query<ArticleRow>(this.pool, `SELECT ${META_COLUMNS} FROM articles a WHERE a.latest AND a.seq > $1 ORDER BY a.seq LIMIT $2`, [
      after,
      limit + 1,
    ]);
    const items = rows.slice(0, limit);
    return { items: items.map(articleMeta), nextCursor: rows.length > limit ? listCursor(items.at(-1)!.seq) : null };
  }

  async search(typed: string, options: PageOptions = {}): Promise<Page<SearchHit>> {
    const offset = decodeArticleCursor(options.cursor, 'o');
    const limit = pageSize(options.limit);
    const words = queryWords(typed);
    if (words.length === 0) return { items: [], nextCursor: null };
    // Each word is a phrase of its own (phraseto_tsquery has no syntax: "al-Sharaa" stays one
    // phrase, quotes and stars are not operators); every word must match.
    const params: unknown[] = [...words];
    const tsquery = words.map((_, i) => `phraseto_tsquery('dossier_words', $${i + 1})`).join(' && ');
    const at = (value: unknown) => `$${params.push(value)}`;
    // Ranked first, carrying only seq and rank through the sort; the page's facts and text are read
    // after, for its rows only, and its snippets made here (textSnippet says why not ts_headline).
    const rows = await query<ArticleRow & { rank: number; body: string }>(
      this.pool,
      `WITH q AS (SELECT ${tsquery} AS query)
       SELECT ${META_COLUMNS}, a.body, p.rank
       FROM (SELECT a.seq, ts_rank(${at(RANK_WEIGHTS)}::float4[], a.search, q.query, ${RANK_NORMALIZATION}) AS rank
             FROM articles a, q WHERE a.latest AND a.search @@ q.query
             ORDER BY rank DESC, a.seq LIMIT ${at(limit + 1)} OFFSET ${at(offset)}) p
       JOIN articles a ON a.seq = p.seq
       ORDER BY p.rank DESC, p.seq`,
      params,
    );
    const items = rows.slice(0, limit).map((row) => ({ ...articleMeta(row), score: row.rank, snippet: textSnippet(row.body, words) }));
    return { items, nextCursor: rows.length > limit ? searchCursor(offset + limit) : null };
  }

  async versionsOf(idOrUrl: string): Promise<ArticleMeta[]> {
    const rows = await query<ArticleRow>(
      this.pool,
      `SELECT ${META_COLUMNS} FROM articles a
       WHERE a.article_id = coalesce((SELECT article_id FROM articles WHERE id = $1), (SELECT article_id FROM articles WHERE url = $1 AND latest))
       ORDER BY a.version`,
      [idOrUrl],
    );
    return rows.map(articleMeta);
  }

  async stats(): Promise<StoreStats> {
    const [counts] = await query<{ versions: number; articles: number }>(
      this.pool,
      'SELECT count(*) AS versions, count(*) FILTER (WHERE latest) AS articles FROM articles',
    );
    const [dates] = await query<{ first: string | null; last: string | null; undated: number }>(
      this.pool,
      'SELECT min(published) AS first, max(published) AS last, count(*) FILTER (WHERE published IS NULL) AS undated FROM articles WHERE latest',
    );
    const outlets = await query<{ name: string; articles: number }>(
      this.pool,
      'SELECT outlet AS name, count(*) AS articles FROM articles WHERE latest AND outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet COLLATE "C"',
    );
    return {
      articles: counts!.articles,
      versions: counts!.versions,
      outlets,
      undated: dates!.undated,
      firstPublished: dates!.first,
      lastPublished: dates!.last,
    };
  }

  async listIdentities(options: IdentityListOptions = {}): Promise<Page<IdentitySummary>> {
    return this.identities.list(options);
  }

  async getIdentity(idOrName: string): Promise<IdentityLookup> {
    return this.identities.get(idOrName);
  }

  async entityLinks(recordId: string): Promise<EntityLink[]> {
    const article = await this.getArticle(recordId);
    return article ? this.identities.linksOf(article.record) : [];
  }

  async listQuotes(options: QuoteListOptions = {}): Promise<Page<StoredQuote>> {
    return this.layers.listQuotes(options);
  }

  async listFigures(options: FigureListOptions = {}): Promise<Page<StoredFigure>> {
    return this.layers.listFigures(options);
  }

  async duplicatesOf(recordId: string): Promise<DuplicateOf[]> {
    return this.duplicates.duplicatesOf(recordId);
  }

  async independentSources(recordIds: readonly string[]): Promise<IndependentSources> {
    return closedSources(recordIds, (ids) => this.duplicates.linksTouching(ids));
  }

  async versionDiff(olderId: string, newerId: string): Promise<VersionDiff | null> {
    const [older, newer] = await Promise.all([this.getArticle(olderId), this.getArticle(newerId)]);
    return older && newer ? versionDiff(older.record, newer.record) : null;
  }

  /** Fingerprints and links the records stored before fingerprints existed, a batch per transaction under the writers' lock; gives how many. Done when the store opens. */
  async backfillFingerprints(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await transaction(this.pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
        return this.duplicates.backfillBatch(client);
      });
      if (done === 0) return total;
      total += done;
    }
  }

  /**
   * Problems of the database's contents, [] when none: the latest versions (one per article and
   * URL), identity counters against their links, links and indexed quotes and figures of older
   * versions, layers not wholly indexed, identities no article mentions, near-duplicate rows of records not stored.
   */
  async integrityProblems(): Promise<string[]> {
    const checks: [string, string][] = [
      ['articles with no latest version, or more than one', 'SELECT count(*) FROM (SELECT article_id FROM articles GROUP BY article_id HAVING count(*) FILTER (WHERE latest) != 1) x'],
      ['articles whose versions are not numbered 1, 2, 3…', 'SELECT count(*) FROM (SELECT article_id FROM articles GROUP BY article_id HAVING max(version) != count(*) OR bool_or(version = 1 AND id != article_id)) x'],
      [
        'identities whose article or mention counts disagree with their links',
        `SELECT count(*) FROM identities i
         WHERE i.articles != (SELECT count(DISTINCT record_id) FROM entity_links l WHERE l.identity_id = i.id)
            OR i.mentions != (SELECT coalesce(sum(mention_count), 0) FROM entity_links l WHERE l.identity_id = i.id)`,
      ],
      ['entity links to missing identities', 'SELECT count(*) FROM entity_links WHERE identity_id NOT IN (SELECT id FROM identities)'],
      ['entity links of records that are not a latest version', 'SELECT count(*) FROM entity_links l WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = l.record_id AND a.latest)'],
      ['identities that no article mentions', 'SELECT count(*) FROM identities WHERE articles = 0'],
      ...(['quotes', 'figures'] as const).flatMap((table): [string, string][] => [
        [`${table} of records that are not a latest version`, `SELECT count(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.record_id AND a.latest AND a.seq = t.article_seq)`],
        [
          `latest versions whose ${table} are not all indexed`,
          `SELECT count(*) FROM articles a WHERE a.latest AND json_array_length((a.record::json)->'${table}') != (SELECT count(*) FROM ${table} t WHERE t.record_id = a.id)`,
        ],
      ]),
    ];
    checks.push(...DUPLICATE_CHECKS);
    const problems: string[] = [];
    for (const [what, sql] of checks) {
      const [row] = await query<{ count: number }>(this.pool, sql);
      if (row!.count > 0) problems.push(`${row!.count} ${what}`);
    }
    return problems;
  }

  /** The pool, for the job queue that shares this store's database (postgres-job-queue.ts). */
  get connections(): Pool {
    return this.pool;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
