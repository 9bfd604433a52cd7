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
//
// Figures (listFigures):
//   - Indexed like quotes, in the same transaction, from the record's `figures` layer: with its
//     claimant's identity, its date (the figure's `asOf` when a day, else the article's
//     publication date) and the words of what it counts. Only latest versions count.
//
// Near-duplicates (duplicatesOf, independentSources, versionDiff):
//   - Storing a record files its fingerprint under its lookup keys and links it, in the same
//     transaction, to the stored records it copies or is a version of, by the rules of
//     ../link/duplicates/duplicate-judge.ts: candidates are looked up by key (at most
//     MAX_KEY_CANDIDATES per key, duplicate-rows.ts), so the cost of an article does not grow
//     with the store.
//     A new version of a URL is always linked to the version it replaces as a `version`.
//   - Every version is fingerprinted and linked, older ones included: a link is a fact about two
//     texts and stays true when a newer version arrives. Links are not directed: each is read from
//     both of its records.
//   - Records stored before fingerprints existed are fingerprinted and linked when the store is
//     first opened by a Dossier that knows them (a resumable backfill, in storage order).
import type { DuplicateEvidence, DuplicateKind } from '../link/duplicates/duplicate-judge.ts';
import type { IndependentSources } from '../link/duplicates/independent-sources.ts';
import type { VersionDiff } from '../link/duplicates/version-diff.ts';
import type { IdentityRelationKind, LinkEvidence } from '../link/entities/entity-linker.ts';
import type { EntityType, Figure, Quote } from '../model/layers.ts';
import type { AnalysisRecord } from '../model/record.ts';
import type { Span, TextSpan } from '../model/span.ts';
import type { StoryListing } from './story-rows.ts';

export type { LinkEvidence } from '../link/entities/entity-linker.ts';
export type { DuplicateEvidence, DuplicateKind } from '../link/duplicates/duplicate-judge.ts';
export type { IndependentSources } from '../link/duplicates/independent-sources.ts';
export type { VersionDiff } from '../link/duplicates/version-diff.ts';

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

/** An identity as a listing names it: its id and its canonical name now. */
export interface IdentityName {
  id: string;
  name: string;
}

/** The speaker of a stored quote as the article writes it ("she", "a senior official"), and who that is across the store. */
export interface QuoteSpeaker extends TextSpan {
  /** The entity of the record it refers to ("e3"), or null. */
  entity: string | null;
  /** The identity that entity is linked to, with its canonical name now; null without an entity or a link. */
  identity: IdentityName | null;
}

/** Where a listed quote or figure stands: the record (the article's latest version), its place in the record's layer, and the article's facts. */
export interface StoredLayerItem {
  recordId: string;
  /** Its place in the record's layer (`quotes`, `figures`). */
  index: number;
  articleId: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  /** The article's publication date (YYYY-MM-DD) or null. */
  published: string | null;
}

