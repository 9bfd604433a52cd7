// The HTML the pages render, on hand-made inputs: hostile stored text is escaped everywhere (element
// content, attributes, URLs), overlapping and crossing spans come out as well-nested elements that
// still cover exactly their text, links never nest, the series chart places dated points and marks
// conflicts, and the story page renders from a hand-made StoryView.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FigureDisagreement, FigureSeries, LedgerPoint } from '../link/ledger/figure-ledger.ts';
import type { StoryView } from '../link/stories/story-view.ts';
import type { AnalysisRecord } from '../model/record.ts';
import type { StoredArticle } from '../store/store.ts';
import { highlightedText, paragraphRanges, type Highlight } from './article-text.ts';
import { placePoints, seriesChart } from './figure-chart.ts';
import { escapeHtml, html, safeExternalUrl } from './html.ts';
import { articlePage } from './pages/article-page.ts';
import { snippetHtml } from './pages/listing-pages.ts';
import { storyListPage, storyPage } from './pages/story-page.ts';
import { storyViewPage } from '../api/routes/stories-routes.ts';
import { paths } from './web-paths.ts';

const HOSTILE = `<script>alert("x")</script> & "quoted" 'single' <img src=x onerror=alert(1)>`;

/** The tags of `markup` in order, checked to nest properly; fails the test otherwise. Gives the text per position with the kinds of marks open over it. */
function walk(markup: string): { text: string; kinds: Set<string>[]; maxLinkDepth: number } {
  const stack: { tag: string; kind: string | null }[] = [];
  let text = '';
  const kinds: Set<string>[] = [];
  let maxLinkDepth = 0;
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const token of markup.split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)([a-z]+)([^>]*)>$/.exec(token);
    if (tag === null) {
      const chars = decode(token);
      text += chars;
      const open = new Set(stack.map((s) => s.kind).filter((k): k is string => k !== null));
      for (let i = 0; i < chars.length; i++) kinds.push(open);
      continue;
    }
    const [, closing, name, attrs] = tag;
    if (closing === '/') {
      const top = stack.pop();
      assert.equal(top?.tag, name, `</${name}> closes <${top?.tag}>`);
    } else {
      stack.push({ tag: name!, kind: /class="hl hl-([a-z]+)"/.exec(attrs!)?.[1] ?? null });
      maxLinkDepth = Math.max(maxLinkDepth, stack.filter((s) => s.tag === 'a').length);
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  return { text, kinds, maxLinkDepth };
}

test('html escapes interpolated text and attribute values, and keeps markup it made', () => {
  const out = html`<p title="${HOSTILE}">${HOSTILE}${html`<b>${'<i>'}</b>`}${['a', '<b>']}${null}${false}${3}</p>`.value;
  assert.equal(out, `<p title="${escapeHtml(HOSTILE)}">${escapeHtml(HOSTILE)}<b>&lt;i&gt;</b>a&lt;b&gt;3</p>`);
  assert.doesNotMatch(out, /<script|<img|"x"/);
  assert.equal(safeExternalUrl('javascript:alert(1)'), null);
  assert.equal(safeExternalUrl('data:text/html,hi'), null);
  assert.equal(safeExternalUrl('not a url'), null);
  assert.equal(safeExternalUrl('https://example.org/a b'), 'https://example.org/a%20b');
  // Ids and names go into URLs one encoded segment each.
  assert.equal(paths.entity('a/b?c#d'), '/web/entities/a%2Fb%3Fc%23d');
  assert.equal(paths.quotes({ speaker: 'A & B', since: '' }), '/web/quotes?speaker=A+%26+B');
});

