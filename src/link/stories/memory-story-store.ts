// The story linker's lookups in memory, for the evaluation, the benchmark and tests; the SQLite
// store answers the same three lookups from tables (document counts, key -> story index, story
// summaries) and applies a StoryPlan in the transaction that stores the article.
import type { DocumentCounts } from './story-vectors.ts';
import { linkArticle, type StoryHit, type StoryLookups, type StoryPlan, type StorySummary } from './story-linker.ts';
import type { ArticleProfile } from './article-profile.ts';

/**
 * Stories kept per index key, most recently joined first. A table keeps them all and answers with
 * a LIMIT; memory keeps a few more than a lookup asks for, so that it stays bounded per key.
 */
const INDEX_KEPT = 32;

/** Document counts, the blocking index and story summaries in maps; `apply` records a plan. */
export class MemoryStoryStore implements StoryLookups {
  private articles = 0;
  private readonly counts = new Map<string, number>();
  private readonly index = new Map<string, string[]>();
  private readonly summaries = new Map<string, StorySummary>();
  /** Articles linked, so that one is never linked twice. */
  private readonly linked = new Set<string>();

  documentCounts(_keys: readonly string[]): DocumentCounts {
    // The whole table: a lookup may answer with more keys than asked, and copying the asked ones
    // cost a fifth of the linking time in the benchmark. The linker reads it before apply() changes it.
    return { articles: this.articles, counts: this.counts };
  }

  storiesByKeys(keys: readonly string[], perKey: number): StoryHit[] {
    const hits: StoryHit[] = [];
    for (const key of keys) for (const storyId of (this.index.get(key) ?? []).slice(0, perKey)) hits.push({ storyId, key });
    return hits;
  }

  stories(ids: readonly string[]): StorySummary[] {
    return ids.map((id) => this.summaries.get(id)).filter((s): s is StorySummary => s !== undefined);
  }

  /** Records a plan: counts, the story's summary, its index keys, and the article as linked. */
  apply(plan: StoryPlan): void {
    if (this.linked.has(plan.articleId)) throw new Error(`story store: article ${plan.articleId} is linked already`);
    this.articles++;
    for (const k of plan.counted) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    this.summaries.set(plan.story.id, plan.story);
    for (const key of plan.indexKeys) {
      const list = this.index.get(key) ?? [];
      const at = list.indexOf(plan.storyId);
      if (at >= 0) list.splice(at, 1);
      list.unshift(plan.storyId);
      if (list.length > INDEX_KEPT) list.length = INDEX_KEPT;
      this.index.set(key, list);
    }
    this.linked.add(plan.articleId);
  }

  /** Links one article: plans against this store and applies the plan. */
  link(profile: ArticleProfile): StoryPlan {
    const plan = linkArticle(profile, this);
    this.apply(plan);
    return plan;
  }

  /** A story's summary, or null. */
  story(id: string): StorySummary | null {
    return this.summaries.get(id) ?? null;
  }

  /** How many stories and distinct features the store holds (memory diagnostics). */
  size(): { articles: number; stories: number; features: number; indexKeys: number } {
    return { articles: this.articles, stories: this.summaries.size, features: this.counts.size, indexKeys: this.index.size };
  }
}
