// The embedded store: one SQLite file (better-sqlite3), WAL journal, schema by migrations,
// FTS5 over title and text. The full record is kept as JSON beside the columns that are queried.
// better-sqlite3 is synchronous; the methods are async only to match the Store interface.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AnalysisRecord } from '../../model/record.ts';
import {
  articleMeta,
  decodeArticleCursor,
  listCursor,
  MARK_CLOSE,
  MARK_OPEN,
  parseSnippet,
  searchCursor,
  SNIPPET_WORDS,
  storedArticle,
  TITLE_WEIGHT,
  type ArticleRow,
} from '../article-rows.ts';
import { closedSources } from '../duplicate-rows.ts';
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
import { SqliteDuplicates } from './sqlite-duplicates.ts';
import { SqliteFigures } from './sqlite-figures.ts';
import { SqliteIdentities } from './sqlite-identities.ts';
import { migrate } from './sqlite-migrations.ts';
import { SqliteQuotes } from './sqlite-quotes.ts';
import { SqliteStories } from './sqlite-stories.ts';
import type { StoryListing } from '../story-rows.ts';

/** `--db` when none is given: a file in the working folder. */
export const DEFAULT_SQLITE_PATH = 'dossier.db';

/** How to open the file: `mustExist` for commands that only read (no empty database is made by a typo). */
export interface SqliteOpenOptions {
  mustExist?: boolean;
}

/** Opens (creating if allowed) and migrates the SQLite store at `path` (`:memory:` for a throw-away one). */
export async function openSqliteStore(path: string, options: SqliteOpenOptions = {}): Promise<SqliteStore> {
  if (options.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new Error(`no database at ${path} (make one with dossier ingest, or name one with --db)`);
  }
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: options.mustExist ?? false, timeout: 10_000 });
  } catch (error) {
    throw new Error(`cannot open database ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL loses no committed transaction when the process dies, only on power loss.
    db.pragma('synchronous = NORMAL');
    migrate(db);
    const store = new SqliteStore(db, path);
    // Records stored before fingerprints existed (a store made by an older Dossier): resumable, see SqliteDuplicates.backfill.
    store.backfillFingerprints();
    // Articles stored before stories existed, or whose linking was interrupted, are linked now.
    await store.linkStories();
    return store;
  } catch (error) {
    db.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot use database ${path}: ${reason}`, { cause: error });
  }
}

const META_COLUMNS = 'a.seq, a.id, a.article_id, a.version, a.latest, a.url, a.outlet, a.published, a.title, a.ingested_at';

type MetaRow = ArticleRow;

