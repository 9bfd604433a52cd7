// What both backends share about stories (src/link/stories): the listing's shape, story summaries
// as stored JSON, the profile of an article to link, and the paging of the story listing. Stories
// are derived data: each backend links the articles it has not linked yet (the first version of
// each, in storage order) after every batch it stores and when it opens, so an interrupted link
// is simply done again, and an older store gets its stories the first time it is opened.
import type { AnalysisRecord } from '../model/record.ts';
import { profileArticle, type ArticleProfile } from '../link/stories/article-profile.ts';
import { storyLabel } from '../link/stories/story-labels.ts';
import type { StorySummary } from '../link/stories/story-linker.ts';
import type { DocumentCounts } from '../link/stories/story-vectors.ts';
import { BadCursorError } from './store.ts';

/** A stored article as a story lists it: its latest record. */
export interface StoryArticle {
  id: string;
  articleId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  subEvent: string;
  /** The cosine with the story's centroid when the article joined it; null for the article that founded it. */
  score: number | null;
}

/** One story: its label, its articles (latest records, in the order they joined) and its sub-events. */
export interface StoryListing {
  id: string;
  label: string;
  /** Articles in the story. */
  size: number;
  articles: StoryArticle[];
  subEvents: { id: string; label: string; articles: string[] }[];
  /** Earliest and latest publication dates among its articles, or null. */
  firstPublished: string | null;
  lastPublished: string | null;
}

/**
 * Story articles as a backend reads them (story id beside each; in joining order, each story's
 * founder first), grouped by story. The founder's score is its best candidate's, which it did
 * not join: a listing gives it none.
 */
export function groupStoryArticles(rows: readonly (StoryArticle & { storyId: string })[]): Map<string, StoryArticle[]> {
  const out = new Map<string, StoryArticle[]>();
  for (const { storyId, ...article } of rows) {
    const articles = out.get(storyId);
    if (articles === undefined) out.set(storyId, [{ ...article, score: null }]);
    else articles.push(article);
  }
  return out;
}

/** A story as listings give it to programs (`dossier stories --format json`, GET /stories): record ids, as in the analysis records. */
export function storySummary(s: StoryListing) {
  return {
    id: s.id,
    label: s.label,
    size: s.size,
    articles: s.articles.map((a) => a.id),
    subEvents: s.subEvents.map((e) => ({ id: e.id, label: e.label, articles: e.articles })),
    firstPublished: s.firstPublished,
    lastPublished: s.lastPublished,
  };
}

/** How many unlinked articles a backend reads at a time when it links. */
export const STORY_LINK_BATCH = 100;

/** The profile to link for an article: its first version's record, under the article's id (versions share a story). */
export function storyProfile(articleId: string, record: AnalysisRecord): ArticleProfile {
  return profileArticle({ ...record, id: articleId });
}

/** A stored summary, back from its JSON. */
export function parseSummary(json: string): StorySummary {
  return JSON.parse(json) as StorySummary;
}

/** A story listing from its summary and its articles (latest records, in joining order). */
export function storyListing(summary: StorySummary, articles: StoryArticle[]): StoryListing {
  const names = new Map(summary.names);
  const bySub = new Map<string, string[]>();
  for (const a of articles) bySub.set(a.subEvent, [...(bySub.get(a.subEvent) ?? []), a.id]);
  const centroids = new Map(summary.subEvents.map((s) => [s.id, s.centroid]));
  const dates = articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
  return {
    id: summary.id,
    label: summary.label,
    size: summary.size,
    articles,
    // Sub-events no longer in the summary (it keeps the most recent ones) are labelled by the story.
    subEvents: [...bySub].map(([id, ids]) => ({ id, label: centroids.has(id) ? storyLabel(centroids.get(id)!, names) : summary.label, articles: ids })),
    firstPublished: dates[0] ?? null,
    lastPublished: dates.at(-1) ?? null,
  };
}

/** The cursor after a story listed with update number `seq`. */
export const storyCursor = (seq: number) => `t${seq}`;

