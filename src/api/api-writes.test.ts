// POST /articles (JSON, text, HTML, a URL through the fetch hook), what it stores and answers, its
// errors (400, 413, 415, 422, 501), the token rules for reads and writes, and 500s that tell nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readSeed } from '../../test/support/shared-data.ts';
import { InputError } from '../read/input-error.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { tokensEqual } from './access-control.ts';
import type { FetchPage } from './article-ingest.ts';
import { buildServer, type ServerOptions } from './build-server.ts';
import { AUTH, send, TOKEN } from './api-test-support.ts';

const stores: Store[] = [];
/** A server over a new, empty in-memory store. */
async function server(options: Partial<ServerOptions> = {}) {
  const store = await openSqliteStore(':memory:');
  stores.push(store);
  return { app: buildServer({ token: TOKEN, ...options, store }), store };
}
after(async () => {
  for (const store of stores) await store.close();
});

/** POSTs `payload` with `contentType` and the token. */
function post(app: Awaited<ReturnType<typeof server>>['app'], contentType: string | null, payload: string | Buffer | object, url = '/articles') {
  const headers: Record<string, string> = { ...AUTH };
  if (contentType !== null) headers['content-type'] = contentType;
  return send(app, { method: 'POST', url, headers, payload: payload as string });
}

let w: Awaited<ReturnType<typeof server>>;
before(async () => {
  w = await server({ bodyLimit: 64 * 1024 });
});

test('a JSON article is read as `dossier analyze` reads JSON objects and stored: 201, its id, and GET gives it back', async () => {
  const article = { text: 'Envoy lands in Rome\n\nSteve Witkoff arrived in Rome on Thursday, officials said.', url: 'https://news.example/rome', title: 'Envoy lands in Rome', outlet: 'Test Wire', date: '2025-07-24' };
  const a = await post(w.app, 'application/json', article);
  assert.equal(a.status, 201, a.text);
  assert.equal(a.body.articles.length, 1);
  const [stored] = a.body.articles;
  assert.deepEqual({ ...stored, id: undefined, articleId: undefined }, { id: undefined, articleId: undefined, status: 'new', version: 1 });
  assert.equal(stored.articleId, stored.id);
  assert.deepEqual(a.body.problems, []);
  assert.equal(a.headers['location'], `/articles/${stored.id}`);
  const got = (await send(w.app, { method: 'GET', url: `/articles/${stored.id}` })).body;
  assert.equal(got.record.source.url, article.url);
  assert.equal(got.record.source.outlet, 'Test Wire');
  assert.equal(got.record.published.date, '2025-07-24');
  assert.equal(got.record.title.text, 'Envoy lands in Rome');
  assert.ok(got.record.text.includes('Steve Witkoff arrived in Rome'));
  assert.ok(got.record.entities.some((e: { name: string }) => e.name === 'Steve Witkoff'));

  // The same text again changes nothing (200); a different text at the same URL is its next version.
  const again = await post(w.app, 'application/json', article);
  assert.equal(again.status, 200);
  assert.deepEqual(again.body.articles, [{ ...stored, status: 'unchanged' }]);
  const next = await post(w.app, 'application/json', { ...article, text: `${article.text} He met Ron Dermer.` });
  assert.equal(next.status, 201);
  assert.deepEqual([next.body.articles[0].status, next.body.articles[0].articleId, next.body.articles[0].version], ['new version', stored.id, 2]);
});