/** One quote of an article's latest version, with the article's facts and the sentences that hold it. Spans point into the record's text. */
export interface StoredQuote extends StoredLayerItem {
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

/** Who asserts a stored figure as the article writes it ("Israeli officials"), and who that is across the store. The contract gives it no span. */
export interface FigureClaimant {
  text: string;
  /** The entity of the record it refers to ("e7"), or null. */
  entity: string | null;
  /** The identity that entity is linked to, with its canonical name now; null without an entity or a link. */
  identity: IdentityName | null;
}

/** One figure of an article's latest version, with the article's facts and the sentence that holds it. Spans point into the record's text. */
export interface StoredFigure extends StoredLayerItem {
  /** The figure as written ("about 24 living hostages"). */
  figure: TextSpan;
  low: Figure['low'];
  high: Figure['high'];
  hedge: Figure['hedge'];
  unit: Figure['unit'];
  /** What is counted, in the text's own words ("living hostages"), or null. */
  counts: Figure['counts'];
  claimant: FigureClaimant | null;
  /** The date the figure describes, as the record gives it (a TIMEX value such as 2025-03-05), or null. */
  asOf: string | null;
  /** The sentence that holds the figure (a run of sentences when it crosses a boundary); null when the record has no sentence there. */
  sentence: TextSpan | null;
}

/** Whose items: those whose speaker or claimant is linked to `identityId`, and those whose speaker or claimant has no identity and reads `text` (case aside). */
export interface IdentityOrTextFilter {
  identityId: string | null;
  text: string | null;
}

/** Between two days, inclusive, as YYYY-MM-DD; either may be absent. Items without a date pass no bound. */
export interface DayBounds {
  since?: string;
  until?: string;
}

/** Options of `listQuotes`: a page, optionally of one speaker, between two days (on the quote's date). */
export interface QuoteListOptions extends PageOptions, DayBounds {
  speaker?: IdentityOrTextFilter;
}

/**
 * Options of `listFigures`: a page, optionally of one claimant, between two days (on the figure's
 * date), and of figures whose `counts` holds the words of `counts` in a row, as whole words, case
 * and diacritics aside ("hostages" and "LIVING hostages" match "living hostages"; "hostage" does not).
 */
export interface FigureListOptions extends PageOptions, DayBounds {
  claimant?: IdentityOrTextFilter;
  counts?: string;
}

/** A stored record that another one copies (same text) or is a version of (same URL, or the same article lightly edited), with its facts. */
export interface DuplicateOf extends ArticleMeta {
  kind: DuplicateKind;
  evidence: DuplicateEvidence;
  /** Jaccard similarity of the two texts' shingle sets, 0..1 (1 for the same words). */
  similarity: number;
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
  /**
   * Figures of latest versions by their date (the figure's `asOf` when a day, else the article's
   * publication date), newest first, undated last; within an article in text order; by cursor.
   * A `counts` with no word finds nothing. Throws RangeError when `since` or `until` is not YYYY-MM-DD.
   */
  listFigures(options?: FigureListOptions): Promise<Page<StoredFigure>>;
  /** The stored records the record `recordId` (an exact id) is a copy or a version of, in either direction: most similar first, then in storage order; [] when unknown. */
  duplicatesOf(recordId: string): Promise<DuplicateOf[]>;
  /**
   * How many independent sources the records `recordIds` are: copies and versions of one another
   * count once, also when linked only through records outside the list. Groups keep the order of
   * `recordIds`; an unknown id is a source of its own.
   */
  independentSources(recordIds: readonly string[]): Promise<IndependentSources>;
  /** What changed from the record `olderId` to the record `newerId` (exact ids), paragraphs and figures; null when either is unknown. */
  versionDiff(olderId: string, newerId: string): Promise<VersionDiff | null>;
  /** Links the stored articles no story holds yet (each backend does it after storing a batch and when it opens); returns how many it linked. */
  linkStories(): Promise<number>;
  /** Stories, the most recently joined first, each with its articles (latest records) and sub-events. */
  listStories(options?: PageOptions): Promise<Page<StoryListing>>;
  /** One story by its id, or the story holding the record with this id; null when neither. */
  getStory(id: string): Promise<StoryListing | null>;
  /**
   * A mark of what the store holds, for caches of what it answers: the same mark while nothing is
   * written, another one once any write has committed, by this process or by another one sharing
   * the database. It may also move when nothing the store answers changed (a write rolled back):
   * a needless rebuild, never a stale answer.
   * Opaque, and only comparable with marks of the same open store. A cache reads the mark before
   * it reads the store, and keeps what it read under that mark: what it kept is then at least as
   * new as the mark, and good while the mark stays the same.
   */
  changeMark(): Promise<string>;
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
  const inText = (span: unknown, withText: boolean) => isSpanInside(span, r.text!.length, withText);
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
      if (!inText(m, true)) refuse(`${where}.mentions must be spans [start, end) with text, inside the text`);
    }
  }
  // Quotes are indexed as the record is stored, with the sentences that hold them: refuse malformed ones too.
  if (!Array.isArray(r.sentences) || !r.sentences.every((s) => inText(s, false))) {
    refuse('sentences must be an array of spans [start, end) inside the text');
  }
  // An entity reference (a speaker's, a claimant's) is null, absent, or an entity of this record.
  const isEntityRef = (entity: unknown) => entity === null || entity === undefined || (typeof entity === 'string' && ids.has(entity));
  if (!Array.isArray(r.quotes)) return refuse('quotes must be an array');
  for (const [i, q] of r.quotes.entries()) {
    const where = `quotes[${i}]`;
    if (q === null || typeof q !== 'object') return refuse(`${where} must be an object`);
    if (!inText(q, true)) refuse(`${where} must be a span [start, end) with text, inside the text`);
    if (!QUOTE_KINDS.has(q.kind)) refuse(`${where}.kind must be one of ${[...QUOTE_KINDS].join(', ')}`);
    if (q.speaker !== null) {
      if (!inText(q.speaker, true)) refuse(`${where}.speaker must be null or a span [start, end) with text, inside the text`);
      if (!isEntityRef(q.speaker.entity)) refuse(`${where}.speaker.entity must be null or the id of an entity of the record`);
    }
    if (q.cue !== null && !inText(q.cue, true)) refuse(`${where}.cue must be null or a span [start, end) with text, inside the text`);
    if (q.date !== null && typeof q.date !== 'string') refuse(`${where}.date must be a string or null`);
  }
  // Figures are indexed as the record is stored too, by claimant, date and what they count.
  if (!Array.isArray(r.figures)) return refuse('figures must be an array');
  const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
  const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
  for (const [i, f] of r.figures.entries()) {
    const where = `figures[${i}]`;
    if (f === null || typeof f !== 'object') return refuse(`${where} must be an object`);
    if (!inText(f, true)) refuse(`${where} must be a span [start, end) with text, inside the text`);
    if (!isNumberOrNull(f.low) || !isNumberOrNull(f.high)) refuse(`${where}.low and .high must be finite numbers or null`);
    if (f.low !== null && f.high !== null && f.low > f.high) refuse(`${where}.low must not be above .high`);
    for (const field of ['hedge', 'unit', 'counts', 'asOf'] as const) {
      if (!isStringOrNull(f[field])) refuse(`${where}.${field} must be a string or null`);
    }
    if (f.claimant !== null) {
      if (typeof f.claimant !== 'object' || typeof f.claimant.text !== 'string') refuse(`${where}.claimant must be null or an object with text`);
      if (!isEntityRef(f.claimant.entity)) refuse(`${where}.claimant.entity must be null or the id of an entity of the record`);
    }
  }
}