/** The SQLite implementation of Store. Open it with `openSqliteStore`. */
export class SqliteStore implements Store {
  private readonly statements;
  private readonly identities;
  private readonly quotes;
  private readonly figures;
  private readonly duplicates;
  private readonly putBatch;
  private readonly searchPage;
  private readonly storyTables;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    /** The file this store keeps its data in. */
    readonly path: string,
  ) {
    this.storyTables = new SqliteStories(db);
    this.statements = {
      metaById: db.prepare<[string], MetaRow>(`SELECT ${META_COLUMNS} FROM articles a WHERE a.id = ?`),
      // The batch's stored records and the latest versions at its URLs, each looked up once before planning.
      storedOf: db.prepare<[string], StoredVersion>(
        'SELECT id, article_id AS articleId, version FROM articles WHERE id IN (SELECT value FROM json_each(?))',
      ),
      headsOf: db.prepare<[string], StoredVersion & { url: string }>(
        'SELECT id, article_id AS articleId, version, url FROM articles WHERE latest = 1 AND url IN (SELECT value FROM json_each(?))',
      ),
      recordById: db.prepare<[string], MetaRow & { record: string }>(`SELECT ${META_COLUMNS}, a.record FROM articles a WHERE a.id = ?`),
      latestByUrl: db.prepare<[string], MetaRow & { record: string }>(
        `SELECT ${META_COLUMNS}, a.record FROM articles a WHERE a.url = ? AND a.latest = 1`,
      ),
      clearLatest: db.prepare<[string]>('UPDATE articles SET latest = 0 WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO articles (id, article_id, version, latest, url, outlet, published, title, ingested_at, record)
         VALUES (@id, @articleId, @version, 1, @url, @outlet, @published, @title, @ingestedAt, @record)`,
      ),
      insertFts: db.prepare<[number | bigint, string | null, string]>('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
      idsFrom: db.prepare<[string, string, number], string>('SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?').pluck(),
      list: db.prepare<[number, number], MetaRow>(
        `SELECT ${META_COLUMNS} FROM articles a WHERE a.latest = 1 AND a.seq > ? ORDER BY a.seq LIMIT ?`,
      ),
      // Search in two steps: rank every match carrying only its seq and rank through the sort,
      // then read the facts and make the snippet (which reads and tokenizes the whole text) for
      // the page's rows only. Done in one statement, every match carried its facts and snippet.
      searchRanks: db.prepare<[string, number, number], { seq: number; rank: number }>(
        `SELECT f.rowid AS seq, bm25(articles_fts, ${TITLE_WEIGHT}, 1) AS rank
         FROM articles_fts f JOIN articles a ON a.seq = f.rowid
         WHERE articles_fts MATCH ? AND a.latest = 1
         ORDER BY rank, f.rowid LIMIT ? OFFSET ?`,
      ),
      searchHit: db.prepare<[string, number], MetaRow & { snippet: string }>(
        `SELECT ${META_COLUMNS}, snippet(articles_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', ${SNIPPET_WORDS}) AS snippet
         FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
         WHERE articles_fts MATCH ? AND articles_fts.rowid = ?`,
      ),
      versions: db.prepare<[string], MetaRow>(`SELECT ${META_COLUMNS} FROM articles a WHERE a.article_id = ? ORDER BY a.version`),
      counts: db.prepare<[], { versions: number; articles: number | null }>('SELECT count(*) AS versions, sum(latest) AS articles FROM articles'),
      dates: db.prepare<[], { first: string | null; last: string | null; undated: number | null }>(
        'SELECT min(published) AS first, max(published) AS last, sum(published IS NULL) AS undated FROM articles WHERE latest = 1',
      ),
      // data_version moves when another connection (another process) commits; total_changes()
      // counts the rows this connection has written. Together they move with every write.
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
      totalChanges: db.prepare<[], number>('SELECT total_changes()').pluck(),
      outlets: db.prepare<[], { name: string; articles: number }>(
        'SELECT outlet AS name, count(*) AS articles FROM articles WHERE latest = 1 AND outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet',
      ),
    };
    const s = this.statements;
    const identities = (this.identities = new SqliteIdentities(db));
    const quotes = (this.quotes = new SqliteQuotes(db));
    const figures = (this.figures = new SqliteFigures(db));
    const duplicates = (this.duplicates = new SqliteDuplicates(db, META_COLUMNS));
    // One read transaction: the page's rows are those that were ranked, whatever another process commits between.
    this.searchPage = db.transaction((match: string, limit: number, offset: number): Page<SearchHit> => {
      const ranks = s.searchRanks.all(match, limit + 1, offset);
      const items = ranks.slice(0, limit).map(({ seq, rank }) => {
        const row = s.searchHit.get(match, seq)!;
        return { ...articleMeta(row), score: -rank, snippet: parseSnippet(row.snippet) };
      });
      return { items, nextCursor: ranks.length > limit ? searchCursor(offset + limit) : null };
    });
    this.putBatch = db.transaction((records: readonly AnalysisRecord[], ingestedAt: string): PutResult[] => {
      const { ids, urls } = lookupKeys(records);
      const stored = new Map(s.storedOf.all(JSON.stringify(ids)).map((v) => [v.id, v]));
      const heads = new Map(s.headsOf.all(JSON.stringify(urls)).map((v) => [v.url, v]));
      const steps = planPuts(records, stored, heads);
      for (const step of steps) {
        if (!step.store) continue;
        const { record, result, supersedes: head } = step;
        // Only latest versions are linked: the version this one replaces gives up its links.
        const superseded = head ? identities.unlink(head.id) : [];
        if (head) {
          quotes.drop(head.id);
          figures.drop(head.id);
          s.clearLatest.run(head.id);
        }
        const title = record.title?.text ?? null;
        const { lastInsertRowid } = s.insert.run({
          id: record.id,
          articleId: result.articleId,
          version: result.version,
          url: step.url,
          outlet: record.source.outlet,
          published: record.published.date,
          title,
          ingestedAt,
          record: JSON.stringify(record),
        });
        s.insertFts.run(lastInsertRowid, title, record.text);
        identities.link(record);
        // After linking: a quote's speaker and a figure's claimant identity are read from the record's entity links.
        quotes.add(record, lastInsertRowid);
        figures.add(record, lastInsertRowid);
        // After linking, so that an identity the new version still names keeps its id.
        identities.dropOrphans(superseded);
      }
      duplicates.add(steps.flatMap((step) => (step.store ? [{ record: step.record, supersedes: step.supersedes }] : [])));
      return steps.map((step) => step.result);
    });
  }

  async putArticles(records: readonly AnalysisRecord[]): Promise<PutResult[]> {
    records.forEach(checkRecord);
    if (records.length === 0) return [];
    // IMMEDIATE: take the write lock before reading heads, so two writers never give out the same version.
    const results = this.putBatch.immediate(records, new Date().toISOString());
    // Stories are derived: linked after the batch is safely stored, in transactions of their own.
    this.storyTables.linkPending(new Map(records.map((r) => [r.id, r])));
    return results;
  }

  async linkStories(): Promise<number> {
    return this.storyTables.linkPending();
  }

  async listStories(options: PageOptions = {}): Promise<Page<StoryListing>> {
    return this.storyTables.list(options);
  }

  async getStory(id: string): Promise<StoryListing | null> {
    return this.storyTables.get(id);
  }

  async changeMark(): Promise<string> {
    return `${this.statements.dataVersion.get()}.${this.statements.totalChanges.get()}`;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = this.statements.recordById.get(id);
    return row ? storedArticle(row) : null;
  }

  async getByUrl(url: string): Promise<StoredArticle | null> {
    const row = this.statements.latestByUrl.get(url);
    return row ? storedArticle(row) : null;
  }

  async findIds(prefix: string, limit: number): Promise<string[]> {
    // Ids are compared as UTF-8 bytes; U+FFFF sorts after every character an id may hold.
    return this.statements.idsFrom.all(prefix, `${prefix}\uFFFF`, Math.max(0, Math.floor(limit)));
  }

  async listArticles(options: PageOptions = {}): Promise<Page<ArticleMeta>> {
    const after = decodeArticleCursor(options.cursor, 's');
    const limit = pageSize(options.limit);
    const rows = this.statements.list.all(after, limit + 1);
    const items = rows.slice(0, limit);
    return { items: items.map(articleMeta), nextCursor: rows.length > limit ? listCursor(items.at(-1)!.seq) : null };
  }

  async search(query: string, options: PageOptions = {}): Promise<Page<SearchHit>> {
    const offset = decodeArticleCursor(options.cursor, 'o');
    const limit = pageSize(options.limit);
    const words = queryWords(query);
    if (words.length === 0) return { items: [], nextCursor: null };
    // Each word becomes an FTS5 string ("" doubles a quote inside), so nothing typed is syntax.
    const match = words.map((word) => `"${word.replaceAll('"', '""')}"`).join(' ');
    return this.searchPage(match, limit, offset);
  }

  async versionsOf(idOrUrl: string): Promise<ArticleMeta[]> {
    const row = this.statements.metaById.get(idOrUrl) ?? this.statements.latestByUrl.get(idOrUrl);
    return row ? this.statements.versions.all(row.article_id).map(articleMeta) : [];
  }

  async stats(): Promise<StoreStats> {
    const counts = this.statements.counts.get()!;
    const dates = this.statements.dates.get()!;
    return {
      articles: counts.articles ?? 0,
      versions: counts.versions,
      outlets: this.statements.outlets.all(),
      undated: dates.undated ?? 0,
      firstPublished: dates.first,
      lastPublished: dates.last,
    };
  }

  async listIdentities(options: IdentityListOptions = {}): Promise<Page<IdentitySummary>> {
    return this.identities.list(options);
  }

  async getIdentity(idOrName: string): Promise<IdentityLookup> {
    return this.identities.get(idOrName);
  }

  async entityLinks(recordId: string): Promise<EntityLink[]> {
    const row = this.statements.recordById.get(recordId);
    if (!row) return [];
    return this.identities.linksOf(JSON.parse(row.record) as AnalysisRecord);
  }

  async listQuotes(options: QuoteListOptions = {}): Promise<Page<StoredQuote>> {
    return this.quotes.list(options);
  }

  async listFigures(options: FigureListOptions = {}): Promise<Page<StoredFigure>> {
    return this.figures.list(options);
  }

  async duplicatesOf(recordId: string): Promise<DuplicateOf[]> {
    return this.duplicates.duplicatesOf(recordId);
  }

  async independentSources(recordIds: readonly string[]): Promise<IndependentSources> {
    return closedSources(recordIds, async (ids) => this.duplicates.linksTouching(ids));
  }

  async versionDiff(olderId: string, newerId: string): Promise<VersionDiff | null> {
    const [older, newer] = [this.statements.recordById.get(olderId), this.statements.recordById.get(newerId)];
    return older && newer ? versionDiff(JSON.parse(older.record) as AnalysisRecord, JSON.parse(newer.record) as AnalysisRecord) : null;
  }

  /** Fingerprints and links the records stored before fingerprints existed (at most `maxBatches` transactions of `batchSize`); gives how many. Done when the store opens. */
  backfillFingerprints(maxBatches?: number, batchSize?: number): number {
    return this.duplicates.backfill(maxBatches, batchSize);
  }

  /**
   * Problems of the file itself, [] when none: SQLite's and FTS5's integrity checks, the FTS
   * index against the articles table (one index row per article row, same rowids), and the
   * identity tables against their links, the quotes and figures tables against the records and links, and the near-duplicate tables against the records.
   */
  integrityProblems(): string[] {
    const problems: string[] = [];
    const check = this.db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') problems.push(`integrity_check: ${String(check)}`);
    try {
      this.db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch (error) {
      problems.push(`fts integrity-check: ${error instanceof Error ? error.message : String(error)}`);
    }
    const orphans = this.db
      .prepare<[], { missing: number; extra: number }>(
        `SELECT (SELECT count(*) FROM articles WHERE seq NOT IN (SELECT rowid FROM articles_fts)) AS missing,
                (SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT seq FROM articles)) AS extra`,
      )
      .get()!;
    if (orphans.missing > 0) problems.push(`${orphans.missing} articles missing from the search index`);
    if (orphans.extra > 0) problems.push(`${orphans.extra} search index rows without an article`);
    problems.push(...this.identities.integrityProblems());
    problems.push(...this.quotes.integrityProblems());
    problems.push(...this.figures.integrityProblems());
    problems.push(...this.duplicates.integrityProblems());
    return problems;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
