// The one store interface: what ingest writes to and what the CLI, API and web page read from.
// SQLite (sqlite/) is the embedded default; PostgreSQL will implement the same interface and pass
// the same contract tests (store.contract.ts). Everything is async so that a networked backend fits.
//
// Identity and versions:
//   - A stored record is keyed by its `id`, the hash of its text (docId): the same text is stored once.
//   - An *article* is what the records are versions of. A record whose `source.url` is already
//     stored with a different text becomes the next version of that URL's article (version + 1);
//     older versions are kept. The article's id (`articleId`) is the record id of its first version.
//   - A record without a URL is its own article: a different text is a different article.
//   - Re-storing a text already stored changes nothing, whatever its URL or path ("unchanged"):
//     the first stored copy of a text wins.
import type { AnalysisRecord } from '../model/record.ts';
import type { Span } from '../model/span.ts';

/** What storing one record did: stored a new article, nothing (text already stored), or stored a new version of an article. */
export type PutStatus = 'new' | 'unchanged' | 'new version';

/** The outcome of one record of a `putArticles` batch, in the batch's order. */
export interface PutResult {
  id: string;
  status: PutStatus;
  /** The article this record is a version of (for "unchanged": the article of the copy already stored). */
  articleId: string;
  version: number;
}

/** The indexed facts of one stored record (one version of an article). */
export interface ArticleMeta {
  id: string;
  articleId: string;
  version: number;
  /** True for the newest version of its article. */
  latest: boolean;
  url: string | null;
  outlet: string | null;
  /** The record's publication date (YYYY-MM-DD) or null. */
  published: string | null;
  title: string | null;
  /** When this version was stored, ISO 8601 in UTC. */
  ingestedAt: string;
}

/** A stored record with its indexed facts. */
export interface StoredArticle extends ArticleMeta {
  record: AnalysisRecord;
}

/** One page of a paginated listing; pass `nextCursor` back to get the next page (null: no more). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursor pagination. Cursors are opaque strings from a previous page of the same listing. */
export interface PageOptions {
  cursor?: string | null;
  /** Page size; backends clamp it to 1..MAX_PAGE_SIZE. */
  limit?: number;
}

/** An excerpt of the matching text; `marks` are the matched words, as spans into `text`. */
export interface Snippet {
  text: string;
  marks: Span[];
}

/** A search match: the latest version of an article, its relevance (higher is better, comparable within one result list only) and a snippet. */
export interface SearchHit extends ArticleMeta {
  score: number;
  snippet: Snippet;
}

/** What the store holds: articles (latest versions), all versions, outlets by article count, the range of publication dates. */
export interface StoreStats {
  articles: number;
  versions: number;
  outlets: { name: string; articles: number }[];
  /** Articles (latest versions) with no publication date. */
  undated: number;
  firstPublished: string | null;
  lastPublished: string | null;
}

/** A record refused before anything of its batch was written; `index` is its position in the batch. */
export class RecordRejectedError extends Error {
  constructor(
    readonly index: number,
    readonly recordId: string,
    readonly reason: string,
  ) {
    super(`record ${index} (${recordId || 'no id'}) refused: ${reason}`);
    this.name = 'RecordRejectedError';
  }
}

/** A cursor that did not come from this listing. */
export class BadCursorError extends Error {
  constructor(cursor: string) {
    super(`not a cursor of this listing: ${JSON.stringify(cursor)}`);
    this.name = 'BadCursorError';
  }
}

/** The default page size and the largest one a backend serves. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;

/** The store. One implementation per backend; all of them pass `storeContract`. */
export interface Store {
  /**
   * Stores a batch of records in one transaction: either every record of the batch is stored
   * (or found unchanged) or none is. Records are handled in order, so a batch may hold several
   * versions of one URL. Throws RecordRejectedError for a malformed record (nothing written).
   */
  putArticles(records: readonly AnalysisRecord[]): Promise<PutResult[]>;
  /** The record with this exact id (any version), or null. */
  getArticle(id: string): Promise<StoredArticle | null>;
  /** The latest version of the article at this URL (exact match), or null. */
  getByUrl(url: string): Promise<StoredArticle | null>;
  /** Up to `limit` stored record ids that start with `prefix`, in id order (for short ids typed by people). */
  findIds(prefix: string, limit: number): Promise<string[]>;
  /** The latest version of every article, in the order they were stored (a new version moves its article to the end). */
  listArticles(options?: PageOptions): Promise<Page<ArticleMeta>>;
  /**
   * Latest versions whose title or text contain every word of `query`, best first (title matches
   * weigh more). `query` is words as a person types them; no character of it is search syntax,
   * and a query with no words finds nothing.
   */
  search(query: string, options?: PageOptions): Promise<Page<SearchHit>>;
  /** Every version of the article the record id or URL belongs to, oldest first; [] when unknown. */
  versionsOf(idOrUrl: string): Promise<ArticleMeta[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks that a record has what the store indexes, before anything is written; shared by every
 * backend so they refuse the same records. Throws RecordRejectedError.
 */
export function checkRecord(record: AnalysisRecord, index: number): void {
  const r = record as Partial<AnalysisRecord> | null;
  const id = typeof r?.id === 'string' ? r.id : '';
  const refuse = (reason: string): never => {
    throw new RecordRejectedError(index, id, reason);
  };
  if (r === null || typeof r !== 'object') return refuse('not an object');
  if (id === '' || id.length > 200) refuse('id must be a string of 1 to 200 characters');
  if (typeof r.text !== 'string') refuse('text must be a string');
  const source = r.source;
  if (source === null || typeof source !== 'object') return refuse('source must be an object');
  if (source.url !== null && typeof source.url !== 'string') refuse('source.url must be a string or null');
  if (source.outlet !== null && typeof source.outlet !== 'string') refuse('source.outlet must be a string or null');
  const date = r.published?.date;
  if (date !== null && (typeof date !== 'string' || !DAY.test(date))) refuse('published.date must be YYYY-MM-DD or null');
  if (r.title !== null && typeof r.title?.text !== 'string') refuse('title must be a span with text, or null');
}

/** The page size to use for `limit`: the default when absent, clamped to 1..MAX_PAGE_SIZE. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

/**
 * The words of a search query as a person typed it: white-space separated, each kept only if it
 * has a letter or digit. Backends quote each one as a phrase ("al-Sharaa" stays one phrase), so
 * operators, quotes and stars typed by a user are text, never syntax.
 */
export function queryWords(query: string): string[] {
  return query.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
}