/** True for a TIMEX value that is a day (2025-03-05), the only kind listings order and filter by. */
export function isDay(value: string | null): value is string {
  return value !== null && DAY.test(value);
}

/** Each span's place in text order (by start, end, then its place in the layer), from 0, in layer order. */
function textOrderPositions(spans: readonly Span[]): number[] {
  const order = spans.map((span, index) => ({ span, index })).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.index - b.index);
  const positions: number[] = [];
  order.forEach(({ index }, rank) => (positions[index] = rank));
  return positions;
}

/** The run of `sentences` overlapping `[lo, hi)`, or null when none does. */
function sentencesAround(sentences: readonly Span[], lo: number, hi: number): Span | null {
  const overlapping = sentences.filter((s) => s.end > lo && s.start < hi);
  if (overlapping.length === 0) return null;
  return { start: Math.min(...overlapping.map((s) => s.start)), end: Math.max(...overlapping.map((s) => s.end)) };
}

/**
 * What a store indexes of one item of an indexed layer (a quote, a figure), computed alike by
 * every backend and by the SQLite backfills (../store/migrations/sqlite/20261124T1200-quotes.sql,
 * 20261124T1300-figures.sql).
 */
export interface LayerIndexFacts {
  /** Its place in the record's layer. */
  index: number;
  /** Its place in text order within the record (by start, end, then index), from 0. */
  position: number;
  /** The item's own date when it is a day, else the article's publication date; null: undated. */
  day: string | null;
  /** Who it is attributed to (a quote's speaker, a figure's claimant) as written, and the record's entity that refers to; null: nobody. */
  attributedTo: { entity: string | null; text: string } | null;
  /** The run of sentences holding it (a quote's content and cue, a figure), or null when none does. */
  sentences: Span | null;
}

