// Stories over HTTP and on the command line, on one store holding the two seeds (with the Anadolu
// seed dated 2025-07-23) and the bundled examples: GET /stories and `dossier stories --format json`
// list the same stories; GET /stories/:id, its timeline read page by page, and `dossier story ID
// --format json` give the same view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { seedPath } from '../../test/support/shared-data.ts';
import { databaseFolder, runCli } from '../../test/support/cli-run.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { StoryView } from '../link/stories/story-view.ts';
import { DISAGREEMENTS_GIVEN, QUOTES_PER_SPEAKER, SPEAKERS_QUOTED, StoryViews, TIMELINE_PAGE_SIZE, type StoryViewPage } from './routes/stories-routes.ts';
import { KeptAnswers } from './kept-answers.ts';
import { docId } from '../model/doc.ts';
import { makeRecord } from '../store/store.contract.ts';
import { buildServer } from './build-server.ts';
import { get } from './api-test-support.ts';
import type { FastifyInstance } from 'fastify';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));
let db: string;
let store: SqliteStore;
let app: FastifyInstance;

before(async () => {
  db = databaseFolder('api-stories').fresh();
  const ingest = await runCli('ingest', seedPath('ap'), seedPath('anadolu'), EXAMPLES, '--db', db, '--date', '2025-07-23');
  assert.equal(ingest.status, 0, ingest.stderr);
  store = await openSqliteStore(db, { mustExist: true });
  app = buildServer({ store, token: null });
});
after(async () => {
  await app.close();
  await store.close();
});

interface Summary {
  id: string;
  label: string;
  size: number;
  articles: string[];
  subEvents: { id: string; label: string; articles: string[] }[];
}

test('every stored article is in exactly one story; the CLI and the API list the same stories', async () => {
  const api: { items: Summary[]; nextCursor: string | null } = await get(app, '/stories?limit=100');
  const r = await runCli('stories', '--db', db, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), api.items);
  const ids = api.items.flatMap((s) => s.articles);
  const { items: stored } = await store.listArticles({ limit: 100 });
  assert.deepEqual([...ids].sort(), stored.map((a) => a.id).sort());
  for (const s of api.items) assert.deepEqual(s.subEvents.flatMap((e) => e.articles).sort(), [...s.articles].sort());
});

