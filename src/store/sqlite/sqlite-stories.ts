// Stories on SQLite: the story linker's three lookups answered from tables, its plans applied, and
// the story listing. Linking runs synchronously inside one IMMEDIATE transaction per batch of
// unlinked articles, so no other writer interleaves and an interrupted batch leaves nothing behind.
import type Database from 'better-sqlite3';
import { linkArticle, type StoryHit, type StoryLookups, type StoryPlan, type StorySummary } from '../../link/stories/story-linker.ts';
import type { DocumentCounts } from '../../link/stories/story-vectors.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import { pageSize, type Page, type PageOptions } from '../store.ts';
import { decodeStoryCursor, parseSummary, STORY_LINK_BATCH, storyCursor, storyListing, storyProfile, StoryCountCache, COUNTS_KEPT, groupStoryArticles, type StoryArticle, type StoryListing } from '../story-rows.ts';

type ArticleRow = StoryArticle & { storyId: string };

/** How many parsed story summaries a connection keeps: the stories being joined are few at any time. */
const PARSED_KEPT = 2000;

/** The story tables of one SQLite database. */
export class SqliteStories implements StoryLookups {
  private readonly statements;
  private readonly linkBatch;
  /** Parsed story summaries by story id, with the link number they were read at (most recently used last). */
  private readonly parsed = new Map<string, { seq: number; summary: StorySummary }>();
  /** Document counts, read once and written once per batch. */
  private readonly counts = new StoryCountCache();

  constructor(db: Database.Database) {
    this.statements = {
      pending: db.prepare<[number], { articleId: string; record: string }>(
        `SELECT a.article_id AS articleId, a.record FROM articles a
          WHERE a.version = 1 AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.article_id)
          ORDER BY a.seq LIMIT ?`,
      ),
      counts: db.prepare<[string], { feature: string; n: number }>(`SELECT feature, n FROM story_counts WHERE feature IN (SELECT value FROM json_each(?))`),
      byKey: db.prepare<[string, number], { storyId: string }>(`SELECT story_id AS storyId FROM story_index WHERE feature = ? ORDER BY seq DESC LIMIT ?`),
      summary: db.prepare<[string], { summary: string }>(`SELECT summary FROM stories WHERE id = ?`),
      nextSeq: db.prepare<[], { seq: number }>(`SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM story_articles`),
      allCounts: db.prepare<[number], { feature: string; n: number }>(`SELECT feature, n FROM story_counts LIMIT ?`),
      linked: db.prepare<[], { n: number }>(`SELECT n FROM story_counts WHERE feature = ''`),
      // One statement for a batch's increments (thousands of features): row by row cost a fifth of storing.
      addCounts: db.prepare(`INSERT INTO story_counts (feature, n) SELECT key, value FROM json_each(?) WHERE true ON CONFLICT (feature) DO UPDATE SET n = n + excluded.n`),
      seqOf: db.prepare<[string], { seq: number }>(`SELECT seq FROM stories WHERE id = ?`),
      putStory: db.prepare(`INSERT INTO stories (id, label, size, summary, seq) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET label = excluded.label, size = excluded.size, summary = excluded.summary, seq = excluded.seq`),
      index: db.prepare(`INSERT INTO story_index (feature, story_id, seq) VALUES (?, ?, ?) ON CONFLICT (feature, story_id) DO UPDATE SET seq = excluded.seq`),
      assign: db.prepare(`INSERT INTO story_articles (article_id, story_id, sub_event_id, score, sub_event_score, seq) VALUES (?, ?, ?, ?, ?, ?)`),
      list: db.prepare<[number, number], { summary: string; seq: number }>(`SELECT summary, seq FROM stories WHERE seq < ? ORDER BY seq DESC LIMIT ?`),
      articles: db.prepare<[string], ArticleRow>(
        `SELECT l.id, l.article_id AS articleId, l.title, l.outlet, l.published, s.sub_event_id AS subEvent, s.score, s.story_id AS storyId
           FROM story_articles s JOIN articles l ON l.article_id = s.article_id AND l.latest = 1
          WHERE s.story_id IN (SELECT value FROM json_each(?)) ORDER BY s.seq`,
      ),
      storyOfRecord: db.prepare<[string], { storyId: string }>(`SELECT s.story_id AS storyId FROM articles a JOIN story_articles s ON s.article_id = a.article_id WHERE a.id = ?`),
    };
    this.linkBatch = db.transaction((rows: { articleId: string; record: string }[], known: ReadonlyMap<string, AnalysisRecord>) => {
      if (this.counts.begin(this.statements.linked.get()?.n ?? 0)) this.counts.loadAll(this.statements.allCounts.all(COUNTS_KEPT + 1));
      for (const row of rows) this.apply(linkArticle(storyProfile(row.articleId, known.get(row.articleId) ?? (JSON.parse(row.record) as AnalysisRecord)), this));
      this.statements.addCounts.run(JSON.stringify(Object.fromEntries(this.counts.flush())));
      return rows.length;
    });
  }

