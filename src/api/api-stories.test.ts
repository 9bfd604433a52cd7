// Stories over HTTP and on the command line, on one store holding the two seeds (with the Anadolu
// seed dated 2025-07-23) and the bundled examples: GET /stories and `dossier stories --format json`
// list the same stories; GET /stories/:id and `dossier story ID --format json` give the same view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { seedPath } from '../../test/support/shared-data.ts';
import { databaseFolder, runCli } from '../../test/support/cli-run.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { StoryView } from '../link/stories/story-view.ts';
import { docId } from '../model/doc.ts';
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
  const view: StoryView = await get(app, `/stories/${ap.id.slice(0, 10)}`);
  const r = await runCli('story', view.id, '--db', db, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), view);
  assert.equal(view.articles.length, 2, JSON.stringify(view.articles.map((a) => a.title)));
  const dated = view.timeline.map((t) => t.date).filter((d): d is string => d !== null && /^\d{4}/.test(d));
  assert.deepEqual(dated, [...dated].sort());
  assert.ok(view.timeline.some((t) => t.kind === 'quote' && t.date === '2025-03-05' && t.text.startsWith('Karoline Leavitt:')));
  assert.ok(view.timeline.some((t) => t.kind === 'figure' && t.text.startsWith('about 24 living hostages')));
  // "would meet … on Thursday": a planned meeting, dated the coming Thursday.
  assert.ok(view.timeline.some((t) => t.kind === 'event' && t.status === 'planned' && t.date === '2025-07-24' && /^meet/.test(t.text)));
  assert.ok(view.quotesBySpeaker.some((s) => s.speaker === 'Karoline Leavitt' && s.quotes.length >= 4));
  assert.ok(view.people.some((p) => p.name === 'Karoline Leavitt' && p.roles.includes('White House press secretary')));
  assert.ok(view.series.some((s) => s.definition === 'living hostages' && s.points.some((p) => p.asOf === '2025-03-05')));
  assert.equal(view.disagreements.filter((d) => d.kind === 'conflict').length, 0);
  assert.deepEqual(view.sources.articles, 2);

  const text = await runCli('story', view.id, '--db', db);
  assert.match(text.stdout, /^Timeline$/m);
  assert.match(text.stdout, /2025-03-05 {2}figure {2}about 24 living hostages \(Israeli officials\)/);
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
  const before: StoryView = await get(app, `/stories/${ap.id}`);
  assert.ok(before.articles.some((a) => a.id === ap.id));
  const page = await app.inject({ url: `/web/stories/${before.id}` });
  assert.equal(page.statusCode, 200);
  // The article with a paragraph added: another article (it has no URL), telling the same story.
  const stored = (await store.getArticle(ap.id))!;
  const text = `${stored.record.text}\n\nA paragraph added later.`;
  const [put] = await store.putArticles([{ ...stored.record, id: docId(text), text }]);
  assert.equal(put?.status, 'new');
  const after: StoryView = await get(app, `/stories/${before.id}`);
  assert.deepEqual(after.articles.map((a) => a.id), [...before.articles.map((a) => a.id), docId(text)]);
  const pageAfter = await app.inject({ url: `/web/stories/${before.id}` });
  assert.ok(!page.body.includes(docId(text)) && pageAfter.body.includes(docId(text)));
});