/** The index facts of `items`, one layer of `record`, in layer order; `facts` gives an item's own date, whom it is attributed to, and the span its sentences must hold. */
function layerIndexFacts<T extends Span>(
  record: AnalysisRecord,
  items: readonly T[],
  facts: (item: T) => { date: string | null; attributedTo: { entity?: string | null; text: string } | null; holds: Span },
): LayerIndexFacts[] {
  const positions = textOrderPositions(items);
  return items.map((item, index) => {
    const { date, attributedTo, holds } = facts(item);
    return {
      index,
      position: positions[index]!,
      day: isDay(date) ? date : record.published.date,
      attributedTo: attributedTo === null ? null : { entity: attributedTo.entity ?? null, text: attributedTo.text },
      sentences: sentencesAround(record.sentences, holds.start, holds.end),
    };
  });
}

/** The index facts of every quote of a record checked by `checkRecord`: dated by the quote's date, attributed to its speaker, its sentences holding content and cue. */
export function quoteIndexFacts(record: AnalysisRecord): LayerIndexFacts[] {
  return layerIndexFacts(record, record.quotes, (q) => ({
    date: q.date,
    attributedTo: q.speaker,
    holds: { start: Math.min(q.start, q.cue?.start ?? q.start), end: Math.max(q.end, q.cue?.end ?? q.end) },
  }));
}

/** The index facts of every figure of a record checked by `checkRecord`: dated by its `asOf`, attributed to its claimant, its sentence holding it. */
export function figureIndexFacts(record: AnalysisRecord): LayerIndexFacts[] {
  return layerIndexFacts(record, record.figures, (f) => ({ date: f.asOf, attributedTo: f.claimant, holds: f }));
}

/** `since`/`until` of a listing, checked; throws RangeError for anything but YYYY-MM-DD. */
export function checkDayBounds(options: DayBounds): void {
  for (const [name, value] of [['since', options.since], ['until', options.until]] as const) {
    if (value !== undefined && !DAY.test(value)) throw new RangeError(`${name} must be a day as YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
}

/**
 * Items of a listing, page after page, until `max` are read (all, by default) or none is left, and
 * the cursor after the last item read. `list` reads one page; pages hold at most `pageLimit`.
 */
export async function readPages<T>(
  list: (page: { cursor: string | null; limit: number }) => Promise<Page<T>>,
  max = Infinity,
  pageLimit = MAX_PAGE_SIZE,
): Promise<Page<T>> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list({ cursor, limit: Math.min(pageLimit, max - items.length) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < max);
  return { items, nextCursor: cursor };
}

/** The records of the newest version of every stored article, in listing order, read a page at a time (for exports and the figure ledger). */
export async function* latestRecordStream(store: Store): AsyncGenerator<AnalysisRecord> {
  let cursor: string | null = null;
  do {
    const page: Page<ArticleMeta> = await store.listArticles({ cursor, limit: MAX_PAGE_SIZE });
    for (const meta of page.items) {
      if (!meta.latest) continue;
      const article = await store.getArticle(meta.id);
      if (article) yield article.record;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
}

/** The records of the newest version of every stored article, in listing order. Reads the whole store into memory: for commands that look across it (the figure ledger). */
export async function latestRecords(store: Store): Promise<AnalysisRecord[]> {
  const out: AnalysisRecord[] = [];
  for await (const record of latestRecordStream(store)) out.push(record);
  return out;
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