  /**
   * Links every stored article not linked yet, in storage order; returns how many were linked.
   * `known`: records the caller holds already (the batch just stored), by id, so that they are not
   * parsed again from their stored JSON.
   */
  linkPending(known: ReadonlyMap<string, AnalysisRecord> = new Map()): number {
    let linked = 0;
    for (;;) {
      const rows = this.statements.pending.all(STORY_LINK_BATCH);
      if (rows.length === 0) return linked;
      try {
        linked += this.linkBatch.immediate(rows, known);
      } catch (error) {
        // The batch was rolled back: summaries and counts kept from it were never stored.
        this.parsed.clear();
        this.counts.drop();
        throw error;
      }
    }
  }

  documentCounts(keys: readonly string[]): DocumentCounts {
    const unknown = this.counts.unknown(keys);
    if (unknown.length > 0) this.counts.learn(unknown, this.statements.counts.all(JSON.stringify(unknown)));
    return this.counts.counts();
  }

  storiesByKeys(keys: readonly string[], perKey: number): StoryHit[] {
    return keys.flatMap((key) => this.statements.byKey.all(key, perKey).map((r) => ({ storyId: r.storyId, key })));
  }

  stories(ids: readonly string[]): StorySummary[] {
    const out: StorySummary[] = [];
    for (const id of ids) {
      // Parsing summaries was half of linking; a summary this connection wrote or read is kept
      // while the row's link number says it has not changed (another process may write too).
      const row = this.statements.seqOf.get(id);
      if (row === undefined) continue;
      const kept = this.parsed.get(id);
      if (kept && kept.seq === row.seq) {
        out.push(kept.summary);
        continue;
      }
      const stored = this.statements.summary.get(id);
      if (stored === undefined) continue;
      const summary = parseSummary(stored.summary);
      this.keep(id, row.seq, summary);
      out.push(summary);
    }
    return out;
  }

  private keep(id: string, seq: number, summary: StorySummary): void {
    this.parsed.delete(id);
    this.parsed.set(id, { seq, summary });
    if (this.parsed.size > PARSED_KEPT) this.parsed.delete(this.parsed.keys().next().value!);
  }

  private apply(plan: StoryPlan): void {
    const { seq } = this.statements.nextSeq.get()!;
    this.counts.add(plan.counted);
    this.statements.putStory.run(plan.story.id, plan.story.label, plan.story.size, JSON.stringify(plan.story), seq);
    this.keep(plan.story.id, seq, plan.story);
    for (const feature of plan.indexKeys) this.statements.index.run(feature, plan.storyId, seq);
    this.statements.assign.run(plan.articleId, plan.storyId, plan.subEventId, plan.score, plan.subEventScore, seq);
  }

  /** Stories, the most recently joined first. */
  list(options: PageOptions = {}): Page<StoryListing> {
    const before = decodeStoryCursor(options.cursor) ?? Number.MAX_SAFE_INTEGER;
    const limit = pageSize(options.limit);
    const rows = this.statements.list.all(before, limit + 1);
    const page = rows.slice(0, limit);
    const summaries = page.map((r) => parseSummary(r.summary));
    const articles = this.articlesOf(summaries.map((s) => s.id));
    return { items: summaries.map((s) => storyListing(s, articles.get(s.id) ?? [])), nextCursor: rows.length > limit ? storyCursor(page.at(-1)!.seq) : null };
  }

  /** One story by id, or the story of a record id; null when neither. */
  get(id: string): StoryListing | null {
    const ofRecord = () => {
      const storyId = this.statements.storyOfRecord.get(id)?.storyId;
      return storyId === undefined ? undefined : this.statements.summary.get(storyId);
    };
    const row = this.statements.summary.get(id) ?? ofRecord();
    if (row === undefined) return null;
    const summary = parseSummary(row.summary);
    return storyListing(summary, this.articlesOf([summary.id]).get(summary.id) ?? []);
  }

  private articlesOf(storyIds: readonly string[]): Map<string, StoryArticle[]> {
    return groupStoryArticles(this.statements.articles.all(JSON.stringify(storyIds)));
  }
}
