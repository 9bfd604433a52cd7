import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readHtml } from './html-reader.ts';
import { stripSiteSuffix } from './html-headline.ts';
import { hasFurnitureWord } from './furniture.ts';
import { EVAL_DIR } from '../../../eval/eval-kit.ts';

const source = { path: 'page.html', url: null, outlet: null };

const P1 = 'The city council voted on Tuesday to expand the bus network, adding six routes and more frequent service in the evenings.';
const P2 = 'Officials said the plan, which had been debated for two years, would cost about $40 million and be paid for by a new levy.';
const P3 = 'Opponents argued that the levy falls hardest on small businesses, and several vowed to challenge it at the next election.';
const P4 = 'The first new routes are expected to open in the spring, according to the transit authority, with the rest following by autumn.';

function page(opts: { head?: string; article?: string; extra?: string } = {}): string {
  return `<!doctype html><html><head><title>Council expands bus network | Riverside Gazette</title>${opts.head ?? ''}</head><body>
  <header class="site-header"><a href="/">Riverside Gazette</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <main><article>
    <h1>Council expands bus network</h1>
    <div class="share-buttons"><a href="#">Share on Facebook</a><a href="#">Share on Twitter</a></div>
    <div class="article-body">${opts.article ?? `<p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p>`}</div>
  </article>
  <aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Bridge closure extended for another month</a></li><li><a href="/b">Mayor outlines budget priorities for next year</a></li></ul></aside>
  <section id="comments"><h3>Comments</h3><p>I think this is a terrible idea and a waste of taxpayers' money, frankly.</p></section>
  </main>${opts.extra ?? ''}
  <footer><p>© 2024 Riverside Gazette. All rights reserved. Contact us at the newsroom for corrections.</p></footer>
  </body></html>`;
}

test('reads the body paragraphs in order and drops nav, share widget, related links, comments and footer', () => {
  const draft = readHtml(page(), source);
  assert.deepEqual(draft.paragraphs, [P1, P2, P3, P4]);
  const all = draft.paragraphs.join('\n');
  for (const junk of ['News', 'Share on Facebook', 'Bridge closure', 'terrible idea', 'All rights reserved']) assert.ok(!all.includes(junk), junk);
});

test('joins inline text with normalised whitespace and splits block elements into paragraphs', () => {
  const article = `<p>The   council <b>voted</b>\n on Tuesday to <a href="/x">expand</a> the bus network, adding six routes.</p><h2>What comes next</h2><p>${P2}</p><ul><li>${P3}</li><li>${P4}</li></ul>`;
  const draft = readHtml(page({ article }), source);
  assert.deepEqual(draft.paragraphs, ['The council voted on Tuesday to expand the bus network, adding six routes.', 'What comes next', P2, P3, P4]);
});

test('takes the headline from the article h1, not the title tag or a site logo h1', () => {
  const html = page({ head: '<meta property="og:title" content="Council votes to expand bus network - Riverside Gazette">' }).replace('<header class="site-header">', '<header class="site-header"><h1>Riverside Gazette</h1>');
  assert.equal(readHtml(html, source).title, 'Council expands bus network');
});

test('falls back to og:title, then to <title> without its site suffix', () => {
  const noH1 = page().replace('<h1>Council expands bus network</h1>', '');
  assert.equal(readHtml(noH1, source).title, 'Council expands bus network');
  const withOg = page({ head: '<meta property="og:title" content="Riverside council backs bigger bus network">' }).replace('<h1>Council expands bus network</h1>', '');
  assert.equal(readHtml(withOg, source).title, 'Riverside council backs bigger bus network');
  assert.equal(stripSiteSuffix('Biden - Harris ticket gains ground in polls | The Daily Planet', 'The Daily Planet'), 'Biden - Harris ticket gains ground in polls');
});

test('does not repeat the headline as the first body paragraph', () => {
  const article = `<h1>Council expands bus network</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p>`;
  const draft = readHtml(page({ article }).replace('<h1>Council expands bus network</h1>\n', ''), source);
  assert.equal(draft.paragraphs[0], P1);
});

test('reads bylines from JSON-LD, meta author and byline elements, in normal case with affiliation', () => {
  const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council expands bus network","author":[{"@type":"Person","name":"Maria Lopez"},{"@type":"Person","name":"Tom Reed"}],"publisher":{"@type":"Organization","name":"Riverside Gazette"}}</script>`;
  assert.deepEqual(readHtml(page({ head: ld }), source).byline, [
    { name: 'Maria Lopez', affiliation: null },
    { name: 'Tom Reed', affiliation: null },
  ]);
  assert.deepEqual(readHtml(page({ head: '<meta name="author" content="By Maria Lopez">' }), source).byline, [{ name: 'Maria Lopez', affiliation: null }]);
  const dom = page().replace('<div class="share-buttons">', '<p class="byline">By MARIA LOPEZ, Reuters</p><div class="share-buttons">');
  const draft = readHtml(dom, source);
  assert.deepEqual(draft.byline, [{ name: 'Maria Lopez', affiliation: 'Reuters' }]);
  assert.ok(!draft.paragraphs.some((p) => p.includes('MARIA')));
});

test('reads the outlet from og:site_name, else JSON-LD publisher, else null', () => {
  assert.equal(readHtml(page({ head: '<meta property="og:site_name" content="Riverside Gazette">' }), source).source.outlet, 'Riverside Gazette');
  const ld = `<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"RG"},{"@type":"NewsArticle","publisher":{"name":"The Gazette"}}]}</script>`;
  assert.equal(readHtml(page({ head: ld }), source).source.outlet, 'The Gazette');
  assert.equal(readHtml(page(), source).source.outlet, null);
});

