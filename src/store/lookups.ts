// What people type, resolved against a store: an article by id, id prefix or URL; a speaker or
// claimant by name; two stored records compared. Shared by the CLI (`dossier show`, `diff`,
// `quotes --speaker`, `figures --claimant`) and the HTTP API, so that both answer alike and only
// say it differently.
import type { AnalysisRecord } from '../model/record.ts';
import { buildStoryView, type StoryView } from '../link/stories/story-view.ts';
import type { FigureChange, ParagraphChange } from '../link/duplicates/version-diff.ts';
import type { ArticleMeta, IdentityName, IdentityOrTextFilter, IdentitySummary, Store, StoredArticle } from './store.ts';
import type { StoryListing } from './story-rows.ts';

/** What a typed key names: one stored article, none, or several (the ids it starts). Messages are one line, for people. */
export type ArticleLookup =
  | { status: 'found'; article: StoredArticle }
  | { status: 'unknown'; message: string }
  | { status: 'ambiguous'; ids: string[]; message: string };

/** How many ids an ambiguous prefix reports: two are shown, a third says there are more. */
const AMBIGUOUS_IDS = 3;

/**
 * The article `key` names: a URL (its latest version), an exact record id, or an unambiguous
 * prefix of one (as `dossier search` prints them).
 */
export async function findArticle(store: Store, key: string): Promise<ArticleLookup> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(key)) {
    const byUrl = await store.getByUrl(key);
    return byUrl ? { status: 'found', article: byUrl } : { status: 'unknown', message: `no stored article has the URL ${key}` };
  }
  const exact = await store.getArticle(key);
  if (exact) return { status: 'found', article: exact };
  const ids = await store.findIds(key.toLowerCase(), AMBIGUOUS_IDS);
  if (ids.length === 0) return { status: 'unknown', message: `no stored article has an id starting with ${JSON.stringify(key)}` };
  if (ids.length > 1) {
    return { status: 'ambiguous', ids, message: `${JSON.stringify(key)} is the start of several ids (${ids.slice(0, 2).join(', ')}${ids.length > 2 ? ', …' : ''}); give more of it` };
  }
  const article = await store.getArticle(ids[0]!);
  if (!article) throw new Error(`article ${ids[0]!} vanished while being read`);
  return { status: 'found', article };
}

/** The article `key` names as findArticle finds it; throws an Error with its one-line message for none or several (the command line's way of saying it). */
export async function findArticleOrThrow(store: Store, key: string): Promise<StoredArticle> {
  const lookup = await findArticle(store, key);
  if (lookup.status !== 'found') throw new Error(lookup.message);
  return lookup.article;
}

/** What changed between two stored records (`dossier diff`, GET /articles/:id/diff/:otherId): their facts, the figure changes, the paragraph changes. */
export interface VersionComparison {
  older: ArticleMeta;
  newer: ArticleMeta;
  /** Figures counting the same thing with another value or hedge; spans into each record's text. */
  figures: FigureChange[];
  /** Paragraphs changed, moved, added (in the newer text's order), then removed; `before` spans the older text, `after` the newer. */
  paragraphs: ParagraphChange[];
}

/** The indexed facts of a stored article, its record left out. */
export function metaOf(article: StoredArticle): ArticleMeta {
  const { record: _record, ...meta } = article;
  return meta;
}

/** What changed from `older` to `newer`, two stored records (any two: versions of one URL, a copy and its source, or unrelated ones). */
export async function compareArticles(store: Store, older: StoredArticle, newer: StoredArticle): Promise<VersionComparison> {
  const diff = await store.versionDiff(older.id, newer.id);
  if (diff === null) throw new Error(`article ${older.id} or ${newer.id} vanished while being read`);
  return { older: metaOf(older), newer: metaOf(newer), figures: diff.figures, paragraphs: diff.paragraphs };
}

/** The version stored before `article` at its URL, or a one-line message saying there is none. */
export async function previousVersion(store: Store, article: StoredArticle): Promise<{ status: 'found'; article: StoredArticle } | { status: 'none'; message: string }> {
  const before = (await store.versionsOf(article.id)).find((v) => v.version === article.version - 1);
  const previous = before ? await store.getArticle(before.id) : null;
  if (!previous) return { status: 'none', message: `${article.id} is the first version of its article: give a second id to compare it with` };
  return { status: 'found', article: previous };
}

/** A person filter as typed (`name`) and the identity it names, if any, with the store filter it makes. */
export interface WhoFilter {
  name: string;
  identity: IdentityName | null;
  filter: IdentityOrTextFilter;
}

/**
 * NAME as `dossier entity` looks it up: its identity when it names one, and in any case its text,
 * which matches speakers or claimants that have no identity; or the candidates when NAME names
 * several identities.
 */
export async function findWho(store: Store, name: string): Promise<{ status: 'found'; who: WhoFilter } | { status: 'ambiguous'; candidates: IdentitySummary[] }> {
  const lookup = await store.getIdentity(name);
  if (lookup.status === 'ambiguous') return lookup;
  const identity = lookup.status === 'found' ? { id: lookup.identity.id, name: lookup.identity.name } : null;
  return { status: 'found', who: { name, identity, filter: { identityId: identity?.id ?? null, text: name } } };
}

/** The story `key` names: a story id, or the id, id prefix or URL of an article in it; null when it names none. */
export async function findStory(store: Store, key: string): Promise<StoryListing | null> {
  const story = await store.getStory(key);
  if (story !== null) return story;
  const article = await findArticle(store, key);
  return article.status === 'found' ? store.getStory(article.article.id) : null;
}

/** How many independent sources the articles of `story` are (its latest records, as the view counts them). */
export async function storyIndependence(store: Store, story: StoryListing): Promise<number> {
  return (await store.independentSources(story.articles.map((a) => a.id))).count;
}

/** The view of `story` with `independent` sources (storyIndependence). Reads the latest record of each of its articles. */
export async function storyViewOf(store: Store, story: StoryListing, independent: number): Promise<StoryView> {
  const records: AnalysisRecord[] = [];
  for (const a of story.articles) {
    const stored = await store.getArticle(a.id);
    if (stored) records.push(stored.record);
  }
  return buildStoryView(story, records, independent);
}

/** The view of the story `key` names (findStory); null when it names none. */
export async function findStoryView(store: Store, key: string): Promise<StoryView | null> {
  const story = await findStory(store, key);
  return story === null ? null : storyViewOf(store, story, await storyIndependence(store, story));
}