test('text/plain is read as a text file (the seed as `dossier ingest` stores it), text/html as a page', async () => {
  const seed = await post(w.app, 'text/plain; charset=utf-8', readSeed('ap'));
  assert.equal(seed.status, 201, seed.text);
  const record = (await send(w.app, { method: 'GET', url: `/articles/${seed.body.articles[0].id}` })).body.record;
  assert.equal(record.source.outlet, 'Associated Press');
  assert.equal(record.published.date, '2025-03-05');
  assert.ok(record.figures.some((f: { text: string }) => f.text === 'about 24 living hostages'));

  const dated = await post(w.app, 'text/plain', 'Talks resume\n\nNegotiators met in Doha, a spokesperson said.', '/articles?date=2025-02-01');
  const datedRecord = (await send(w.app, { method: 'GET', url: `/articles/${dated.body.articles[0].id}` })).body.record;
  assert.deepEqual([datedRecord.published.date, datedRecord.published.basis], ['2025-02-01', 'argument']);

  const plain = await post(w.app, 'text/plain', 'HEADLINE\nbody text, kept exactly.', '/articles?plain=true');
  const plainRecord = (await send(w.app, { method: 'GET', url: `/articles/${plain.body.articles[0].id}` })).body.record;
  assert.equal(plainRecord.text, 'HEADLINE\nbody text, kept exactly.');

  const html = '<html><head><title>Rome meeting | Site</title></head><body><article><h1>Rome meeting</h1><p>Ron Dermer met the envoy in Rome, Israeli media reported on Thursday.</p><p>About 24 hostages remain in Gaza.</p></article></body></html>';
  const page = await post(w.app, 'text/html', html);
  assert.equal(page.status, 201, page.text);
  const pageRecord = (await send(w.app, { method: 'GET', url: `/articles/${page.body.articles[0].id}` })).body.record;
  assert.equal(pageRecord.title.text, 'Rome meeting');
  assert.ok(pageRecord.text.includes('Ron Dermer met the envoy') && !pageRecord.text.includes('<p>'));
});

test('a JSON array stores its good records and reports the bad ones; one with none good is a 422', async () => {
  const a = await post(w.app, 'application/json', [{ text: 'A short note\n\nSomething happened in Paris on Monday.' }, { text: '   ' }, { title: 'no body' }]);
  assert.equal(a.status, 201, a.text);
  assert.equal(a.body.articles.length, 1);
  assert.deepEqual(a.body.problems, ['request body: record 2: has neither text nor html', 'request body: record 3: has neither text nor html']);
  assert.equal(a.headers['location'], `/articles/${a.body.articles[0].id}`);
  const none = await post(w.app, 'application/json', [{ text: '' }, { html: ' ' }]);
  assert.equal(none.status, 422);
  assert.match(none.body.error.message, /^request body: record 1: has neither text nor html/);
  const badDate = await post(w.app, 'application/json', { text: 'Note\n\nA thing.', date: 'last week' });
  assert.deepEqual(badDate.body, { error: { status: 422, message: 'request body: record 1: date "last week" is not an ISO date (YYYY-MM-DD or a date-time)' } });
});

test('unreadable articles are 422s with the readers\' messages: empty, binary, not UTF-8', async () => {
  const cases: [string, string | Buffer, string][] = [
    ['text/plain', '', 'request body: empty input'],
    ['text/plain', ' \n\t ', 'request body: empty input (only white space)'],
    ['text/plain', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]), 'request body: binary data (a PNG image), not text'],
    ['text/plain', Buffer.from('abc\0def and more text here', 'latin1'), 'request body: binary data (NUL bytes), not text'],
    ['text/plain', Buffer.from('Caf\xe9 news\n\nSomething in the caf\xe9.', 'latin1'), 'request body: not valid UTF-8 and declares no other charset'],
    ['application/json', Buffer.from('{"text": "caf\xe9"}', 'latin1'), 'request body: not valid UTF-8 and declares no other charset'],
    ['text/html', '<html><body><nav>Home</nav></body></html>', 'request body: no article text found (the page has no readable body)'],
  ];
  for (const [type, payload, message] of cases) {
    const a = await post(w.app, type, payload);
    assert.deepEqual(a.body, { error: { status: 422, message } }, `${type} ${String(payload).slice(0, 20)}`);
    assert.equal(a.status, 422);
  }
  // A windows-1252 page that says so in its markup is read, as a file would be.
  const legacy = await post(w.app, 'text/html', Buffer.from('<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><article><h1>Caf\xe9 reopens</h1><p>The caf\xe9 in Rome reopened on Monday, its owner said.</p></article></body></html>', 'latin1'));
  assert.equal(legacy.status, 201, legacy.text);
});

