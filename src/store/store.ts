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
//
// Entity identities (one per person, organisation, place, group or event across the store):
//   - Storing a record links each entity of its `entities` layer to an identity, in the same
//     transaction, by the rules of ../link/entities/entity-linker.ts: candidates are looked up by
//     normalised name keys, so the cost of an article does not grow with the store.
//   - Only the latest version of an article is linked. A new version drops the previous version's
//     links and titles, then links its own; an identity left with no link is deleted. Older
//     versions keep their records (their `entities` layers) but count nowhere.
//   - Decisions are not revisited when later articles arrive; "unchanged" records change nothing.
//
// Quotes (listQuotes):
//   - Storing a record indexes each quote of its `quotes` layer, in the same transaction, with its
//     speaker's identity (through the entity links above) and its date. Like entity links, only
//     latest versions count: a new version replaces its article's quotes.
//   - A quote's date is the quote's own date when it is a day (YYYY-MM-DD), else the article's
//     publication date; listings order and filter by it.
import type { IdentityRelationKind, LinkEvidence } from '../link/entities/entity-linker.ts';
import type { EntityType, Quote } from '../model/layers.ts';
import type { AnalysisRecord } from '../model/record.ts';
import type { Span, TextSpan } from '../model/span.ts';

export type { LinkEvidence } from '../link/entities/entity-linker.ts';

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

/** An identity and how much the latest versions of the stored articles mention it. */
export interface IdentitySummary {
  id: string;
  type: EntityType;
  /** Canonical name: the fullest seen ("Steve Witkoff" once a full name came; "International Criminal Court" over "ICC"). */
  name: string;
  /** True for an identity that stands for a bare surname several people share ("Biden"). */
  ambiguous: boolean;
  /** Articles (latest versions) that mention it. */
  articles: number;
  mentions: number;
}

/** Options of `listIdentities`: a page, optionally of one entity type. */
export interface IdentityListOptions extends PageOptions {
  type?: EntityType;
}

/** One title an identity was given ("White House press secretary"), when and where: dates are the articles' publication dates. */
export interface IdentityTitle {
  /** As the earliest article gives it; titles differing only in case and spacing are one. */
  title: string;
  /** Earliest and latest publication date of the articles stating it; null when none is dated. */
  firstDate: string | null;
  lastDate: string | null;
  /** The records stating it (latest versions), by date, undated last. */
  articles: { id: string; date: string | null }[];
}

/** An identity's entities in one article (latest version): which entities, how they were linked, every mention. */
export interface IdentityAppearance {
  /** The record id (the article's latest version). */
  id: string;
  articleId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  links: { entityId: string; name: string; evidence: LinkEvidence; note: string | null }[];
  /** Every mention, in text order: spans into the record's text. */
  mentions: TextSpan[];
}

/** A related identity: "demonym of" (this NORP is the demonym of that GPE) or "has demonym" (the other way). */
export interface RelatedIdentity extends IdentitySummary {
  relation: IdentityRelationKind | 'has demonym';
}

/** Everything the store knows about one identity. */
export interface IdentityDetail extends IdentitySummary {
  /** Other name forms of it in the articles (names and mention texts), each once, canonical name left out. */
  aliases: string[];
  related: RelatedIdentity[];
  /** Titles over time, earliest first. */
  titles: IdentityTitle[];
  /** Per article, by publication date (undated last). */
  appearances: IdentityAppearance[];
  /** For an ambiguous identity: the people it may stand for; else []. */
  candidates: IdentitySummary[];
}

/** What a name or id names: one identity, several (the candidates), or none. */
export type IdentityLookup =
  | { status: 'found'; identity: IdentityDetail }
  | { status: 'ambiguous'; candidates: IdentitySummary[] }
  | { status: 'unknown' };

/** How one entity of one stored record is linked. */
export interface EntityLink {
  recordId: string;
  entityId: string;
  identityId: string;
  evidence: LinkEvidence;
  note: string | null;
}

