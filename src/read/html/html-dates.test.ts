import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from './parse-html.ts';
import { findDateClaims } from './html-dates.ts';
import { findTextDates, parseDateValue, isPlausibleDay } from '../dates/date-patterns.ts';
import { urlDate } from './date-url.ts';
import { resolvePublished } from '../published-date.ts';
import { EVAL_DIR } from '../../../eval/eval-kit.ts';

const page = (head: string, body: string) => `<!DOCTYPE html><html><head><title>Ein Titel</title>${head}</head><body>${body}</body></html>`;
const claimsOf = (html: string, url: string | null = null) => findDateClaims(parseHtml(html), url);
const dateOf = (html: string, url: string | null = null) => resolvePublished(claimsOf(html, url), null);

test('JSON-LD: datePublished wins over dateModified, which is kept as a weaker claim', () => {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2019-03-05T10:00:00+01:00', dateModified: '2020-01-10T08:00:00+01:00' };
  const html = page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<article><h1>Ein Titel</h1><p>Text.</p></article>');
  const claims = claimsOf(html);
  const published = dateOf(html);
  assert.equal(published.date, '2019-03-05');
  assert.equal(published.basis, 'metadata');
  assert.deepEqual(published.conflicts.map((c) => c.date), ['2020-01-10']);
  assert.match(claims.find((c) => c.date === '2019-03-05')!.why, /JSON-LD datePublished/);
});