test('the two seeds tell one story: its view has the dated timeline, planned events, quotes by speaker, the hostage series and no conflict', async () => {
  const [ap] = (await store.search('Leavitt Hamas talks')).items;
  assert.ok(ap);
  const first: StoryViewPage = await get(app, `/stories/${ap.id.slice(0, 10)}`);
  const r = await runCli('story', first.id, '--db', db, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  // The API gives the timeline a page at a time and the first quotes and disagreements; it is the CLI's whole view so bounded.
  const view = JSON.parse(r.stdout) as StoryView;
  await assertServedOf(view, first);
  assert.equal(view.articles.length, 2, JSON.stringify(view.articles.map((a) => a.title)));
  const dated = view.timeline.map((t) => t.date).filter((d): d is string => d !== null && /^\d{4}/.test(d));
  assert.deepEqual(dated, [...dated].sort());
  assert.ok(view.timeline.some((t) => t.kind === 'quote' && t.date === '2025-03-05' && t.text.startsWith('Karoline Leavitt:')));
  assert.ok(view.timeline.some((t) => t.kind === 'figure' && t.text.startsWith('about 24 living hostages')));
  // "would meet … on Thursday": a planned meeting, dated the coming Thursday.
  assert.ok(view.timeline.some((t) => t.kind === 'event' && t.status === 'planned' && t.date === '2025-07-24' && /^meet/.test(t.text)));
  assert.ok(view.quotesBySpeaker.some((s) => s.speaker === 'Karoline Leavitt' && s.quotes.length >= 4));
  assert.ok(first.quotesBySpeaker.some((s) => s.speaker === 'Karoline Leavitt' && s.quoteCount >= 4 && s.quotes.length === QUOTES_PER_SPEAKER));
  assert.ok(view.people.some((p) => p.name === 'Karoline Leavitt' && p.roles.includes('White House press secretary')));
  assert.ok(view.series.some((s) => s.definition === 'living hostages' && s.points.some((p) => p.asOf === '2025-03-05')));
  assert.equal(view.disagreements.filter((d) => d.kind === 'conflict').length, 0);
  assert.deepEqual(view.sources.articles, 2);

  const text = await runCli('story', view.id, '--db', db);
  assert.match(text.stdout, /^Timeline$/m);
  assert.match(text.stdout, /2025-03-05 {2}figure {2}about 24 living hostages \(Israeli officials\)/);
});

/**
 * Checks that `first`, the first page of a story's view as the API gives it, is `whole` (the CLI's
 * view) bounded: every page of its timeline, read by cursor, makes the whole timeline; every
 * speaker is there with their count and first quotes; the first disagreements with their count;
 * the rest the same, on every page.
 */
async function assertServedOf(whole: StoryView, first: StoryViewPage): Promise<void> {
  const { timeline, timelineTotal, timelineNextCursor, quotesBySpeaker, disagreements, disagreementCount, ...rest } = first;
  const { timeline: wholeTimeline, quotesBySpeaker: wholeQuotes, disagreements: wholeDisagreements, articles: wholeArticles, ...wholeRest } = whole;
  assert.deepEqual(rest, { ...wholeRest, articles: wholeArticles.map(({ id, title, outlet, published }) => ({ id, title, outlet, published })) });
  const read = [...timeline];
  let cursor = timelineNextCursor;
  while (cursor !== null) {
    const next: StoryViewPage = await get(app, `/stories/${first.id}?cursor=${encodeURIComponent(cursor)}`);
    assert.deepEqual({ ...next, timeline: [], timelineNextCursor: null }, { ...first, timeline: [], timelineNextCursor: null }, 'every page has the same view but for its timeline');
    read.push(...next.timeline);
    cursor = next.timelineNextCursor;
  }
  assert.deepEqual(read, wholeTimeline);
  assert.equal(timelineTotal, wholeTimeline.length);
  assert.deepEqual(
    quotesBySpeaker.map((s) => [s.speaker, s.quoteCount]),
    wholeQuotes.map((s) => [s.speaker, s.quotes.length]),
  );
  quotesBySpeaker.forEach((s, i) => assert.deepEqual(s.quotes, i < SPEAKERS_QUOTED ? wholeQuotes[i]!.quotes.slice(0, QUOTES_PER_SPEAKER) : []));
  assert.deepEqual(disagreements, wholeDisagreements.slice(0, DISAGREEMENTS_GIVEN));
  assert.equal(disagreementCount, wholeDisagreements.length);
}

test('a story’s timeline comes a page at a time: limit sets the page size, pages follow by cursor, a foreign cursor is a 400', async () => {
  const [ap] = (await store.search('Leavitt Hamas talks')).items;
  assert.ok(ap);
  const r = await runCli('story', ap.id, '--db', db, '--format', 'json');
  const whole = (JSON.parse(r.stdout) as StoryView).timeline;
  assert.ok(whole.length > 2 * 7, `a timeline of ${whole.length} entries makes several pages of 7`);
  const seen: StoryView['timeline'] = [];
  let cursor: string | null = null;
  do {
    const page: StoryViewPage = await get(app, `/stories/${ap.id}?limit=7${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    assert.equal(page.timelineTotal, whole.length);
    assert.ok(page.timeline.length === 7 || page.timelineNextCursor === null);
    seen.push(...page.timeline);
    cursor = page.timelineNextCursor;
  } while (cursor !== null);
  assert.deepEqual(seen, whole);
  // Without a limit, a page holds TIMELINE_PAGE_SIZE entries.
  const first: StoryViewPage = await get(app, `/stories/${ap.id}`);
  assert.deepEqual(first.timeline, whole.slice(0, TIMELINE_PAGE_SIZE));
  assert.equal(first.timelineNextCursor === null, whole.length <= TIMELINE_PAGE_SIZE);
  const series: { nextCursor: string | null } = await get(app, '/figures/series?limit=1');
  assert.ok(series.nextCursor);
  await get(app, `/stories/${ap.id}?cursor=${series.nextCursor}`, 400);
  await get(app, `/stories/${ap.id}?cursor=nonsense`, 400);
  const page = await app.inject({ url: `/web/stories/${ap.id}?cursor=nonsense` });
  assert.equal(page.statusCode, 400);
});

test('a story page shows one page of the timeline, numbered, with links to the earlier and later entries', async () => {
  const [ap] = (await store.search('Leavitt Hamas talks')).items;
  assert.ok(ap);
  const first: StoryViewPage = await get(app, `/stories/${ap.id}`);
  const entries = (body: string) => body.match(/<li class="kind-/g)?.length ?? 0;
  const page1 = await app.inject({ url: `/web/stories/${first.id}` });
  assert.equal(page1.statusCode, 200);
  assert.equal(entries(page1.body), first.timeline.length);
  if (first.timelineNextCursor === null) {
    assert.doesNotMatch(page1.body, /id="timeline-pager"/);
    return;
  }
  assert.match(page1.body, new RegExp(`Entries 1–${first.timeline.length} of ${first.timelineTotal}`));
  assert.doesNotMatch(page1.body, /rel="prev"/);
  const later = /<a href="([^"]+)" rel="next">Later →<\/a>/.exec(page1.body)?.[1];
  assert.equal(later, `/web/stories/${encodeURIComponent(first.id)}?cursor=${first.timelineNextCursor}`);
  const page2 = await app.inject({ url: later!.replaceAll('&amp;', '&') });
  const second: StoryViewPage = await get(app, `/stories/${first.id}?cursor=${first.timelineNextCursor}`);
  assert.equal(entries(page2.body), second.timeline.length);
  assert.match(page2.body, new RegExp(`<ol class="timeline" id="timeline" start="${first.timeline.length + 1}">`));
  assert.match(page2.body, new RegExp(`<a href="/web/stories/${encodeURIComponent(first.id)}" rel="prev">← Earlier</a>`));
});

test('every story the API serves is the CLI’s view bounded; a large one’s page shows its first quotes and disagreements and links to the rest', async () => {
  const stories: { items: Summary[] } = await get(app, '/stories?limit=100');
  for (const story of stories.items) {
    const r = await runCli('story', story.id, '--db', db, '--format', 'json');
    await assertServedOf(JSON.parse(r.stdout) as StoryView, await get(app, `/stories/${story.id}`));
  }
  const largest = [...stories.items].sort((a, b) => b.size - a.size)[0]!;
  const view: StoryViewPage = await get(app, `/stories/${largest.id}`);
  assert.ok(view.disagreementCount > DISAGREEMENTS_GIVEN && view.quotesBySpeaker.length > SPEAKERS_QUOTED, 'the examples’ largest story has more of both than a page gives');
  const page = (await app.inject({ url: `/web/stories/${largest.id}` })).body;
  assert.equal(page.match(/<li class="disagreement">/g)?.length, DISAGREEMENTS_GIVEN);
  assert.match(page, new RegExp(`${view.disagreementCount - DISAGREEMENTS_GIVEN} more; each series' page lists those it takes part in`));
  const other = view.quotesBySpeaker[SPEAKERS_QUOTED]!;
  assert.match(page, new RegExp(`<ul class="plain" id="other-speakers"><li><a href="/web/quotes\\?speaker=${encodeURIComponent(other.speaker).replaceAll('%20', '\\+')}">all quotes of`));
});

test('an unknown story is a 404 and an exit status of 1', async () => {
  await get(app, '/stories/no-such-story', 404);
  const r = await runCli('story', 'no-such-story', '--db', db);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no story is named by "no-such-story"/);
});

test('a kept story view and page follow the store: an article joining the story shows at once', async () => {
  const [ap] = (await store.search('Leavitt Hamas talks')).items;
  assert.ok(ap);
  const before: StoryViewPage = await get(app, `/stories/${ap.id}`);
  assert.ok(before.articles.some((a) => a.id === ap.id));
  const page = await app.inject({ url: `/web/stories/${before.id}` });
  assert.equal(page.statusCode, 200);
  // The article with a paragraph added: another article (it has no URL), telling the same story.
  const stored = (await store.getArticle(ap.id))!;
  const text = `${stored.record.text}\n\nA paragraph added later.`;
  const [put] = await store.putArticles([{ ...stored.record, id: docId(text), text }]);
  assert.equal(put?.status, 'new');
  const after: StoryViewPage = await get(app, `/stories/${before.id}`);
  assert.deepEqual(after.articles.map((a) => a.id), [...before.articles.map((a) => a.id), docId(text)]);
  const pageAfter = await app.inject({ url: `/web/stories/${before.id}` });
  assert.ok(!page.body.includes(docId(text)) && pageAfter.body.includes(docId(text)));
});

test('a write elsewhere in the store keeps a story’s page and JSON as they were, without reading its records again', async () => {
  let recordsRead = 0;
  // The store as the server sees it, counting the record reads a story's view is built from.
  const counting = new Proxy(store, {
    get(target, property) {
      if (property === 'getArticle') return (id: string) => (recordsRead++, target.getArticle(id));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const server = buildServer({ store: counting, token: null });
  try {
    const [ap] = (await store.search('Leavitt Hamas talks')).items;
    const story = (await store.getStory(ap!.id))!;
    const page = await server.inject({ url: `/web/stories/${story.id}` });
    const json = await server.inject({ url: `/stories/${story.id}` });
    assert.equal(page.statusCode, 200);
    assert.ok(recordsRead >= story.articles.length);
    const read = recordsRead;

    const changeBefore = await store.changeMark();
    const elsewhere = makeRecord({ title: 'Orchard growers in Veldmark count a late frost', paragraphs: ['Apple growers in Veldmark said a late frost in April cut the blossom by a third.'] });
    await store.putArticles([elsewhere]);
    assert.notEqual(await store.changeMark(), changeBefore);
    assert.notEqual((await store.getStory(elsewhere.id))!.id, story.id);

    const pageAgain = await server.inject({ url: `/web/stories/${story.id}` });
    const jsonAgain = await server.inject({ url: `/stories/${story.id}` });
    assert.equal(pageAgain.body, page.body);
    assert.equal(jsonAgain.body, json.body);
    assert.equal(recordsRead, read, 'no record was read again');
  } finally {
    await server.close();
  }
});

test('a story’s rendered answer is kept under the story’s own basis: a write elsewhere does not render it again, one to the story does', async () => {
  const views = new StoryViews(store);
  const answers = new KeptAnswers(store);
  let renders = 0;
  const render = (view: StoryView) => (renders++, `${view.id} ${view.timeline.length}`);
  const [ap] = (await store.search('Leavitt Hamas talks')).items;
  const first = await views.answer(answers, 'test', ap!.id, render);
  assert.equal(renders, 1);
  await store.putArticles([makeRecord({ title: 'Ferry timetable in Port Arvel changes for winter', paragraphs: ['Port Arvel ferries will sail twice a day from November, the harbour office said.'] })]);
  assert.deepEqual(await views.answer(answers, 'test', ap!.id, render), first);
  assert.equal(renders, 1);
  // The story itself changes: its basis moves, and the answer is made again.
  const stored = (await store.getArticle(ap!.id))!;
  const text = `${stored.record.text}\n\nAnother paragraph, added later still.`;
  await store.putArticles([{ ...stored.record, id: docId(text), text }]);
  assert.equal((await store.getStory(docId(text)))?.id, (await store.getStory(ap!.id))?.id);
  await views.answer(answers, 'test', ap!.id, render);
  assert.equal(renders, 2);
});