/** The update number a story cursor carries (stories come newest first: the page holds those below it); null without a cursor. Throws BadCursorError. */
export function decodeStoryCursor(cursor: string | null | undefined): number | null {
  if (cursor === undefined || cursor === null) return null;
  const m = /^t(\d{1,15})$/.exec(cursor);
  if (!m) throw new BadCursorError(cursor);
  return Number(m[1]);
}

/** How many stored document counts a connection keeps in memory at most (about 100 bytes each). */
export const COUNTS_KEPT = 300_000;

/**
 * Document counts of profile features for the story linker, kept in memory by the connection that
 * links: reading and incrementing a few hundred counts per article was half the cost of linking.
 * While the stored counts fit in COUNTS_KEPT, the cache holds all of them (complete: a feature it
 * does not hold occurs nowhere), so linking reads none; past that, counts are read once and kept.
 * The increments of a batch are summed in memory and written in one statement at the batch's end
 * (half of a batch's features repeat within it). The cache is valid while no other connection has
 * linked: the count of linked articles ('') only grows, and only by linking, so when the stored
 * one differs from ours at a batch's start another process has linked since, and the cache is
 * dropped. A rolled-back batch drops it too (drop()).
 */
export class StoryCountCache {
  /** Stored counts as of this connection's last look (0 for a feature known to be absent). */
  private readonly stored = new Map<string, number>();
  /** Increments of the batch being linked, not yet written. */
  private readonly pending = new Map<string, number>();
  /** True when `stored` holds every stored count. */
  private complete = false;
  /** The stored counts were found to be more than COUNTS_KEPT: never load them all again. */
  private tooMany = false;

  /**
   * At a batch's start, inside its transaction: `linked` is the stored count of linked articles.
   * Returns true when the caller should read all stored counts (at most COUNTS_KEPT + 1) and give
   * them to loadAll().
   */
  begin(linked: number): boolean {
    this.pending.clear();
    if (this.stored.get('') === linked && this.stored.size <= COUNTS_KEPT) return false;
    this.stored.clear();
    this.complete = false;
    this.stored.set('', linked);
    return !this.tooMany;
  }

  /** All stored counts, as read after begin() asked for them (at most COUNTS_KEPT + 1 rows). */
  loadAll(rows: readonly { feature: string; n: number }[]): void {
    if (rows.length > COUNTS_KEPT) {
      this.tooMany = true;
      return;
    }
    for (const row of rows) this.stored.set(row.feature, Number(row.n));
    this.complete = true;
  }

  /** The keys whose stored counts are not known yet: the caller reads them and gives them to learn(). */
  unknown(keys: readonly string[]): string[] {
    return this.complete ? [] : keys.filter((k) => !this.stored.has(k));
  }

  /** Stored counts read for `asked` (features without a row are counted 0). */
  learn(asked: readonly string[], rows: readonly { feature: string; n: number }[]): void {
    for (const k of asked) this.stored.set(k, 0);
    for (const row of rows) this.stored.set(row.feature, Number(row.n));
  }

  /** The counts the linker asks for: stored plus this batch's increments (a view, read before the next add()). */
  counts(): DocumentCounts {
    return {
      articles: (this.stored.get('') ?? 0) + (this.pending.get('') ?? 0),
      counts: { get: (k: string) => (this.stored.get(k) ?? 0) + (this.pending.get(k) ?? 0) },
    };
  }

  /** One more linked article with these features. */
  add(features: readonly string[]): void {
    this.pending.set('', (this.pending.get('') ?? 0) + 1);
    for (const k of features) this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
  }

  /** The batch's increments as [feature, increment] pairs to write, folded into the stored counts. */
  flush(): [string, number][] {
    const out = [...this.pending];
    for (const [k, n] of out) this.stored.set(k, (this.stored.get(k) ?? 0) + n);
    this.pending.clear();
    return out;
  }

  /** Forgets everything (a batch was rolled back). */
  drop(): void {
    this.stored.clear();
    this.pending.clear();
    this.complete = false;
  }
}