test('overlapping and crossing spans nest properly, each still covers exactly its text, and links never nest', () => {
  const text = 'Leavitt said "about 24 hostages remain in Gaza" on Monday, March 3.';
  const spans: Highlight[] = [
    { start: 13, end: 47, kind: 'quote', label: 'quote', href: null, anchor: 'quote-13' }, // the whole quote, marks included
    { start: 14, end: 31, kind: 'figure', label: 'figure', href: '/web/series/s1', anchor: 'figure-14' }, // about 24 hostages
    { start: 42, end: 46, kind: 'entity', label: 'place: Gaza', href: '/web/entities/gaza' }, // Gaza, inside the quote
    { start: 27, end: 58, kind: 'time', label: 'crossing', href: null }, // starts inside the figure, ends after the quote
    { start: 0, end: 7, kind: 'entity', label: 'person: Leavitt', href: '/web/entities/leavitt' },
    { start: 0, end: 7, kind: 'entity', label: 'same span twice', href: '/web/entities/other' },
    { start: 51, end: 500, kind: 'time', label: 'outside the text', href: null }, // dropped
    { start: 9, end: 9, kind: 'time', label: 'empty', href: null }, // dropped
  ];
  const markup = highlightedText(text, spans).value;
  const { text: shown, kinds, maxLinkDepth } = walk(markup);
  assert.equal(shown, text, 'the text comes out whole, in order');
  assert.equal(maxLinkDepth, 1, 'no link inside a link');
  for (const s of spans.slice(0, 5)) {
    for (let i = 0; i < text.length; i++) {
      const inside = i >= s.start && i < s.end;
      if (inside) assert.ok(kinds[i]!.has(s.kind), `${s.label}: position ${i} (${text[i]}) is not marked ${s.kind}`);
    }
  }
  // Nothing is marked outside every span: "said " and the tail.
  for (const i of [8, 9, 10, 60, 66]) assert.equal(kinds[i]!.size, 0, `position ${i} (${text[i]}) is marked`);
  // The figure is a link, the entity inside the quote too (the quote is no link); anchors only on a span's first piece.
  assert.match(markup, /<mark class="hl hl-figure" title="figure" id="figure-14"><a href="\/web\/series\/s1">/);
  assert.match(markup, /<a href="\/web\/entities\/gaza">Gaza<\/a>/);
  assert.equal(markup.match(/id="quote-13"/g)?.length, 1);
  assert.equal(markup.match(/hl-quote/g)?.length, 1, 'the quote is one element');
  assert.equal(markup.match(/hl-time/g)?.length, 3, 'the crossing time span comes out in pieces: in the figure, in the quote, after it');
});

test('paragraphs become <p> elements, and a span across a paragraph break is marked in both', () => {
  const text = 'First line\nsame paragraph.\n\n  \nSecond <paragraph> & more.\n';
  assert.deepEqual(paragraphRanges(text), [[0, 26], [31, 57]]);
  const markup = highlightedText(text, [{ start: 16, end: 38, kind: 'quote', label: 'q', href: null, anchor: 'quote-16' }]).value;
  assert.equal(
    markup,
    '<p>First line\nsame <mark class="hl hl-quote" title="q" id="quote-16">paragraph.</mark></p><p><mark class="hl hl-quote" title="q">Second </mark>&lt;paragraph&gt; &amp; more.</p>',
  );
  assert.equal(highlightedText('', []).value, '');
});

/** A hand-made stored article whose every text field is hostile. */
function hostileArticle(): StoredArticle {
  const text = `Headline ${HOSTILE}\n\nAlice Example said "we have 40 captives" on Monday.`;
  const at = (part: string) => text.indexOf(part);
  const span = (part: string) => ({ start: at(part), end: at(part) + part.length, text: part });
  const record: AnalysisRecord = {
    id: 'r1',
    source: { path: null, url: 'javascript:alert(1)', outlet: `Outlet ${HOSTILE}` },
    title: span(`Headline ${HOSTILE}`),
    subtitle: null,
    byline: [{ name: `By ${HOSTILE}`, affiliation: null }],
    dateline: null,
    published: { date: '2025-03-05', basis: 'metadata', conflicts: [] },
    text,
    captions: [],
    sentences: [],
    entities: [{ id: 'e1', name: `Alice" onmouseover="alert(1)`, type: 'PERSON', titles: [HOSTILE], mentions: [span('Alice Example')] }],
    quotes: [{ ...span('we have 40 captives'), kind: 'direct', speaker: { ...span('Alice Example'), entity: 'e1' }, cue: span('said'), date: null }],
    times: [{ ...span('Monday'), type: 'DATE', value: '2025-03-03' }],
    figures: [{ ...span('40 captives'), low: 40, high: 40, hedge: null, unit: 'person', counts: 'captives', claimant: { entity: 'e1', text: HOSTILE }, asOf: null }],
    events: [],
  };
  return { id: 'r1', articleId: 'r1', version: 1, latest: true, url: record.source.url, outlet: record.source.outlet, published: '2025-03-05', title: record.title!.text, ingestedAt: '2025-03-05T00:00:00Z', record };
}