test('bad requests: 400 for bad JSON or no article, 415 for other types and charsets, 413 past the size limit', async () => {
  assert.deepEqual((await post(w.app, 'application/json', '{"text": ')).body, { error: { status: 400, message: 'request body is not valid JSON (Unexpected end of JSON input)' } });
  assert.equal((await post(w.app, 'application/json', { title: 'only a title' })).body.error.message, 'give the article as text or html, or the url of its page');
  assert.equal((await post(w.app, 'application/json', '"just a string"')).status, 400);
  assert.equal((await post(w.app, null, '')).body.error.message, 'send an article: a body of type application/json, text/plain or text/html');
  assert.match((await post(w.app, 'application/json', { text: 'x' }, '/articles?date=2025-13-01')).body.error.message, /querystring\/date must match pattern|date must be a day/);
  assert.equal((await post(w.app, 'application/json', { text: 'x' }, '/articles?plain=true')).body.error.message, 'plain applies to text/plain bodies only');
  for (const type of ['application/xml', 'application/pdf', 'multipart/form-data; boundary=x']) {
    const a = await post(w.app, type, '<a/>');
    assert.equal(a.status, 415, type);
    assert.equal(a.body.error.message, 'unsupported Content-Type; send application/json, text/plain or text/html');
  }
  assert.equal((await post(w.app, null, 'no type given')).status, 415);
  assert.deepEqual((await post(w.app, 'text/plain; charset=iso-8859-1', 'x')).body, { error: { status: 415, message: 'charset iso-8859-1 is not read; send UTF-8' } });

  const big = await post(w.app, 'text/plain', 'word '.repeat(14 * 1024));
  assert.deepEqual(big.body, { error: { status: 413, message: 'request body larger than the limit of 65536 bytes' } });
  assert.equal(big.status, 413);
  // Just under the limit is read.
  assert.equal((await post(w.app, 'text/plain', `Long note\n\n${'Talks went on in Doha. '.repeat(2000)}`.slice(0, 60 * 1024))).status, 201);
});

test('a JSON object with only a URL: 501 without a fetcher; with one, the page is read with the body\'s fields and the final URL', async () => {
  assert.deepEqual((await post(w.app, 'application/json', { url: 'https://news.example/a' })).body, {
    error: { status: 501, message: 'this server does not fetch pages from URLs; send the page itself as html, with its url' },
  });
  const asked: string[] = [];
  const pages: Record<string, { body: string; contentType: string | null }> = {
    'https://news.example/page': { body: '<html><head><title>Rome talks</title></head><body><article><h1>Rome talks</h1><p>Ron Dermer met the envoy in Rome on Thursday, officials said.</p></article></body></html>', contentType: 'text/html; charset=utf-8' },
    'https://news.example/note': { body: 'Doha note\n\nNegotiators met in Doha on Sunday.', contentType: 'text/plain' },
    'https://news.example/feed': { body: '<rss version="2.0"><channel><title>x</title></channel></rss>', contentType: 'application/rss+xml' },
  };
  const fetchPage: FetchPage = async (url) => {
    asked.push(url);
    const page = pages[url];
    if (!page) throw new InputError(url, 'HTTP 404 Not Found');
    return { url: `${url}?final`, body: new TextEncoder().encode(page.body), contentType: page.contentType };
  };
  const f = await server({ fetchPage });
  const a = await post(f.app, 'application/json', { url: 'https://news.example/page', outlet: 'Test Wire', date: '2025-07-24' });
  assert.equal(a.status, 201, a.text);
  const record = (await send(f.app, { method: 'GET', url: `/articles/${a.body.articles[0].id}` })).body.record;
  assert.deepEqual([record.source.url, record.source.outlet, record.published.date, record.title.text], ['https://news.example/page?final', 'Test Wire', '2025-07-24', 'Rome talks']);
  assert.ok(record.text.includes('Ron Dermer met the envoy'));
  const note = await post(f.app, 'application/json', { url: 'https://news.example/note' });
  assert.equal(note.status, 201, note.text);
  assert.equal((await send(f.app, { method: 'GET', url: `/articles/${note.body.articles[0].id}` })).body.record.title.text, 'Doha note');
  assert.deepEqual((await post(f.app, 'application/json', { url: 'https://news.example/feed' })).body.error, {
    status: 422,
    message: 'https://news.example/feed?final: is application/rss+xml, not an article page (HTML or plain text)',
  });
  assert.deepEqual((await post(f.app, 'application/json', { url: 'https://news.example/gone' })).body.error, { status: 422, message: 'https://news.example/gone: HTTP 404 Not Found' });
  // With text given, the URL is the article's, not something to fetch.
  await post(f.app, 'application/json', { url: 'https://news.example/given', text: 'Given\n\nA text sent with its URL.' });
  assert.deepEqual(asked, ['https://news.example/page', 'https://news.example/note', 'https://news.example/feed', 'https://news.example/gone']);
});