/** The speaker of a stored quote as the article writes it ("she", "a senior official"), and who that is across the store. */
export interface QuoteSpeaker extends TextSpan {
  /** The entity of the record it refers to ("e3"), or null. */
  entity: string | null;
  /** The identity that entity is linked to, with its canonical name now; null without an entity or a link. */
  identity: { id: string; name: string } | null;
}

/** One quote of an article's latest version, with the article's facts and the sentences that hold it. Spans point into the record's text. */
export interface StoredQuote {
  /** The record (the article's latest version) and the quote's place in its `quotes` layer. */
  recordId: string;
  index: number;
  articleId: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  /** The article's publication date (YYYY-MM-DD) or null. */
  published: string | null;
  /** What was said: the content only, without quote marks or cue. */
  content: TextSpan;
  kind: Quote['kind'];
  speaker: QuoteSpeaker | null;
  cue: TextSpan | null;
  /** When it was said, as the record gives it (a TIMEX value such as 2025-03-05), or null. */
  date: string | null;
  /** The sentence, or run of sentences, that holds the content and the cue; null when the record has no sentence there. */
  sentences: TextSpan | null;
}

/** Whose quotes: those whose speaker is linked to `identityId`, and those whose speaker has no identity and reads `text` (case aside). */
export interface QuoteSpeakerFilter {
  identityId: string | null;
  text: string | null;
}

/** Options of `listQuotes`: a page, optionally of one speaker, between two days (inclusive, YYYY-MM-DD, on the quote's date). */
export interface QuoteListOptions extends PageOptions {
  speaker?: QuoteSpeakerFilter;
  since?: string;
  until?: string;
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
  /** Identities mentioned in latest versions, most articles first (then most mentions, then id), by cursor; optionally of one type. */
  listIdentities(options?: IdentityListOptions): Promise<Page<IdentitySummary>>;
  /**
   * The identity with this exact id; else the one whose name or alias is `idOrName` once
   * normalised (case, diacritics, a leading "the" and a possessive do not matter); else the
   * person with this surname, or the organisation with these initials. Several -> the candidates.
   */
  getIdentity(idOrName: string): Promise<IdentityLookup>;
  /** The entity links of a stored record, in entity order; [] for a record not linked (unknown, without entities, or an older version). */
  entityLinks(recordId: string): Promise<EntityLink[]>;
  /**
   * Quotes of latest versions by their date (the quote's day, else the article's publication
   * date), newest first, undated last; within an article in text order; by cursor. Throws
   * RangeError when `since` or `until` is not YYYY-MM-DD.
   */
  listQuotes(options?: QuoteListOptions): Promise<Page<StoredQuote>>;
  close(): Promise<void>;
}

const ENTITY_TYPES = new Set<string>(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'OTHER']);