test('the article page escapes hostile stored text everywhere and links its spans into the dossier', () => {
  const article = hostileArticle();
  const markup = articlePage(
    { article, links: [{ recordId: 'r1', entityId: 'e1', identityId: 'id"1', evidence: 'new identity', note: null }], seriesOfFigure: new Map([[article.record.figures[0]!.start, 'held|captives']]), versions: [article] },
    false,
  ).value;
  assert.doesNotMatch(markup, /<script|<img|onmouseover="alert|javascript:/);
  assert.match(markup, /<title>Headline &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  assert.match(markup, /title="person: Alice&quot; onmouseover=&quot;alert\(1\)/);
  assert.match(markup, /<a href="\/web\/entities\/id%221">Alice Example<\/a>/);
  assert.match(markup, /<a href="\/web\/series\/held%7Ccaptives">40 captives<\/a>/);
  assert.match(markup, /<a href="\/web\/quotes\?speaker=id%221">said<\/a>/, 'the attribution links to the speaker’s quotes');
  assert.match(markup, /title="date: 2025-03-03">Monday/);
  assert.doesNotMatch(markup, />original</, 'a javascript: URL is not linked');
  assert.doesNotMatch(markup, /Stories</, 'no stories link unless asked');
  walk(markup.slice(markup.indexOf('<div class="article-text">'), markup.indexOf('</div>', markup.indexOf('<div class="article-text">')) + 6));
});

test('a search snippet marks its matched words and escapes the rest', () => {
  assert.equal(snippetHtml({ text: '<b>hostages</b> & more', marks: [{ start: 5, end: 7 }, { start: 3, end: 11 }, { start: 16, end: 99 }] }).value, '&lt;b&gt;<b>hostages</b>&lt;/b&gt; &amp; more');
});

const point = (article: string, start: number, asOf: string | null, low: number, high: number, hedge: string | null = null): LedgerPoint => ({
  article,
  outlet: `Outlet ${HOSTILE}`,
  start,
  end: start + 5,
  text: `${low} captives`,
  low,
  high,
  hedge,
  claimant: { entity: null, text: 'officials' },
  asOf,
});

test('the series chart places dated points, draws intervals as bars and rings the points of a conflict', () => {
  const a = point('a1', 10, '2025-03-01', 40, 40, 'about');
  const b = point('b1', 20, '2025-03-01', 25, 25);
  const c = point('c1', 30, '2025-03', 30, 35);
  const undated = point('d1', 40, null, 50, 50);
  const series: FigureSeries = { id: 'held|captives', family: 'held people', definition: `captives ${HOSTILE}`, place: null, unit: 'person', points: [a, b, c, undated] };
  const conflict: FigureDisagreement = { kind: 'conflict', series: [series.id, series.id], earlier: a, later: b, why: `40 vs 25 ${HOSTILE}` };
  const placed = placePoints(series, [conflict]);
  assert.deepEqual(
    placed.map((p) => [p.point.article, p.value, p.conflict]),
    [['a1', 40, true], ['b1', 25, true], ['c1', 32.5, false]],
  );
  assert.deepEqual([placed[0]!.low, placed[0]!.high], [36, 44], '"about 40" is the interval the ledger compares');
  const svg = seriesChart(series, [conflict], 'cap').value;
  assert.equal(svg.match(/<a class="point/g)?.length, 3, 'the undated point is not placed');
  assert.equal(svg.match(/<a class="point conflict"/g)?.length, 2);
  assert.equal(svg.match(/class="conflict-ring"/g)?.length, 2);
  assert.equal(svg.match(/class="conflict-link"/g)?.length, 1);
  assert.equal(svg.match(/class="interval"/g)?.length, 2, 'bars for "about 40" and 30–35, none for an exact 25');
  assert.match(svg, /href="\/web\/articles\/a1#figure-10"/);
  assert.doesNotMatch(svg, /<script|<img/);
  assert.match(seriesChart({ ...series, points: [undated] }, [], 'cap').value, /none can be placed/);
});

test('the story list and story page render from hand-made objects, escaped', () => {
  const p1 = point('r1', 5, '2025-03-01', 40, 40);
  const p2 = point('r2', 9, '2025-03-04', 35, 35);
  const story: StoryView = {
    id: 's/1',
    label: `Talks ${HOSTILE}`,
    articles: [
      { id: 'r1', title: `First ${HOSTILE}`, outlet: 'Harbor Wire', published: '2025-03-01' },
      { id: 'r2', title: 'Second', outlet: 'Civic Ledger', published: '2025-03-04' },
    ],
    subEvents: [{ id: 'e1', label: 'Opening of talks', articleIds: ['r1', 'r2'] }],
    timeline: [
      { date: '2025-03-01', kind: 'event', status: 'happened', text: `Talks opened ${HOSTILE}`, article: 'r1', outlet: 'Harbor Wire', start: 0, end: 12 },
      { date: '2025-03-02', kind: 'quote', text: 'We are close', article: 'r1', outlet: 'Harbor Wire', start: 40, end: 52 },
      { date: '2025-03-04', kind: 'figure', text: '35 captives', article: 'r2', outlet: 'Civic Ledger', start: 9, end: 20 },
    ],
    people: [{ name: 'Hesper Quill', type: 'PERSON', roles: ['envoy', 'mediator'], mentions: 3 }],
    quotesBySpeaker: [{ speaker: 'Hesper Quill', quotes: [{ text: 'We are close', kind: 'direct', article: 'r1', start: 40, end: 52, date: '2025-03-02' }] }],
    series: [{ id: 'held|captives', family: 'held people', definition: 'captives', place: 'Kestria', unit: 'person', points: [p1, p2] }],
    disagreements: [],
    sources: { outlets: ['Harbor Wire', 'Civic Ledger'], articles: 2, independent: 1 },
  };
  const markup = storyPage(storyViewPage(story, {})).value;
  assert.doesNotMatch(markup, /<script|<img/);
  assert.match(markup, /<h1>Talks &lt;script&gt;/);
  assert.equal(markup.match(/<li class="kind-/g)?.length, 3);
  assert.match(markup, /<span class="tag">event · happened<\/span> <a href="\/web\/articles\/r1">Talks opened/);
  assert.match(markup, /<a href="\/web\/articles\/r1#quote-40">We are close<\/a>/);
  assert.match(markup, /<a href="\/web\/articles\/r2#figure-9">35 captives<\/a>/);
  assert.match(markup, /<a href="\/web\/entities\/Hesper%20Quill">Hesper Quill<\/a><\/th><td>PERSON<\/td><td>envoy; mediator<\/td>/);
  assert.equal(markup.match(/<a class="point/g)?.length, 2, 'the series is drawn');
  assert.match(markup, /2 articles, of which 1 independent/);
  assert.match(markup, /aria-current="page">Stories</);
  assert.doesNotMatch(markup, /Earlier|Later|id="timeline-pager"/, 'a timeline shown whole has no pager');
  // The second page of a longer timeline: where its entries sit, and the way to the pages around it.
  const second = storyPage({ ...storyViewPage(story, {}), timelineTotal: 8, timelineNextCursor: 'c3' }, { offset: 3, earlier: '/web/stories/s%2F1', later: '/web/stories/s%2F1?cursor=c3' }).value;
  assert.match(second, /<ol class="timeline" id="timeline" start="4">/);
  assert.match(storyPage(storyViewPage({ ...story, quotesBySpeaker: [] }, {})).value, /<h2 id="quotes-heading">Quotes by speaker<\/h2><p>None found.<\/p>/);
  assert.match(second, /Entries 4–6 of 8 · <a href="\/web\/stories\/s%2F1" rel="prev">← Earlier<\/a> · <a href="\/web\/stories\/s%2F1\?cursor=c3" rel="next">Later →<\/a>/);
  const list = storyListPage([{ id: 's/1', label: `Talks ${HOSTILE}`, size: 2, firstPublished: '2025-03-01', lastPublished: null }], '/web/stories?cursor=x').value;
  assert.match(list, /<a href="\/web\/stories\/s%2F1">Talks &lt;script&gt;/);
  assert.match(list, /2 articles · <time datetime="2025-03-01">2025-03-01<\/time> – <span class="undated">undated<\/span>/);
  assert.match(list, /rel="next"/);
});
