// What both backends share about stories (src/link/stories): the listing's shape, story summaries
// as stored JSON, the profile of an article to link, and the paging of the story listing. Stories
// are derived data: each backend links the articles it has not linked yet (the first version of
// each, in storage order) after every batch it stores and when it opens, so an interrupted link
// is simply done again, and an older store gets its stories the first time it is opened.
import type { AnalysisRecord } from '../model/record.ts';
import { profileArticle, type ArticleProfile } from '../link/stories/article-profile.ts';
import { storyLabel } from '../link/stories/story-labels.ts';
import type { StorySummary } from '../link/stories/story-linker.ts';
import { BadCursorError } from './store.ts';

/** A stored article as a story lists it: its latest record. */
export interface StoryArticle {
  id: string;
  articleId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  subEvent: string;
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
