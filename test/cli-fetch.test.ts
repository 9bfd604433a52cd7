// `dossier ingest URL…` and `dossier watch FEED…` against servers on 127.0.0.1 started by each
// test (loopback needs --allow-private; that it is refused without is tested too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { databaseFolder, runCli } from './support/cli-run.ts';
import { send, withServer } from './support/local-server.ts';

const databases = databaseFolder('cli-fetch');
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

function article(headline: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${headline}</title><meta property="og:site_name" content="Eastwind Daily"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${headline}</h1>
<p>${body}</p>
<p>"We got what we asked for," a union spokesman said on Monday, standing outside the ferry terminal in the rain.</p>
</article></body></html>`;
}
const FERRY = article('Dunmere ferry strike ends', 'DUNMERE (HW) — Ferry crews in Dunmere went back to work on Monday after a strike that lasted nine days.');
const TALKS = article('Talks resume in Velmora', 'VELMORA (HW) — Negotiators for Kestria and the Ridgeline Front met again on Tuesday, the mediators said.');
const HTML = { 'content-type': 'text/html; charset=utf-8' };

function rss(items: { title: string; link?: string }[]): string {
  const body = items
    .map((i) => `<item><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}<description>${i.title}: the summary the feed gives of it, one sentence long.</description></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Eastwind Daily</title>${body}</channel></rss>`;
}

async function stored(db: string, url: string): Promise<{ title: string | null; versions: number } | null> {
  const store = await openSqliteStore(db, { mustExist: true });
  try {
    const found = await store.getByUrl(url);
    return found && { title: found.title, versions: (await store.versionsOf(url)).length };
  } finally {
    await store.close();
  }
}

test('ingest URL: loopback is refused by default; with --allow-private the page is fetched, read and stored under its URL', async () => {
  await withServer(async (server) => {
    server.route('/ferry', send(FERRY, HTML));
    const db = databases.fresh();
    const refused = await runCli('ingest', `${server.url}/ferry`, '--db', db);
    assert.equal(refused.status, 1);
    assert.equal(refused.stderr, `dossier: ${server.url}/ferry: refused: loopback address 127.0.0.1\n`);
    assert.equal(server.requests.length, 0);

    const run = await runCli('ingest', `${server.url}/ferry`, '--db', db, '--allow-private');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /ingested 1 article from 1 input/);
    assert.match(run.stdout, /outlets: Eastwind Daily 1/);
    assert.deepEqual(await stored(db, `${server.url}/ferry`), { title: 'Dunmere ferry strike ends', versions: 1 });
  });
});

test('ingest URL: a redirected page is stored under its final URL; the same text again is unchanged, a changed text a new version', async () => {
  await withServer(async (server) => {
    let page = FERRY;
    server.route('/short', (_req, res) => res.writeHead(301, { location: '/2026/10/ferry' }).end());
    server.route('/2026/10/ferry', (req, res) => send(page, HTML)(req, res));
    const db = databases.fresh();
    const first = await runCli('ingest', `${server.url}/short`, '--db', db, '--allow-private');
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(await stored(db, `${server.url}/2026/10/ferry`), { title: 'Dunmere ferry strike ends', versions: 1 });
    assert.equal(await stored(db, `${server.url}/short`), null);

    const again = await runCli('ingest', `${server.url}/2026/10/ferry`, '--db', db, '--allow-private');
    assert.match(again.stdout, /new 0, unchanged 1, new versions 0, errors 0/);
    page = FERRY.replace('nine days', 'ten days');
    const changed = await runCli('ingest', `${server.url}/2026/10/ferry`, '--db', db, '--allow-private');
    assert.match(changed.stdout, /new 0, unchanged 0, new versions 1, errors 0/);
    assert.equal((await stored(db, `${server.url}/2026/10/ferry`))?.versions, 2);
  });
});

test('ingest: bad URLs (binary, empty, wrong charset, 404, too large) get one line each; the other URLs and files of the run are stored', async () => {
  await withServer(async (server) => {
    server.route('/ferry', send(FERRY, HTML));
    server.route('/image', send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), { 'content-type': 'image/png' }));
    server.route('/mislabelled', send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), HTML));
    server.route('/empty', send('', HTML));
    server.route('/latin1', send(Buffer.from(FERRY.replace('<meta charset="utf-8">', '').replace('Dunmere', 'Dünmere'), 'latin1'), HTML));
    server.route('/big', send('x'.repeat(300_000), { 'content-type': 'text/plain' }));
    const db = databases.fresh();
    const file = join(dirname(db), 'talks.html');
    writeFileSync(file, TALKS);
    const urls = ['/image', '/ferry', '/mislabelled', '/empty', '/latin1', '/missing', '/big'].map((p) => `${server.url}${p}`);
    const run = await runCli('ingest', ...urls, file, '--db', db, '--allow-private', '--max-bytes', '100k');
    assert.equal(run.status, 1);
    assert.deepEqual(lines(run.stderr), [
      `dossier: ${server.url}/image: not a document (Content-Type image/png)`,
      `dossier: ${server.url}/mislabelled: binary data (a PNG image), not text`,
      `dossier: ${server.url}/empty: empty input`,
      `dossier: ${server.url}/latin1: declares UTF-8 but is not valid UTF-8`,
      `dossier: ${server.url}/missing: HTTP 404 Not Found`,
      `dossier: ${server.url}/big: larger than the size limit of 102400 bytes; raise it with --max-bytes`,
    ]);
    assert.match(run.stdout, /ingested 2 articles from 8 inputs/);
    assert.match(run.stdout, /new 2, unchanged 0, new versions 0, errors 6/);
    assert.equal((await stored(db, `${server.url}/ferry`))?.title, 'Dunmere ferry strike ends');
  });
});

test('ingest FEED-URL: each item is its own article under its own link; items without a link do not become versions of the feed URL', async () => {
  await withServer(async (server) => {
    server.route('/feed.xml', send(rss([{ title: 'Ferry strike ends', link: 'https://eastwind.example/ferry' }, { title: 'Rain over Dunmere' }, { title: 'Talks resume' }]), { 'content-type': 'application/rss+xml' }));
    const db = databases.fresh();
    const run = await runCli('ingest', `${server.url}/feed.xml`, '--db', db, '--allow-private');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /new 3, unchanged 0, new versions 0/);
    assert.equal((await stored(db, 'https://eastwind.example/ferry'))?.versions, 1);
    assert.equal(await stored(db, `${server.url}/feed.xml`), null);
  });
});

test('watch --once: a feed of two items stores two articles; the next round sends the validators and stores nothing new', async () => {
  await withServer(async (server) => {
    const etag = '"feed-1"';
    const feed = rss([{ title: 'Ferry strike ends', link: '/ferry' }, { title: 'Talks resume', link: `${server.url}/talks` }]);
    server.route('/feed.xml', (req, res) => {
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      send(feed, { 'content-type': 'application/rss+xml', etag })(req, res);
    });
    server.route('/ferry', send(FERRY, HTML));
    server.route('/talks', send(TALKS, HTML));
    const db = databases.fresh();
    const first = await runCli('watch', `${server.url}/feed.xml`, '--once', '--db', db, '--allow-private');
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, `dossier watch: ${server.url}/feed.xml: 2 new items, 2 articles stored (2 items in the feed)\n`);
    assert.equal((await stored(db, `${server.url}/ferry`))?.title, 'Dunmere ferry strike ends');
    assert.equal((await stored(db, `${server.url}/talks`))?.title, 'Talks resume in Velmora');

    const second = await runCli('watch', `${server.url}/feed.xml`, '--once', '--db', db, '--allow-private');
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stderr, `dossier watch: ${server.url}/feed.xml: not modified\n`);
    assert.deepEqual(server.requests.map((r) => r.path), ['/feed.xml', '/ferry', '/talks', '/feed.xml']);
    assert.equal(server.requests[3]!.headers['if-none-match'], etag);

    // A server that ignores validators sends the whole feed again: its items are known, nothing is fetched.
    server.route('/feed.xml', send(feed, { 'content-type': 'application/rss+xml' }));
    const third = await runCli('watch', `${server.url}/feed.xml`, '--once', '--db', db, '--allow-private');
    assert.equal(third.stderr, `dossier watch: ${server.url}/feed.xml: no new items (2 items in the feed)\n`);
    assert.equal(server.requests.length, 5);
    const store = await openSqliteStore(db, { mustExist: true });
    assert.equal((await store.stats()).versions, 2);
    await store.close();
  });
});

test('watch: a failing feed never stops the others; a failing item is reported and tried again next round', async () => {
  await withServer(async (server) => {
    server.route('/broken.xml', send('oops', {}, 500));
    server.route('/page.xml', send(FERRY, HTML));
    const items = [{ title: 'Ferry', link: '/ferry' }, { title: 'Talks', link: '/talks' }, { title: 'Local', link: 'http://0.0.0.0/x' }];
    server.route('/feed.xml', send(rss(items), { 'content-type': 'application/rss+xml', etag: '"x"' }));
    server.route('/ferry', send(FERRY, HTML));
    server.route('/talks', send('', HTML));
    const db = databases.fresh();
    const feeds = ['/broken.xml', '/page.xml', '/feed.xml'].map((p) => `${server.url}${p}`);
    const first = await runCli('watch', ...feeds, '--once', '--db', db, '--allow-private');
    assert.equal(first.status, 1);
    assert.deepEqual(lines(first.stderr), [
      `dossier watch: ${server.url}/broken.xml: HTTP 500 Internal Server Error`,
      `dossier watch: ${server.url}/page.xml: not an RSS or Atom feed (read as html)`,
      `dossier watch: ${server.url}/talks: empty input`,
      // Unspecified addresses are refused even with --allow-private.
      'dossier watch: http://0.0.0.0/x: refused: unspecified address 0.0.0.0',
      `dossier watch: ${server.url}/feed.xml: 3 new items, 1 article stored, 2 failed (3 items in the feed)`,
    ]);

    // Without --allow-private the feed itself is refused: nothing else happens.
    const refused = await runCli('watch', `${server.url}/feed.xml`, '--once', '--db', db);
    assert.equal(refused.stderr, `dossier watch: ${server.url}/feed.xml: refused: loopback address 127.0.0.1\n`);

    server.route('/talks', send(TALKS, HTML));
    const second = await runCli('watch', `${server.url}/feed.xml`, '--once', '--db', db, '--allow-private');
    assert.deepEqual(lines(second.stderr), [
      'dossier watch: http://0.0.0.0/x: refused: unspecified address 0.0.0.0',
      `dossier watch: ${server.url}/feed.xml: 2 new items, 1 article stored, 1 failed (3 items in the feed)`,
    ]);
    assert.equal((await stored(db, `${server.url}/talks`))?.title, 'Talks resume in Velmora');
    // The retry fetched the feed in full (no validators while an item waits), and /ferry only once.
    assert.equal(server.requests.filter((r) => r.path === '/ferry').length, 1);
    assert.equal(server.requests.filter((r) => r.path === '/feed.xml').at(-1)!.headers['if-none-match'], undefined);

    const third = await runCli('watch', `${server.url}/feed.xml`, '--once', '--db', db, '--allow-private');
    assert.deepEqual(lines(third.stderr), [
      'dossier watch: http://0.0.0.0/x: refused: unspecified address 0.0.0.0 (giving up after 3 tries)',
      `dossier watch: ${server.url}/feed.xml: 1 new item, 0 articles stored, 1 failed (3 items in the feed)`,
    ]);
    // Given up on, the item no longer holds back the validators.
    await runCli('watch', `${server.url}/feed.xml`, '--once', '--db', db, '--allow-private');
    assert.equal(server.requests.filter((r) => r.path === '/feed.xml').at(-1)!.headers['if-none-match'], '"x"');
  });
});

test('watch: wrong usage is refused with exit status 2', async () => {
  assert.equal((await runCli('watch')).status, 2);
  const notUrl = await runCli('watch', 'feed.xml');
  assert.equal(notUrl.status, 2);
  assert.match(notUrl.stderr, /a feed must be an http or https URL, not feed\.xml/);
  const interval = await runCli('watch', 'http://example.com/feed', '--interval', 'soon');
  assert.equal(interval.status, 2);
  assert.match(interval.stderr, /--interval must be a duration such as 15m, 30s or 1h, not soon/);
});

test('watch repeats every interval until SIGINT, then exits 0 with the store intact', { timeout: 60_000 }, async () => {
  await withServer(async (server) => {
    server.route('/feed.xml', send(rss([{ title: 'Ferry', link: '/ferry' }]), { 'content-type': 'application/rss+xml', etag: '"1"' }));
    server.route('/ferry', send(FERRY, HTML));
    const db = databases.fresh();
    const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'dossier.js');
    const child = spawn(process.execPath, [bin, 'watch', `${server.url}/feed.xml`, '--interval', '200ms', '--db', db, '--allow-private'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const status = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (lines(stderr).filter((l) => l.startsWith('dossier watch:')).length >= 3) resolve();
      });
      child.on('close', () => reject(new Error(`watch ended early: ${stderr}`)));
    });
    child.kill('SIGINT');
    assert.equal(await status, 0, stderr);
    const rounds = lines(stderr).filter((l) => l.startsWith('dossier watch:'));
    assert.equal(rounds[0], `dossier watch: ${server.url}/feed.xml: 1 new item, 1 article stored (1 item in the feed)`);
    // The server ignores validators: later rounds get the whole feed and find its item known.
    assert.equal(rounds[1], `dossier watch: ${server.url}/feed.xml: no new items (1 item in the feed)`);
    assert.equal((await stored(db, `${server.url}/ferry`))?.versions, 1);
  });
});
