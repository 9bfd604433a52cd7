// Stories on PostgreSQL: the story linker's three lookups answered from tables in rounds (the
// linker's asynchronous form), its plans applied, and the story listing. One transaction per batch
// of unlinked articles under an advisory lock, so that several workers sharing the database link
// each article once and in storage order.
import type { Pool, PoolClient } from 'pg';
import { StoryLinker, type StoryPlan } from '../../link/stories/story-linker.ts';
import { STORIES_PER_KEY } from '../../link/stories/story-settings.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import { pageSize, type Page, type PageOptions } from '../store.ts';
import { decodeStoryCursor, parseSummary, STORY_LINK_BATCH, storyCursor, storyListing, storyProfile, StoryCountCache, COUNTS_KEPT, groupStoryArticles, type StoryArticle, type StoryListing } from '../story-rows.ts';
import { query, transaction, type Runner } from './postgres-sql.ts';

// An arbitrary constant naming the story linkers' lock among the database's advisory locks.
const STORY_LOCK = 0x646f73_05;

/** Links every stored article not linked yet, in storage order; returns how many were linked. `counts`: the caller's document counts, kept between calls. */
export async function linkPendingStories(pool: Pool, counts: StoryCountCache): Promise<number> {
  let linked = 0;
  for (;;) {
    const done = await transaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [STORY_LOCK]);
      const [stored] = await query<{ n: number }>(client, `SELECT n FROM story_counts WHERE feature = ''`);
      if (counts.begin(stored?.n ?? 0)) counts.loadAll(await query<{ feature: string; n: number }>(client, 'SELECT feature, n FROM story_counts LIMIT $1', [COUNTS_KEPT + 1]));
      const rows = await query<{ articleId: string; record: string }>(
        client,
        `SELECT a.article_id AS "articleId", a.record FROM articles a
          WHERE a.version = 1 AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.article_id)
          ORDER BY a.seq LIMIT $1`,
        [STORY_LINK_BATCH],
      );
      for (const row of rows) await apply(client, counts, await plan(client, counts, row.articleId, JSON.parse(row.record) as AnalysisRecord));
      const increments = counts.flush();
      await client.query(
        `INSERT INTO story_counts (feature, n) SELECT f, i FROM unnest($1::text[], $2::int[]) AS t(f, i) ON CONFLICT (feature) DO UPDATE SET n = story_counts.n + excluded.n`,
        [increments.map(([f]) => f), increments.map(([, i]) => i)],
      );
      return rows.length;
    }).catch((error: unknown) => {
      // The batch was rolled back: counts kept from it were never stored.
      counts.drop();
      throw error;
    });
    if (done === 0) return linked;
    linked += done;
  }
}

async function plan(client: PoolClient, counts: StoryCountCache, articleId: string, record: AnalysisRecord): Promise<StoryPlan> {
  const linker = new StoryLinker(storyProfile(articleId, record));
  const unknown = counts.unknown(linker.featureKeys());
  if (unknown.length > 0) counts.learn(unknown, await query<{ feature: string; n: number }>(client, 'SELECT feature, n FROM story_counts WHERE feature = ANY($1::text[])', [unknown]));
  linker.setCounts(counts.counts());
  const keys = linker.blockingKeys();
  if (keys.length > 0) {
    const hits = await query<{ storyId: string; key: string }>(
      client,
      `SELECT h.story_id AS "storyId", k.feature AS key FROM unnest($1::text[]) AS k(feature)
         CROSS JOIN LATERAL (SELECT story_id FROM story_index i WHERE i.feature = k.feature ORDER BY i.seq DESC LIMIT $2) h`,
      [keys, STORIES_PER_KEY],
    );
    linker.addHits(hits);
    const ids = linker.candidateIds();
    if (ids.length > 0) {
      const rows = await query<{ summary: string }>(client, 'SELECT summary FROM stories WHERE id = ANY($1::text[])', [ids]);
      linker.addStories(rows.map((r) => parseSummary(r.summary)));
    }
  }
  return linker.plan();
}

async function apply(client: PoolClient, counts: StoryCountCache, plan: StoryPlan): Promise<void> {
  const [{ seq }] = (await query<{ seq: string }>(client, 'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM story_articles')) as [{ seq: string }];
  counts.add(plan.counted);
  await client.query(
    `INSERT INTO stories (id, label, size, summary, seq) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET label = excluded.label, size = excluded.size, summary = excluded.summary, seq = excluded.seq`,
    [plan.story.id, plan.story.label, plan.story.size, JSON.stringify(plan.story), seq],
  );
  await client.query(
    `INSERT INTO story_index (feature, story_id, seq) SELECT f, $2, $3 FROM unnest($1::text[]) AS f ON CONFLICT (feature, story_id) DO UPDATE SET seq = excluded.seq`,
    [plan.indexKeys, plan.storyId, seq],
  );
  await client.query('INSERT INTO story_articles (article_id, story_id, sub_event_id, score, sub_event_score, seq) VALUES ($1, $2, $3, $4, $5, $6)', [
    plan.articleId,
    plan.storyId,
    plan.subEventId,
    plan.score,
    plan.subEventScore,
    seq,
  ]);
}

/** Stories, the most recently joined first. */
export async function listStories(runner: Runner, options: PageOptions = {}): Promise<Page<StoryListing>> {
  const before = decodeStoryCursor(options.cursor) ?? Number.MAX_SAFE_INTEGER;
  const limit = pageSize(options.limit);
  const rows = await query<{ summary: string; seq: string }>(runner, 'SELECT summary, seq FROM stories WHERE seq < $1 ORDER BY seq DESC LIMIT $2', [before, limit + 1]);
  const page = rows.slice(0, limit);
  const summaries = page.map((r) => parseSummary(r.summary));
  const articles = await articlesOf(runner, summaries.map((s) => s.id));
  return { items: summaries.map((s) => storyListing(s, articles.get(s.id) ?? [])), nextCursor: rows.length > limit ? storyCursor(Number(page.at(-1)!.seq)) : null };
}

/** One story by id, or the story of a record id; null when neither. */
export async function getStory(runner: Runner, id: string): Promise<StoryListing | null> {
  const rows = await query<{ summary: string }>(
    runner,
    `SELECT summary FROM stories WHERE id = $1
     UNION ALL
     SELECT t.summary FROM articles a JOIN story_articles s ON s.article_id = a.article_id JOIN stories t ON t.id = s.story_id WHERE a.id = $1
     LIMIT 1`,
    [id],
  );
  if (rows.length === 0) return null;
  const summary = parseSummary(rows[0]!.summary);
  return storyListing(summary, (await articlesOf(runner, [summary.id])).get(summary.id) ?? []);
}

async function articlesOf(runner: Runner, storyIds: readonly string[]): Promise<Map<string, StoryArticle[]>> {
  const rows = await query<StoryArticle & { storyId: string }>(
    runner,
    `SELECT l.id, l.article_id AS "articleId", l.title, l.outlet, l.published, s.sub_event_id AS "subEvent", s.score, s.story_id AS "storyId"
       FROM story_articles s JOIN articles l ON l.article_id = s.article_id AND l.latest
      WHERE s.story_id = ANY($1::text[]) ORDER BY s.seq`,
    [storyIds],
  );
  return groupStoryArticles(rows);
}
