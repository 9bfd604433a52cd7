// The story linker: articles grouped into stories (one real, developing event: one earthquake, one
// arrest) and, inside a story, into sub-events (a stricter level: the arrest, the charges filed
// later). Incremental: a new article joins the best story or starts one, and the store is never
// re-clustered; a decision is taken once, with the stories stored at the time.
//
// Pure, in the manner of the entity linker (../entities/entity-linker.ts): given one article's
// profile and what the store answers to three rounds of keyed lookups, it returns a StoryPlan that
// the store applies in the transaction that stores the article. No I/O, no clock, no randomness:
// the same profile and answers give the same plan (new ids are hashes of the founding article).
//   1. document counts of the article's features, and how many articles are linked (for IDF);
//   2. blocking: the stories indexed under the article's BLOCKING_KEYS heaviest features (its rarest,
//      most characteristic terms, entities and dates), at most STORIES_PER_KEY per key, the most
//      recently joined first;
//   3. the summaries of the MAX_CANDIDATES stories the most key weight points to.
// So an article costs a bounded number of lookups and of bounded summaries (a centroid of at most
// STORY_CENTROID_SIZE features, at most SUB_EVENTS_PER_STORY sub-events), however large the store.
//
// Decision: cosine of the article's TF-IDF vector (story-vectors.ts) and each candidate's
// centroid; the best one at STORY_THRESHOLD or above is joined (ties: the smaller story id), else
// the article founds a story. Inside the story, the same rule with the sub-events' centroids and
// SUB_EVENT_THRESHOLD. An article with no feature (an empty text) founds a story of its own.
import { createHash } from 'node:crypto';
import type { ArticleProfile } from './article-profile.ts';
import { storyLabel } from './story-labels.ts';
import {
  BLOCKING_KEYS,
  MAX_CANDIDATES,
  MIN_CONTENT_SCORE,
  STORIES_PER_KEY,
  STORY_CENTROID_SIZE,
  STORY_THRESHOLD,
  SUB_EVENT_CENTROID_SIZE,
  SUB_EVENT_THRESHOLD,
  SUB_EVENTS_PER_STORY,
} from './story-settings.ts';
import { addToCentroid, contentWeight, heaviest, similarity, weighProfile, type Centroid, type DocumentCounts, type Vector } from './story-vectors.ts';

/** A sub-event as its story's summary carries it. */
export interface SubEventSummary {
  id: string;
  /** Articles in it. */
  size: number;
  centroid: Centroid;
}

/** What the store keeps of a story and hands back as a candidate: bounded, whatever the story's size. */
export interface StorySummary {
  id: string;
  /** Articles in the story. */
  size: number;
  centroid: Centroid;
  /** [entity key, display name] for the entity keys of the centroid (for the label). */
  names: [string, string][];
  /** The most recently joined sub-events, most recent first, at most SUB_EVENTS_PER_STORY. */
  subEvents: SubEventSummary[];
  /** A short human label (story-labels.ts). */
  label: string;
}

/** One blocking hit: story `storyId` is indexed under `key`. */
export interface StoryHit {
  storyId: string;
  key: string;
}

/** The keyed lookups the linker needs; a store answers them from tables (memory-story-store.ts does it in memory). */
export interface StoryLookups {
  /** Round 1: how many articles are linked, and in how many each of `keys` occurs (absent = 0); the map may hold other keys too. */
  documentCounts(keys: readonly string[]): DocumentCounts;
  /** Round 2: for each key, at most `perKey` stories indexed under it, the most recently joined first. */
  storiesByKeys(keys: readonly string[], perKey: number): StoryHit[];
  /** Round 3: the summaries of these stories (unknown ids are left out). */
  stories(ids: readonly string[]): StorySummary[];
}

/** What linking one article changes; the store applies it in one transaction. */
export interface StoryPlan {
  articleId: string;
  storyId: string;
  createdStory: boolean;
  subEventId: string;
  createdSubEvent: boolean;
  /** Cosine with the story joined, or with the best candidate when the article founded a story; null when there was no candidate. */
  score: number | null;
  /** The same inside the story, for the sub-event; null for a founded story. */
  subEventScore: number | null;
  /** The story's summary after this article: the store replaces what it had. */
  story: StorySummary;
  /** Keys to index the story under (adding an indexed pair again moves it to the front). */
  indexKeys: string[];
  /** Features whose document count grows by one; the article count grows by one too. */
  counted: string[];
  /** How many candidate stories were scored (cost and diagnostics). */
  candidates: number;
}

/**
 * Links one article in three rounds (see the head of this file). For a store whose lookups are
 * asynchronous:
 *   const linker = new StoryLinker(profile);
 *   linker.setCounts(await store.documentCounts(linker.featureKeys()));
 *   linker.addHits(await store.storiesByKeys(linker.blockingKeys(), STORIES_PER_KEY));
 *   linker.addStories(await store.stories(linker.candidateIds()));
 *   const plan = linker.plan();
 */
export class StoryLinker {
  private vector: Vector | null = null;
  private blocking: string[] | null = null;
  private readonly hitWeight = new Map<string, number>();
  private readonly candidates = new Map<string, StorySummary>();

  constructor(private readonly profile: ArticleProfile) {}

  /** Round 1: the keys whose document counts are needed. */
  featureKeys(): string[] {
    return this.profile.features.map(([k]) => k);
  }

  /** The answer to round 1. */
  setCounts(counts: DocumentCounts): void {
    this.vector = weighProfile(this.profile, counts);
    this.blocking = null;
  }

