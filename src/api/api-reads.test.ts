// The read routes of the API over the two seeds ingested for real and hand-written articles:
// real values checked against the store and against what the CLI prints for the same question,
// paging across pages, and the read errors (400, 404, 409).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../test/support/cli-run.ts';
import { buildLedger } from '../link/ledger/figure-ledger.ts';
import { docId } from '../model/doc.ts';
import { latestRecords, type ArticleMeta, type IdentityDetail, type IdentitySummary } from '../store/store.ts';
import { filledServer, get, HAND_ARTICLES, postJson, type FilledServer } from './api-test-support.ts';

let s: FilledServer;
before(async () => {
  s = await filledServer();
});
after(async () => s.close());

/** Every item of a listing, following `nextCursor` page after page with `limit`; also the number of pages. */
async function allPages<T>(url: string, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const page: { items: T[]; nextCursor: string | null } = await get(s.app, `${url}${sep}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    assert.ok(page.items.length <= limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== null);
  return { items, pages };
}

/** What a CLI command prints with --format json, run over the same database. */
async function cliJson<T>(...argv: string[]): Promise<T> {
  const r = await runCli(...argv, '--db', s.db, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

test('GET /stats is what the store holds: the seeds and the hand-written articles, one of them in two versions', async () => {
  const stats = await get(s.app, '/stats');
  assert.deepEqual(stats, await s.store.stats());
  assert.equal(stats.articles, s.seeds.size + 2);
  assert.equal(stats.versions, s.seeds.size + 3);
  assert.ok(stats.outlets.some((o: { name: string }) => o.name === 'Associated Press'));
  assert.ok(stats.outlets.some((o: { name: string; articles: number }) => o.name === 'Test Wire' && o.articles === 2));
});

test('GET /articles pages through the latest versions by cursor, each once, in the order the store lists them', async () => {
  const { items, pages } = await allPages<ArticleMeta>('/articles', 2);
  assert.equal(pages, 2);
  assert.deepEqual(items, (await s.store.listArticles({ limit: 100 })).items);
  assert.equal(new Set(items.map((a) => a.id)).size, items.length);
  for (const id of s.seeds.keys()) assert.ok(items.some((a) => a.id === id && a.latest));
});

test('GET /articles/:id gives the stored record with every layer, nothing dropped, and its entity links', async () => {
  for (const [id, record] of s.seeds) {
    const body = await get(s.app, `/articles/${id}`);
    // The whole record, field for field: the response schema must not have dropped anything.
    assert.deepEqual(body.record, record);
    assert.ok(body.record.entities.length > 0 && body.record.sentences.length > 0);
    const stored = (await s.store.getArticle(id))!;
    const { record: _record, ...meta } = stored;
    const { record: _body, links, ...bodyMeta } = body;
    assert.deepEqual(bodyMeta, meta);
    assert.deepEqual(links, await s.store.entityLinks(id));
    assert.ok(links.length > 0);
    // `dossier show` prints the same record.
    const shown = await runCli('show', id, '--db', s.db);
    assert.deepEqual(JSON.parse(shown.stdout), body.record);
    // A prefix names it as it does for `dossier show`.
    assert.equal((await get(s.app, `/articles/${id.slice(0, 10)}`)).id, id);
  }
});

test('GET /articles/:id answers 404 for no article and 409 with the ids for a prefix of several', async () => {
  const none = await get(s.app, '/articles/ffffffffffffffff0', 404);
  assert.deepEqual(none, { error: { status: 404, message: 'no stored article has an id starting with "ffffffffffffffff0"' } });
  assert.equal((await get(s.app, `/articles/${encodeURIComponent('https://nowhere.example/x')}`, 404)).error.message, 'no stored article has the URL https://nowhere.example/x');
  // Store short notes until two ids share their first character (at most 17 ids are needed).
  let ids = (await s.store.listArticles({ limit: 100 })).items.map((a) => a.id);
  for (let n = 1; new Set(ids.map((id) => id[0])).size === ids.length; n++) {
    ids.push(...(await postJson(s.app, { text: `Note ${n}\n\nA meeting number ${n} took place in Paris.` })).map((a) => a.id));
  }
  const first = ids.find((id, i) => ids.findIndex((other) => other[0] === id[0]) !== i)![0]!;
  const ambiguous = await get(s.app, `/articles/${first}`, 409);
  assert.equal(ambiguous.error.status, 409);
  assert.match(ambiguous.error.message, new RegExp(`^"${first}" is the start of several ids`));
  assert.ok(ambiguous.error.candidates.length >= 2 && ambiguous.error.candidates.every((id: string) => id.startsWith(first)));
});

test('GET /articles/:id/versions lists every version of the article, by id or by URL', async () => {
  const [v1, v2] = HAND_ARTICLES.versioned;
  const byUrl = await get(s.app, `/articles/${encodeURIComponent(v2!.url)}/versions`);
  assert.equal(byUrl.items.length, 2);
  assert.deepEqual(byUrl.items.map((v: ArticleMeta) => [v.version, v.latest, v.url]), [[1, false, v1!.url], [2, true, v2!.url]]);
  assert.equal(byUrl.articleId, byUrl.items[0].id);
  const byOldId = await get(s.app, `/articles/${byUrl.items[0].id}/versions`);
  assert.deepEqual(byOldId, byUrl);
  // The URL itself gives the latest version's record.
  const latest = await get(s.app, `/articles/${encodeURIComponent(v2!.url)}`);
  assert.equal(latest.id, byUrl.items[1].id);
  assert.equal(latest.record.text, v2!.text);
  assert.equal(latest.record.id, docId(v2!.text));
});

test('GET /search finds the articles containing every word, best first, paged by cursor', async () => {
  const first = await get(s.app, '/search?q=hostages&limit=1');
  assert.equal(first.query, 'hostages');
  assert.equal(first.items.length, 1);
  assert.notEqual(first.nextCursor, null);
  const { items, pages } = await allPages<{ id: string; snippet: { text: string; marks: { start: number; end: number }[] } }>('/search?q=hostages', 1);
  assert.equal(pages, 2);
  assert.deepEqual(new Set(items.map((h) => h.id)), new Set(s.seeds.keys()));
  for (const hit of items) {
    assert.ok(hit.snippet.marks.length > 0);
    for (const m of hit.snippet.marks) assert.equal(hit.snippet.text.slice(m.start, m.end).toLowerCase(), 'hostages');
  }
  // The same hits `dossier search` prints.
  const cli = await cliJson<{ hits: { id: string; score: number }[] }>('search', 'hostages');
  assert.deepEqual(items.map((h) => h.id), cli.hits.map((h) => h.id));
  assert.deepEqual((await get(s.app, '/search?q=Wilmington')).items.map((h: { title: string }) => h.title), ['Two Bidens in Delaware']);
  assert.deepEqual((await get(s.app, '/search?q=zebra%20hostages')).items, []);
  assert.equal((await get(s.app, '/search?q=%20%20', 400)).error.message, 'give the words to search for: q=WORDS');
  assert.match((await get(s.app, '/search', 400)).error.message, /querystring must have required property 'q'/);
});

test('GET /entities lists identities as `dossier entities` does, by type, paged', async () => {
  const cli = await cliJson<{ identities: IdentitySummary[] }>('entities', '--type', 'PERSON', '--limit', '1000');
  const { items, pages } = await allPages<IdentitySummary>('/entities?type=PERSON', 3);
  assert.ok(pages >= 2);
  assert.deepEqual(items, cli.identities);
  assert.ok(items.every((i) => i.type === 'PERSON'));
  for (const name of ['Karoline Leavitt', 'Joe Biden', 'Hunter Biden']) assert.ok(items.some((i) => i.name === name), name);
  const all = await get(s.app, '/entities?limit=1000');
  assert.equal(all.type, null);
  assert.ok(all.items.some((i: IdentitySummary) => i.type === 'ORG' && i.name === 'Hamas'));
  assert.match((await get(s.app, '/entities?type=ANIMAL', 400)).error.message, /querystring\/type must be equal to one of the allowed values/);
});

test('GET /entities/:idOrName shows one identity as `dossier entity` does; 404 for none, 409 with the candidates for several', async () => {
  const leavitt = await get<IdentityDetail>(s.app, '/entities/Karoline%20Leavitt');
  assert.deepEqual(leavitt, await cliJson('entity', 'Karoline Leavitt'));
  assert.equal(leavitt.type, 'PERSON');
  assert.ok(leavitt.titles.some((t: { title: string }) => /press secretary/i.test(t.title)));
  assert.equal(leavitt.appearances.length, 2);
  assert.deepEqual(await get(s.app, `/entities/${leavitt.id}`), leavitt);
  assert.equal((await get(s.app, '/entities/leavitt')).id, leavitt.id);

  const bidens = await get(s.app, '/entities/Biden', 409);
  assert.equal(bidens.error.message, '"Biden" names 2 entities; give one\'s id or full name');
  assert.deepEqual(bidens.error.candidates.map((c: IdentitySummary) => c.name).sort(), ['Hunter Biden', 'Joe Biden']);
  assert.equal((await get(s.app, '/entities/Nobody%20Atall', 404)).error.message, 'no stored entity is named "Nobody Atall"');
});

test('GET /quotes lists quotes as `dossier quotes` does: by speaker, between days, paged', async () => {
  type Quotes = { quotes: { recordId: string; index: number }[] };
  const cli = await cliJson<Quotes>('quotes', '--speaker', 'Leavitt', '--limit', '1000');
  const first = await get(s.app, '/quotes?speaker=Leavitt&limit=2');
  assert.deepEqual(first.speaker, { name: 'Leavitt', identity: { id: (await get(s.app, '/entities/Leavitt')).id, name: 'Karoline Leavitt' } });
  const { items, pages } = await allPages<{ speaker: { identity: { name: string } } }>('/quotes?speaker=Leavitt', 2);
  assert.ok(pages >= 2 && items.length >= 3);
  assert.deepEqual(items, cli.quotes);
  assert.ok(items.every((q) => q.speaker.identity.name === 'Karoline Leavitt'));

  const day = await get(s.app, '/quotes?since=2025-03-05&until=2025-03-05&limit=1000');
  assert.deepEqual([day.since, day.until], ['2025-03-05', '2025-03-05']);
  assert.deepEqual(day.items, (await cliJson<Quotes>('quotes', '--since', '2025-03-05', '--until', '2025-03-05', '--limit', '1000')).quotes);
  assert.ok(day.items.length > 0);
  assert.ok(day.items.every((q: { recordId: string }) => s.seeds.get(q.recordId)?.published.date === '2025-03-05'));

  assert.equal((await get(s.app, '/quotes?speaker=Biden', 409)).error.candidates.length, 2);
  assert.equal((await get(s.app, '/quotes?speaker=%20', 400)).error.message, 'speaker needs a name or an entity id');
  assert.equal((await get(s.app, '/quotes?until=2025-02-30', 400)).error.message, 'until must be a day as YYYY-MM-DD, not 2025-02-30');
  assert.match((await get(s.app, '/quotes?since=yesterday', 400)).error.message, /querystring\/since must match pattern/);
});

test('GET /figures lists figures as `dossier figures` does: by what they count and by claimant', async () => {
  type Figures = { figures: { figure: { text: string }; counts: string | null; low: number | null }[] };
  const hostages = await get(s.app, '/figures?counts=hostages&limit=1000');
  assert.equal(hostages.counts, 'hostages');
  assert.deepEqual(hostages.items, (await cliJson<Figures>('figures', '--counts', 'hostages', '--limit', '1000')).figures);
  const living = hostages.items.find((f: Figures['figures'][number]) => f.figure.text === 'about 24 living hostages');
  assert.ok(living, JSON.stringify(hostages.items.map((f: Figures['figures'][number]) => f.figure.text)));
  assert.deepEqual([living.low, living.high, living.hedge, living.counts, living.claimant.text], [24, 24, 'about', 'living hostages', 'Israeli officials']);

  const all = await allPages<unknown>('/figures', 2);
  assert.ok(all.pages >= 2);
  assert.deepEqual(all.items, (await cliJson<Figures>('figures', '--limit', '1000')).figures);
  const claimed = await get(s.app, '/figures?claimant=Israeli%20officials&limit=1000');
  assert.deepEqual(claimed.items, (await cliJson<Figures>('figures', '--claimant', 'Israeli officials', '--limit', '1000')).figures);
  assert.ok(claimed.items.length > 0);
  assert.equal((await get(s.app, '/figures?counts=%21%21', 400)).error.message, 'counts needs a word, such as counts=hostages');
});

test('GET /figures/series and GET /conflicts give the figure ledger, as `dossier conflicts` shows it', async () => {
  const ledger = buildLedger(await latestRecords(s.store));
  const series = await allPages('/figures/series', 2);
  assert.ok(series.pages >= 2);
  assert.deepEqual(series.items, ledger.series);

  const cli = await cliJson<{ disagreements: unknown[] }>('conflicts', '--kind', 'all', '--limit', '1000');
  const all = await get(s.app, '/conflicts?kind=all&limit=1000');
  assert.equal(all.kind, 'all');
  assert.deepEqual(all.items, cli.disagreements);
  // The seeds count living hostages and captives: different definitions, not a conflict.
  const definitions = await get(s.app, '/conflicts?kind=definition');
  assert.ok(definitions.items.length > 0);
  assert.ok(definitions.items.every((d: { kind: string }) => d.kind === 'different definition'));
  assert.ok(definitions.items.some((d: { earlier: { text: string }; later: { text: string } }) => [d.earlier.text, d.later.text].includes('about 24 living hostages')));
  assert.deepEqual((await get(s.app, '/conflicts')).kind, 'conflict');
  assert.match((await get(s.app, '/conflicts?kind=lies', 400)).error.message, /querystring\/kind must be equal to one of the allowed values/);
});

test('bad cursors and limits are 400s, unknown routes 404s, all as JSON errors', async () => {
  assert.equal((await get(s.app, '/articles?cursor=nonsense', 400)).error.status, 400);
  const seriesCursor = (await get(s.app, '/figures/series?limit=1')).nextCursor;
  assert.match((await get(s.app, `/conflicts?kind=all&cursor=${seriesCursor}`, 400)).error.message, /not a cursor of this listing/);
  assert.match((await get(s.app, '/quotes?limit=1001', 400)).error.message, /querystring\/limit must be <= 1000/);
  assert.match((await get(s.app, '/entities?limit=two', 400)).error.message, /querystring\/limit must be integer/);
  assert.deepEqual(await get(s.app, '/timelines', 404), { error: { status: 404, message: 'no route GET /timelines' } });
});