test('sets the canonical URL when the source has none, and keeps the path', () => {
  const draft = readHtml(page({ head: '<link rel="canonical" href="https://gazette.example/news/bus-network">' }), source);
  assert.equal(draft.source.url, 'https://gazette.example/news/bus-network');
  assert.equal(draft.source.path, 'page.html');
  assert.equal(readHtml(page({ head: '<meta property="og:url" content="https://gazette.example/b">' }), source).source.url, 'https://gazette.example/b');
  const given = readHtml(page({ head: '<link rel="canonical" href="/news/bus">' }), { ...source, url: 'https://gazette.example/x?utm=1' });
  assert.equal(given.source.url, 'https://gazette.example/x?utm=1');
  assert.equal(readHtml(page({ head: '<link rel="canonical" href="/news/bus">' }), source).source.url, null);
});

test('reads photo captions apart from the body, with their credits split off', () => {
  const article = `<p>${P1}</p><figure><img src="bus.jpg"><figcaption>A bus on the new route 12. <span class="credit">Jane Roe/Riverside Gazette</span></figcaption></figure><p>${P2}</p>
    <figure><img src="hall.jpg"><figcaption>The council chamber during the vote (Photo: Sam Tan)</figcaption></figure><p>${P3}</p>`;
  const draft = readHtml(page({ article }), source);
  assert.deepEqual(draft.captions, [
    { text: 'A bus on the new route 12.', credit: 'Jane Roe/Riverside Gazette' },
    { text: 'The council chamber during the vote', credit: 'Sam Tan' },
  ]);
  assert.deepEqual(draft.paragraphs, [P1, P2, P3]);
});

test('reads the standfirst from a marked element, and ignores a description that repeats the first paragraph', () => {
  const marked = page().replace('<div class="share-buttons">', '<p class="article-standfirst">A bigger network, paid for by a new levy, opens in spring.</p><div class="share-buttons">');
  assert.equal(readHtml(marked, source).subtitle, 'A bigger network, paid for by a new levy, opens in spring.');
  const repeated = page({ head: `<meta property="og:description" content="${P1.slice(0, 80)}...">` });
  assert.equal(readHtml(repeated, source).subtitle, null);
  const distinct = page({ head: '<meta property="og:description" content="Six new routes and later buses, paid for by a levy.">' });
  assert.equal(readHtml(distinct, source).subtitle, 'Six new routes and later buses, paid for by a levy.');
});

test('finds a wire dateline at the start of the first paragraph', () => {
  const lead = 'WASHINGTON (AP) — The Senate passed the spending bill late on Friday, averting a shutdown by a few hours.';
  const draft = readHtml(page({ article: `<p>${lead}</p><p>${P2}</p><p>${P3}</p>` }), source);
  assert.deepEqual(draft.dateline, { paragraph: 0, start: 0, end: 'WASHINGTON (AP) —'.length, place: 'WASHINGTON', agency: 'AP' });
  assert.equal(readHtml(page(), source).dateline, null);
});

test('still reads malformed HTML with unclosed tags', () => {
  const html = `<html><head><title>Storm closes schools</title></head><body><div class="content"><h1>Storm closes schools<p>${P1}<p>${P2}<div><p>${P3}</div><p>${P4}`;
  const draft = readHtml(html, source);
  assert.equal(draft.title, 'Storm closes schools');
  for (const p of [P1, P2, P3, P4]) assert.ok(draft.paragraphs.some((q) => q.includes(p)), p.slice(0, 30));
});

test('a page with no article text gives no paragraphs', () => {
  const html = '<html><head><title>Home</title></head><body><nav><a href="/a">News</a> <a href="/b">Sport</a></nav><div class="promo"><a href="/sub">Subscribe now</a></div><footer>© 2024</footer></body></html>';
  const draft = readHtml(html, source);
  assert.deepEqual(draft.paragraphs, []);
  assert.equal(draft.title, 'Home');
  assert.deepEqual(readHtml('', source).paragraphs, []);
});

test('furniture words must be whole parts of a class name', () => {
  assert.ok(hasFurnitureWord('social-share-bar'));
  assert.ok(hasFurnitureWord('relatedLinks'));
  assert.ok(hasFurnitureWord('ad_slot'));
  assert.ok(!hasFurnitureWord('shared-content loading readable'));
  assert.ok(!hasFurnitureWord('post tag-social-media category-ads'));
});

test('dev set: F1 on the first 10 pages of the article-extraction benchmark stays above its floor', async (t) => {
  if (!existsSync(join(EVAL_DIR, 'article-extraction.jsonl.gz'))) {
    t.skip(`${EVAL_DIR}/article-extraction.jsonl.gz is absent: shared evaluation data not available`);
    return;
  }
  const { readEvalSet } = await import('../../../eval/eval-kit.ts');
  const { ourBody, loadShingleScorer } = await import('../../../eval/article-extraction.eval.ts');
  const { score } = await loadShingleScorer();
  const records = readEvalSet<{ id: string; url: string; html: string; body: string }>('article-extraction.jsonl.gz').slice(0, 10);
  const result = score(records.map((r) => [r.body, ourBody(r)] as [string, string]));
  assert.ok(result.f1 >= FLOOR, `F1 ${result.f1.toFixed(4)} fell below ${FLOOR}`);
});

// Measured 0.994 on these 10 pages; the floor leaves a little room for harmless changes.
const FLOOR = 0.97;