  /** Round 2: the article's heaviest features; [] for an article without features. */
  blockingKeys(): string[] {
    this.blocking ??= heaviest(this.weighed(), BLOCKING_KEYS).map(([k]) => k);
    return [...this.blocking];
  }

  /** The answer to round 2. */
  addHits(hits: readonly StoryHit[]): void {
    const v = this.weighed();
    const seen = new Set<string>();
    for (const hit of hits) {
      const pair = `${hit.storyId}\n${hit.key}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      this.hitWeight.set(hit.storyId, (this.hitWeight.get(hit.storyId) ?? 0) + (v.get(hit.key) ?? 0));
    }
  }

  /** Round 3: the stories to score, those the most key weight points to first, at most MAX_CANDIDATES. */
  candidateIds(): string[] {
    return [...this.hitWeight]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_CANDIDATES)
      .map(([id]) => id);
  }

  /** The answer to round 3. */
  addStories(stories: readonly StorySummary[]): void {
    for (const s of stories) this.candidates.set(s.id, s);
  }

  /** The plan, from the answers given so far. */
  plan(): StoryPlan {
    const v = this.weighed();
    const articleId = this.profile.articleId;
    let best: StorySummary | null = null;
    let bestScore = -Infinity;
    const vContent = contentWeight(v);
    for (const id of [...this.candidates.keys()].sort()) {
      const story = this.candidates.get(id)!;
      const s = similarity(v, story.centroid, vContent);
      // A candidate whose content alone is too far is no candidate, whatever dates it shares.
      if (s.content < MIN_CONTENT_SCORE) continue;
      if (s.cosine > bestScore) {
        best = story;
        bestScore = s.cosine;
      }
    }
    const score = best === null ? null : bestScore;
    const counted = this.featureKeys();
    const indexKeys = this.blockingKeys();
    const candidates = this.candidates.size;
    const names = new Map(this.profile.names);

    if (best === null || v.size === 0 || bestScore < STORY_THRESHOLD) {
      const storyId = storyIdFor(articleId);
      const subEventId = subEventIdFor(articleId);
      const centroid = addToCentroid([], v, STORY_CENTROID_SIZE);
      const story: StorySummary = {
        id: storyId,
        size: 1,
        centroid,
        names: keptNames(centroid, names),
        subEvents: [{ id: subEventId, size: 1, centroid: addToCentroid([], v, SUB_EVENT_CENTROID_SIZE) }],
        label: storyLabel(centroid, names),
      };
      return { articleId, storyId, createdStory: true, subEventId, createdSubEvent: true, score, subEventScore: null, story, indexKeys, counted, candidates };
    }

    // Inside the story: the best sub-event at the stricter threshold, else a new one.
    let sub: SubEventSummary | null = null;
    let subScore = -Infinity;
    for (const s of best.subEvents) {
      const c = similarity(v, s.centroid, vContent).cosine;
      if (c > subScore || (c === subScore && sub !== null && s.id < sub.id)) {
        sub = s;
        subScore = c;
      }
    }
    const joinsSub = sub !== null && subScore >= SUB_EVENT_THRESHOLD;
    const subEvent: SubEventSummary = joinsSub
      ? { id: sub!.id, size: sub!.size + 1, centroid: addToCentroid(sub!.centroid, v, SUB_EVENT_CENTROID_SIZE) }
      : { id: subEventIdFor(articleId), size: 1, centroid: addToCentroid([], v, SUB_EVENT_CENTROID_SIZE) };
    const subEvents = [subEvent, ...best.subEvents.filter((s) => s.id !== subEvent.id)].slice(0, SUB_EVENTS_PER_STORY);

    const centroid = addToCentroid(best.centroid, v, STORY_CENTROID_SIZE);
    // The story's names first: a story keeps the spelling it was labelled with.
    const allNames = new Map([...names, ...best.names]);
    const story: StorySummary = {
      id: best.id,
      size: best.size + 1,
      centroid,
      names: keptNames(centroid, allNames),
      subEvents,
      label: storyLabel(centroid, allNames),
    };
    return {
      articleId,
      storyId: best.id,
      createdStory: false,
      subEventId: subEvent.id,
      createdSubEvent: !joinsSub,
      score,
      subEventScore: sub === null ? null : subScore,
      story,
      indexKeys,
      counted,
      candidates,
    };
  }

  private weighed(): Vector {
    if (this.vector === null) throw new Error(`story linker for article ${this.profile.articleId}: document counts were not given (round 1)`);
    return this.vector;
  }
}

/** All three rounds against synchronous lookups. */
export function linkArticle(profile: ArticleProfile, lookups: StoryLookups): StoryPlan {
  const linker = new StoryLinker(profile);
  linker.setCounts(lookups.documentCounts(linker.featureKeys()));
  const keys = linker.blockingKeys();
  if (keys.length > 0) {
    linker.addHits(lookups.storiesByKeys(keys, STORIES_PER_KEY));
    const ids = linker.candidateIds();
    if (ids.length > 0) linker.addStories(lookups.stories(ids));
  }
  return linker.plan();
}

/** The id of the story article `articleId` founds: stable, unique since an article founds at most one. */
export function storyIdFor(articleId: string): string {
  return createHash('sha256').update(`story\n${articleId}`, 'utf8').digest('hex').slice(0, 16);
}

/** The id of the sub-event article `articleId` founds. */
export function subEventIdFor(articleId: string): string {
  return createHash('sha256').update(`sub-event\n${articleId}`, 'utf8').digest('hex').slice(0, 16);
}

/** The names of the entity keys the centroid kept, in key order. */
function keptNames(centroid: Centroid, names: ReadonlyMap<string, string>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k] of centroid) {
    const name = names.get(k);
    if (name !== undefined) out.push([k, name]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
