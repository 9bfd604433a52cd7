// The stories part of the store contract: run by each backend's test file next to storeContract,
// on small invented reports of two events (a harbour fire, a ferry strike), made through the real
// pipeline. How well the linker tells similar events apart is the ECB+ evaluation's business
// (eval/stories.eval.ts); this checks that every backend stores and lists what it decides.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readPages } from './store.ts';
import { makeRecord, type TwoConnections } from './store.contract.ts';
import { storyProfile } from './story-rows.ts';
import { linkArticle, type StoryPlan } from '../link/stories/story-linker.ts';
import { MemoryStoryStore } from '../link/stories/memory-story-store.ts';

const fire = (n: number, url?: string) =>
  makeRecord({
    title: `Fire destroys warehouses at the Dunmere harbour`,
    paragraphs: [
      `DUNMERE (HW) — A fire destroyed ${n} warehouses at the Dunmere harbour on Monday, fire chief Arvid Solenne said.`,
      'Solenne said the blaze started in a fishing warehouse and spread along the quay overnight.',
      'Harbour traders said the losses were heavy.',
    ],
    outlet: n % 2 === 0 ? 'Eastwind Daily' : 'Civic Ledger',
    date: '2026-03-02',
    url: url ?? null,
  });

const strike = (n: number) =>
  makeRecord({
    title: 'Ferry crews in Port Kestria walk out over pay',
    paragraphs: [
      `PORT KESTRIA (HW) — Ferry crews began a ${n}-day strike on Tuesday, union leader Mirela Dovan told reporters.`,
      'Dovan said the crews want a new pay agreement before the summer timetable starts.',
      'Passengers crowded the bus station as sailings to the islands were cancelled.',
    ],
    outlet: n % 2 === 0 ? 'Eastwind Daily' : 'Civic Ledger',
    date: '2026-05-19',
  });

/** The stories contract; `open` gives a fresh, empty store. */
export function storyContract(name: string, open: () => Promise<TwoConnections>): void {
  describe(`story contract: ${name}`, () => {
    test('reports of one event form one story, another event another; paging, lookup by record, versions', async () => {
      const { store } = await open();
      try {
        const dunmere = [fire(12), fire(13, 'https://eastwind.example/dunmere-fire')];
        const kestria = [strike(4), strike(5)];
        await store.putArticles([dunmere[0]!, kestria[0]!]);
        await store.putArticles([dunmere[1]!, kestria[1]!]);

        const { items } = await readPages((page) => store.listStories({ ...page, limit: 1 }));
        assert.equal(items.length, 2, JSON.stringify(items.map((s) => [s.label, s.articles.map((a) => a.title)])));
        const storyOf = (id: string) => items.find((s) => s.articles.some((a) => a.id === id))!;
        assert.equal(storyOf(dunmere[0]!.id), storyOf(dunmere[1]!.id));
        assert.equal(storyOf(kestria[0]!.id), storyOf(kestria[1]!.id));
        assert.notEqual(storyOf(dunmere[0]!.id), storyOf(kestria[0]!.id));
        const story = storyOf(kestria[0]!.id);
        assert.equal(story.size, 2);
        assert.deepEqual([story.firstPublished, story.lastPublished], ['2026-05-19', '2026-05-19']);
        assert.match(story.label, /Kestria|Dovan/);
        assert.deepEqual(story.subEvents.flatMap((s) => s.articles).sort(), [kestria[0]!.id, kestria[1]!.id].sort());

        // By story id, or by the id of a record in it; unknown ids give null.
        assert.deepEqual(await store.getStory(story.id), story);
        assert.equal((await store.getStory(kestria[1]!.id))?.id, story.id);
        assert.equal(await store.getStory('no-such-story'), null);

        // A new version at the same URL stays in its article's story, listed by its latest record.
        const update = fire(14, 'https://eastwind.example/dunmere-fire');
        await store.putArticles([update]);
        const after = await store.getStory(update.id);
        assert.equal(after?.id, storyOf(dunmere[0]!.id).id);
        assert.equal(after?.size, 2);
        assert.ok(after?.articles.some((a) => a.id === update.id) && !after.articles.some((a) => a.id === dunmere[1]!.id));
        // Everything stored is linked: nothing is left to link.
        assert.equal(await store.linkStories(), 0);
      } finally {
        await store.close();
      }
    });

    test('stories, sub-events and join scores are what the linker decides in memory, when two connections take turns', async () => {
      // Scores depend on every document count (IDF), so they show counts a connection kept in
      // memory after another connection had linked articles since.
      const { store, connectAgain } = await open();
      const other = await connectAgain();
      try {
        const records = [fire(21), strike(2), strike(3), fire(22), fire(23), strike(6), fire(24), strike(8)];
        for (let i = 0; i < records.length; i += 2) await (i % 4 === 0 ? store : other).putArticles(records.slice(i, i + 2));
        const { items } = await readPages((page) => other.listStories(page));
        const listed = new Map(items.flatMap((story) => story.articles.map((a) => [a.id, { ...a, storyId: story.id }] as const)));

        const memory = new MemoryStoryStore();
        const plans = new Map<string, StoryPlan>();
        for (const record of records) {
          const plan = linkArticle(storyProfile(listed.get(record.id)!.articleId, record), memory);
          memory.apply(plan);
          plans.set(record.id, plan);
        }
        assert.equal(new Set([...plans.values()].map((p) => p.storyId)).size, 2);
        for (const record of records) {
          const plan = plans.get(record.id)!;
          const article = listed.get(record.id)!;
          assert.equal(article.storyId, plan.storyId, record.id);
          assert.equal(article.subEvent, plan.subEventId, record.id);
          if (plan.createdStory) assert.equal(article.score, null);
          else assert.ok(Math.abs(article.score! - plan.score!) < 1e-9, `${record.id}: stored ${article.score}, in memory ${plan.score}`);
        }
      } finally {
        await other.close();
        await store.close();
      }
    });
  });
}