test('writes need the token: 401 without it or with a wrong one; reads stay open', async () => {
  const payload = { text: 'Token note\n\nA note about tokens in Paris.' };
  const no = await send(w.app, { method: 'POST', url: '/articles', headers: { 'content-type': 'application/json' }, payload });
  assert.deepEqual(no.body, { error: { status: 401, message: 'this request needs a token: Authorization: Bearer <token>' } });
  assert.equal(no.headers['www-authenticate'], 'Bearer realm="dossier"');
  for (const authorization of [`Bearer ${TOKEN}x`, 'Bearer', `Basic ${TOKEN}`, `Bearer ${TOKEN.slice(0, -1)}`]) {
    const a = await send(w.app, { method: 'POST', url: '/articles', headers: { authorization, 'content-type': 'application/json' }, payload });
    assert.equal(a.status, 401, authorization);
  }
  assert.equal((await send(w.app, { method: 'DELETE', url: '/articles/abc' })).status, 401);
  assert.equal((await send(w.app, { method: 'POST', url: '/articles', headers: { authorization: `bearer  ${TOKEN}`, 'content-type': 'application/json' }, payload })).status, 201);
  assert.equal((await send(w.app, { method: 'GET', url: '/stats' })).status, 200);
});

test('with no token, writes are refused (403) unless anonymous writes were allowed', async () => {
  const payload = { text: 'Open note\n\nA note about open servers in Rome.' };
  const closed = await server({ token: null });
  const refused = await send(closed.app, { method: 'POST', url: '/articles', headers: { 'content-type': 'application/json' }, payload });
  assert.equal(refused.status, 403);
  assert.match(refused.body.error.message, /^writes are disabled: this server has no token/);
  assert.equal((await send(closed.app, { method: 'GET', url: '/stats' })).body.articles, 0);
  const open = await server({ token: null, allowAnonymousWrites: true });
  assert.equal((await send(open.app, { method: 'POST', url: '/articles', headers: { 'content-type': 'application/json' }, payload })).status, 201);
});

test('private reads need the token too, but the API description and docs page stay open', async () => {
  const p = await server({ privateReads: true });
  for (const url of ['/stats', '/articles', '/search?q=x', '/entities', '/quotes', '/figures', '/figures/series', '/conflicts', '/nowhere']) {
    const a = await send(p.app, { method: 'GET', url });
    assert.equal(a.status, 401, url);
    assert.equal(a.body.error.status, 401);
  }
  assert.equal((await send(p.app, { method: 'GET', url: '/stats', headers: AUTH })).status, 200);
  assert.equal((await send(p.app, { method: 'GET', url: '/stats', headers: { authorization: 'Bearer wrong' } })).status, 401);
  assert.equal((await send(p.app, { method: 'GET', url: '/openapi.json' })).status, 200);
  assert.equal((await send(p.app, { method: 'GET', url: '/docs' })).status, 200);
  assert.deepEqual((await send(p.app, { method: 'GET', url: '/openapi.json' })).body.security, [{ bearerAuth: [] }]);
  assert.throws(() => buildServer({ store: p.store, privateReads: true }), /private reads need a token/);
  assert.throws(() => buildServer({ store: p.store, token: '  ' }), /the token is empty/);
});

test('tokens compare equal only when identical', () => {
  assert.ok(tokensEqual(TOKEN, TOKEN));
  assert.ok(!tokensEqual(TOKEN, `${TOKEN} `));
  assert.ok(!tokensEqual('', TOKEN));
  assert.ok(!tokensEqual('a', 'b'));
});

test('a failure of ours is a 500 that tells nothing of its cause', async () => {
  const { store } = await server();
  const broken = Object.create(store) as Store;
  broken.stats = async () => {
    throw new Error('disk on fire at /secret/path');
  };
  const app = buildServer({ store: broken, token: TOKEN });
  const a = await send(app, { method: 'GET', url: '/stats' });
  assert.equal(a.status, 500);
  assert.deepEqual(a.body, { error: { status: 500, message: 'internal server error' } });
  assert.ok(!a.text.includes('secret') && !a.text.includes('stack'));
});