/** True for an entity type of the contract. */
export function isEntityType(type: string): type is EntityType {
  return ENTITY_TYPES.has(type);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const QUOTE_KINDS = new Set<string>(['direct', 'indirect', 'mixed']);

/** True for a span `[start, end)` inside a text of `length`, with a `text` string when `withText`. */
function isSpanInside(value: unknown, length: number, withText: boolean): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { start, end, text } = value as Partial<TextSpan>;
  return Number.isInteger(start) && Number.isInteger(end) && start! >= 0 && start! <= end! && end! <= length && (!withText || typeof text === 'string');
}

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
  // The entities layer is linked as the record is stored: refuse a malformed one before anything is written.
  if (!Array.isArray(r.entities)) return refuse('entities must be an array');
  const ids = new Set<string>();
  for (const [i, e] of r.entities.entries()) {
    const where = `entities[${i}]`;
    if (e === null || typeof e !== 'object') return refuse(`${where} must be an object`);
    if (typeof e.id !== 'string' || e.id === '' || ids.has(e.id)) refuse(`${where}.id must be a string unique in the record`);
    ids.add(e.id);
    if (typeof e.name !== 'string') refuse(`${where}.name must be a string`);
    if (typeof e.type !== 'string' || !isEntityType(e.type)) refuse(`${where}.type must be one of ${[...ENTITY_TYPES].join(', ')}`);
    if (!Array.isArray(e.titles) || !e.titles.every((t) => typeof t === 'string')) refuse(`${where}.titles must be an array of strings`);
    if (!Array.isArray(e.mentions)) return refuse(`${where}.mentions must be an array`);
    for (const m of e.mentions) {
      if (!isSpanInside(m, r.text!.length, true)) refuse(`${where}.mentions must be spans [start, end) with text, inside the text`);
    }
  }
  // Quotes are indexed as the record is stored, with the sentences that hold them: refuse malformed ones too.
  if (!Array.isArray(r.sentences) || !r.sentences.every((s) => isSpanInside(s, r.text!.length, false))) {
    refuse('sentences must be an array of spans [start, end) inside the text');
  }
  if (!Array.isArray(r.quotes)) return refuse('quotes must be an array');
  for (const [i, q] of r.quotes.entries()) {
    const where = `quotes[${i}]`;
    if (q === null || typeof q !== 'object') return refuse(`${where} must be an object`);
    if (!isSpanInside(q, r.text!.length, true)) refuse(`${where} must be a span [start, end) with text, inside the text`);
    if (!QUOTE_KINDS.has(q.kind)) refuse(`${where}.kind must be one of ${[...QUOTE_KINDS].join(', ')}`);
    if (q.speaker !== null) {
      if (!isSpanInside(q.speaker, r.text!.length, true)) refuse(`${where}.speaker must be null or a span [start, end) with text, inside the text`);
      const entity = q.speaker.entity;
      if (entity !== null && entity !== undefined && (typeof entity !== 'string' || !ids.has(entity))) refuse(`${where}.speaker.entity must be null or the id of an entity of the record`);
    }
    if (q.cue !== null && !isSpanInside(q.cue, r.text!.length, true)) refuse(`${where}.cue must be null or a span [start, end) with text, inside the text`);
    if (q.date !== null && typeof q.date !== 'string') refuse(`${where}.date must be a string or null`);
  }
}

/** What a store indexes of one quote, computed alike by every backend (and by the SQLite backfill, ../store/migrations/sqlite/20261124T1200-quotes.sql). */
export interface QuoteIndexFacts {
  /** Its place in the record's `quotes` layer. */
  index: number;
  /** Its place in text order within the record (by start, end, then index), from 0. */
  position: number;
  /** The quote's date when it is a day, else the article's publication date; null: undated. */
  day: string | null;
  speakerEntity: string | null;
  speakerText: string | null;
  /** The run of sentences overlapping the content or the cue, or null when none does. */
  sentences: Span | null;
}

/** The index facts of every quote of a record checked by `checkRecord`, in layer order. */
export function quoteIndexFacts(record: AnalysisRecord): QuoteIndexFacts[] {
  const order = record.quotes.map((q, index) => ({ q, index })).sort((a, b) => a.q.start - b.q.start || a.q.end - b.q.end || a.index - b.index);
  const position = new Map(order.map(({ index }, rank) => [index, rank]));
  return record.quotes.map((q, index) => {
    const lo = Math.min(q.start, q.cue?.start ?? q.start);
    const hi = Math.max(q.end, q.cue?.end ?? q.end);
    const overlapping = record.sentences.filter((s) => s.end > lo && s.start < hi);
    return {
      index,
      position: position.get(index)!,
      day: q.date !== null && DAY.test(q.date) ? q.date : record.published.date,
      speakerEntity: q.speaker?.entity ?? null,
      speakerText: q.speaker?.text ?? null,
      sentences:
        overlapping.length === 0
          ? null
          : { start: Math.min(...overlapping.map((s) => s.start)), end: Math.max(...overlapping.map((s) => s.end)) },
    };
  });
}

/** `since`/`until` of QuoteListOptions, checked; throws RangeError for anything but YYYY-MM-DD. */
export function checkDayBounds(options: Pick<QuoteListOptions, 'since' | 'until'>): void {
  for (const [name, value] of [['since', options.since], ['until', options.until]] as const) {
    if (value !== undefined && !DAY.test(value)) throw new RangeError(`${name} must be a day as YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
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