test('JSON-LD: the article object speaks, not the organisation beside it; dateCreated comes before dateModified', () => {
  const graph = {
    '@graph': [
      { '@type': 'Organization', name: 'Verlag', datePublished: '2001-01-01' },
      { '@type': 'BlogPosting', dateCreated: '2018-06-01', dateModified: '2018-07-01' },
    ],
  };
  assert.equal(dateOf(page(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`, '<p>x</p>')).date, '2018-06-01');
});

test('JSON-LD that JSON.parse refuses (a raw newline in a string) is still read', () => {
  const broken = '{"@type":"Article","headline":"a\nb","datePublished":"2017-02-03"}';
  assert.equal(dateOf(page(`<script type="application/ld+json">${broken}</script>`, '<p>x</p>')).date, '2017-02-03');
});

test('meta tags: article:published_time over article:modified_time; one claim per kind', () => {
  const head =
    '<meta property="article:modified_time" content="2021-05-02T09:00:00+02:00">' +
    '<meta property="article:published_time" content="2021-04-30T09:00:00+02:00">' +
    '<meta name="pubdate" content="2021-04-29">';
  const claims = claimsOf(page(head, '<h1>Ein Titel</h1>'));
  assert.equal(resolvePublished(claims, null).date, '2021-04-30');
  assert.equal(claims.filter((c) => c.why.startsWith('meta') && !c.why.includes('update')).length, 1);
  assert.ok(claims.some((c) => c.date === '2021-05-02' && /update/.test(c.why)));
});

test('meta tags: Dublin Core, sailthru and citation names', () => {
  assert.equal(dateOf(page('<meta name="DC.date.issued" content="2016-11-04">', '')).date, '2016-11-04');
  assert.equal(dateOf(page('<meta name="sailthru.date" content="2014-08-09 22:35:29">', '')).date, '2014-08-09');
  assert.equal(dateOf(page('<meta name="citation_publication_date" content="2012/05/17">', '')).date, '2012-05-17');
});

test('time element: the one marked pubdate or published wins over others', () => {
  const body =
    '<aside><time datetime="2020-02-01">1. Februar</time></aside>' +
    '<article><header><h1>Ein Titel</h1><time class="updated" datetime="2020-03-03">3.3.</time>' +
    '<time class="entry-date published" datetime="2020-02-20T08:00:00+01:00">20. Februar 2020</time></header></article>';
  const published = dateOf(page('', body));
  assert.equal(published.date, '2020-02-20');
});

test('time element without a datetime attribute is read from its text', () => {
  assert.equal(dateOf(page('', '<h1>Ein Titel</h1><time>5. März 2019</time>')).date, '2019-03-05');
});

test('URL: /2019/03/05/, /20190305/ and 2019-03-05 are days; a year and month alone is not', () => {
  assert.equal(urlDate('https://example.org/2019/03/05/slug/')?.date, '2019-03-05');
  assert.equal(urlDate('https://example.org/news/20190305/slug')?.date, '2019-03-05');
  assert.equal(urlDate('https://example.org/news/slug-2019-03-05.html')?.date, '2019-03-05');
  assert.equal(urlDate('https://example.org/2019/03/slug'), null);
  assert.equal(urlDate('https://example.org/artikel/1201903051234'), null);
  const published = dateOf(page('', '<h1>Ein Titel</h1><p>Kein Datum.</p>'), 'https://example.org/2019/03/05/slug/');
  assert.equal(published.date, '2019-03-05');
  assert.match(claimsOf(page('', ''), 'https://example.org/2019/03/05/slug/')[0]!.why, /URL path 2019\/03\/05/);
});

test('German text dates near the title: "5. März 2019" and "05.03.2019"', () => {
  const a = dateOf(page('', '<div id="nav-wrapper"><h1>Ein Titel</h1><p class="autor">Von Anna Muster, 5. März 2019</p><p>Text.</p></div>'));
  assert.equal(a.date, '2019-03-05');
  assert.equal(a.basis, 'content');
  assert.equal(dateOf(page('', '<h1>Ein Titel</h1><p>Veröffentlicht am 05.03.2019 um 10:00</p>')).date, '2019-03-05');
});

test('English text dates: "March 5, 2019", "5 March 2019" and ISO', () => {
  assert.equal(dateOf(page('', '<h1>A title</h1><p>By Jane Doe | March 5, 2019</p>')).date, '2019-03-05');
  assert.equal(dateOf(page('', '<h1>A title</h1><p>Posted on 5th March 2019</p>')).date, '2019-03-05');
  assert.equal(dateOf(page('', '<h1>A title</h1><p>2019-03-05</p>')).date, '2019-03-05');
});

test('text patterns in several languages; impossible days are skipped', () => {
  const days = (s: string, order: 'dmy' | 'mdy' = 'dmy') => findTextDates(s, order).map((d) => d.date);
  assert.deepEqual(days('le 27 juin 2019'), ['2019-06-27']);
  assert.deepEqual(days('17 de febrero de 2020'), ['2020-02-17']);
  assert.deepEqual(days('2019年3月5日'), ['2019-03-05']);
  assert.deepEqual(days('5 марта 2020 г.'), ['2020-03-05']);
  assert.deepEqual(days('Stand: 05.03.19'), ['2019-03-05']);
  assert.deepEqual(days('03/05/2019', 'mdy'), ['2019-03-05']);
  assert.deepEqual(days('03/05/2019', 'dmy'), ['2019-05-03']);
  assert.deepEqual(days('31.02.2019, 1.2.3, Version 5/3/19, März 2019'), []);
});

test('machine values: ISO, compact, RFC 2822 and Unix time', () => {
  assert.equal(parseDateValue('2019-03-05T23:30:00-05:00'), '2019-03-05');
  assert.equal(parseDateValue('20190305'), '2019-03-05');
  assert.equal(parseDateValue('Tue, 05 Mar 2019 10:00:00 GMT'), '2019-03-05');
  assert.equal(parseDateValue('1551780000'), '2019-03-05');
  assert.equal(parseDateValue('soon'), null);
});

test('a UTC time yields to the local day the page shows', () => {
  const ld = { '@type': 'NewsArticle', datePublished: '2023-11-09T06:35:29+00:00' };
  const html = page(
    `<script type="application/ld+json">${JSON.stringify(ld)}</script>`,
    '<article><h1>Ein Titel</h1><time datetime="2023-11-08T22:35:29-08:00">Nov 8, 2023</time></article>',
  );
  assert.equal(dateOf(html).date, '2023-11-08');
});

test('a page without any date makes no claims; a copyright year is not a day', () => {
  assert.deepEqual(claimsOf(page('', '<h1>Ein Titel</h1><p>Nur Text, 2019 geschrieben.</p><footer>© 2019 Verlag</footer>')), []);
  assert.deepEqual(claimsOf(page('', ''), null), []);
});

test('implausible dates are rejected: before 1995, after today', () => {
  const ld = (d: string) => page(`<script type="application/ld+json">{"@type":"Article","datePublished":"${d}"}</script>`, '');
  assert.deepEqual(claimsOf(ld('1970-01-01')), []);
  assert.deepEqual(claimsOf(ld('2999-01-01')), []);
  assert.deepEqual(claimsOf(page('', '<h1>Ein Titel</h1><p>am 5. März 1990</p>')), []);
  assert.ok(!isPlausibleDay('1994-12-31'));
});

test('dates in sidebars, comments and related teasers are not the article\'s', () => {
  const body =
    '<article><h1>Ein Titel</h1><p>Text ohne Datum.</p>' +
    '<div class="comments"><p>Kommentar vom 3. April 2020</p></div></article>' +
    '<aside class="sidebar"><ul><li><span class="date">01.04.2020</span> Anderer Beitrag</li></ul></aside>';
  assert.deepEqual(claimsOf(page('', body)), []);
});

test('dev set: accuracy on the first 60 htmldate pages stays above its floor', async (t) => {
  if (!existsSync(join(EVAL_DIR, 'html-dates.jsonl.gz'))) {
    t.skip(`${EVAL_DIR}/html-dates.jsonl.gz is absent: shared evaluation data not available`);
    return;
  }
  const { evaluation } = await import('../../../eval/html-dates.eval.ts');
  const report = await evaluation.run({ limit: 60 });
  const accuracy = report.scores.find((s) => s.name === 'accuracy')!.value;
  assert.ok(accuracy >= FLOOR, `accuracy ${accuracy.toFixed(4)} fell below ${FLOOR}`);
});

// Measured 0.917 (55 of 60) on these pages; the floor leaves room for two harmless changes.
const FLOOR = 0.88;
