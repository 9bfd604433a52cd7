// The story list and the story page, rendered from plain JSON shapes: the listing's fields
// (StoryListItem) and the StoryViewPage of ../../api/routes/stories-routes.ts, which GET /stories and
// GET /stories/:id answer too; the page needs nothing else of the store. A story page shows a page
// of the story's timeline (with links to the earlier and later entries), its sub-events, the people
// and organisations in it with their roles, the first quotes of its most quoted speakers, its figure
// series as charts with conflicts marked, its first disagreements, and its sources and how many are
// independent; links lead to the rest.
import type { StoryViewPage } from '../../api/routes/stories-routes.ts';
import type { FigureDisagreement } from '../../link/ledger/figure-ledger.ts';
import type { StoryQuote, TimelineEntry } from '../../link/stories/story-view.ts';
import type { StoryListing } from '../../store/story-rows.ts';
import { seriesChart } from '../figure-chart.ts';
import { html, joinHtml, type SafeHtml } from '../html.ts';
import { dayHtml, nextPageLink, page } from '../layout.ts';
import { figureAnchor, paths, quoteAnchor } from '../web-paths.ts';
import { articleItem } from './listing-items.ts';
import { disagreementItem, seriesName } from './series-pages.ts';

/** A story as the list shows it: the fields of the store's StoryListing the list needs. */
export type StoryListItem = Pick<StoryListing, 'id' | 'label' | 'size' | 'firstPublished' | 'lastPublished'>;

/** The page listing stories, in the order given; `next` is the next page's URL or null. */
export function storyListPage(stories: readonly StoryListItem[], next: string | null = null): SafeHtml {
  const items = stories.map(
    (s) => html`<li><a href="${paths.story(s.id)}">${s.label}</a> <span class="meta">${s.size} article${s.size === 1 ? '' : 's'} · ${dayHtml(s.firstPublished)} – ${dayHtml(s.lastPublished)}</span></li>`,
  );
  return page({ title: 'Stories', section: 'stories', stories: true, lede: 'Long-running stories: the articles that tell each, grouped by what they are about.' }, html`${items.length === 0 ? html`<p>No story stored yet.</p>` : html`<ul class="plain" id="story-list">${items}</ul>`}${nextPageLink(next)}`);
}

/**
 * Series drawn as charts, those with the most figures (each chart is some kilobytes of SVG); the
 * others are linked. The view itself is bounded already (storyViewPage): a page stays some tens of KB.
 */
export const CHARTS_SHOWN = 8;

/** Where a timeline entry or quote sits in its article page. */
function spanLink(kind: TimelineEntry['kind'], article: string, start: number): string {
  return paths.article(article, kind === 'quote' ? quoteAnchor(start) : kind === 'figure' ? figureAnchor(start) : undefined);
}

/** Where the page's timeline entries sit in the whole timeline, and the URLs of the earlier and later pages (null: none). */
export interface TimelinePager {
  offset: number;
  earlier: string | null;
  later: string | null;
}

/** The timeline's heading note and links: which entries of how many, and the way to the others. */
function timelinePager(story: StoryViewPage, pager: TimelinePager): SafeHtml {
  if (story.timeline.length === story.timelineTotal) return html``;
  const first = pager.offset + 1;
  const last = pager.offset + story.timeline.length;
  return html`<p class="pager" id="timeline-pager">Entries ${first}–${last} of ${story.timelineTotal}${pager.earlier === null ? '' : html` · <a href="${pager.earlier}" rel="prev">← Earlier</a>`}${pager.later === null ? '' : html` · <a href="${pager.later}" rel="next">Later →</a>`}</p>`;
}

/**
 * The story page: `story` with one page of its timeline, at `pager`'s place in it (the first page
 * when absent). The charts ring every conflict of their series: `conflicts` are all the story's
 * disagreements (the view gives only the first).
 */
export function storyPage(story: StoryViewPage, pager: TimelinePager = { offset: 0, earlier: null, later: null }, conflicts: readonly FigureDisagreement[] = story.disagreements): SafeHtml {
  const titleOf = new Map(story.articles.map((a) => [a.id, a.title ?? 'Untitled article']));
  const timeline = story.timeline.map(
    (t) => html`<li class="kind-${t.kind}">${dayHtml(t.date)} <span class="tag">${t.kind}${t.status === undefined ? '' : ` · ${t.status}`}</span> <a href="${spanLink(t.kind, t.article, t.start)}">${t.text}</a> <span class="meta">${t.outlet ?? ''}${t.outlet === null ? '' : ', '}${titleOf.get(t.article) ?? ''}</span></li>`,
  );
  const subEvents = story.subEvents.map((e) => html`<li>${e.label} <span class="meta">${joinHtml(e.articleIds.map((id) => html`<a href="${paths.article(id)}">${titleOf.get(id) ?? id}</a>`), '; ')}</span></li>`);
  const people = story.people.map((p) => html`<tr><th scope="row"><a href="${paths.entity(p.name)}">${p.name}</a></th><td>${p.type}</td><td>${p.roles.join('; ')}</td></tr>`);
  const quoteItem = (q: StoryQuote) => html`<li><blockquote><p>${q.text}</p></blockquote><p class="meta">${dayHtml(q.date)} · <a href="${spanLink('quote', q.article, q.start)}">${titleOf.get(q.article) ?? 'in the article'}</a></p></li>`;
  const allQuotes = (speaker: string) => html`<a href="${paths.quotes({ speaker })}">all quotes of ${speaker}</a>`;
  const quoted = story.quotesBySpeaker.filter((s) => s.quotes.length > 0);
  const otherSpeakers = story.quotesBySpeaker.filter((s) => s.quotes.length === 0);
  const quotes = [
    ...quoted.map(
      (s) =>
        html`<h3>${s.speaker}</h3><ul class="plain">${s.quotes.map(quoteItem)}</ul>${s.quoteCount > s.quotes.length ? html`<p class="meta">${s.quoteCount - s.quotes.length} more here (the timeline has them); ${allQuotes(s.speaker)}.</p>` : ''}`,
    ),
    otherSpeakers.length === 0 ? '' : html`<h3>Other speakers</h3><ul class="plain" id="other-speakers">${otherSpeakers.map((s) => html`<li>${allQuotes(s.speaker)} <span class="meta">${s.quoteCount} here</span></li>`)}</ul>`,
  ];
  const moreDisagreements = story.disagreementCount - story.disagreements.length;
  // A series of one figure is a line of text, not a chart.
  const charted = story.series.filter((s) => s.points.length > 1);
  const single = story.series.filter((s) => s.points.length <= 1);
  // The series with the most figures are drawn, in the ledger's order; the others are linked.
  const drawn = new Set([...charted].sort((a, b) => b.points.length - a.points.length).slice(0, CHARTS_SHOWN));
  const charts = charted.filter((s) => drawn.has(s)).map((s, i) => html`<h3><a href="${paths.series(s.id)}">${seriesName(s)}</a></h3>${seriesChart(s, conflicts, `story-chart-${i}`)}`);
  const undrawn = charted.filter((s) => !drawn.has(s)).map((s) => html`<li><a href="${paths.series(s.id)}">${seriesName(s)}</a> <span class="meta">${s.points.length} figures</span></li>`);
  const singles = single.flatMap((s) => s.points.map((p) => html`<li><a href="${paths.series(s.id)}">${seriesName(s)}</a>: <a href="${spanLink('figure', p.article, p.start)}">${p.text}</a> <span class="meta">${p.claimant?.text ?? 'no claimant'}, ${dayHtml(p.asOf)}</span></li>`));
  const { sources } = story;
  return page(
    { title: story.label, section: 'stories', stories: true, lede: html`${story.articles.length} article${story.articles.length === 1 ? '' : 's'} from ${sources.outlets.length} outlet${sources.outlets.length === 1 ? '' : 's'}` },
    html`<section aria-labelledby="timeline-heading"><h2 id="timeline-heading">Timeline</h2>
${timeline.length === 0 ? html`<p>Nothing dated yet.</p>` : html`<ol class="timeline" id="timeline" start="${pager.offset + 1}">${timeline}</ol>${timelinePager(story, pager)}`}</section>
${subEvents.length === 0 ? '' : html`<section aria-labelledby="subevents-heading"><h2 id="subevents-heading">Threads</h2><ul class="plain">${subEvents}</ul></section>`}
<section aria-labelledby="people-heading"><h2 id="people-heading">People and organisations</h2>
${people.length === 0 ? html`<p>None found.</p>` : html`<div class="table-wrap"><table><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Roles</th></tr></thead><tbody>${people}</tbody></table></div>`}</section>
<section aria-labelledby="quotes-heading"><h2 id="quotes-heading">Quotes by speaker</h2>${story.quotesBySpeaker.length === 0 ? html`<p>None found.</p>` : quotes}</section>
<section aria-labelledby="figures-heading"><h2 id="figures-heading">Figures</h2>${story.series.length === 0 ? html`<p>No figure series.</p>` : charts}
${undrawn.length === 0 ? '' : html`<h3>Other series</h3><ul class="plain" id="other-series">${undrawn}</ul>`}
${singles.length === 0 ? '' : html`<h3>Figures given once</h3><ul class="plain">${singles}</ul>`}
${story.disagreements.length === 0 ? '' : html`<h3>Disagreements</h3><ul class="plain" id="story-disagreements">${story.disagreements.map(disagreementItem)}</ul>${moreDisagreements === 0 ? '' : html`<p class="meta">${moreDisagreements} more; each series' page lists those it takes part in.</p>`}`}</section>
<section aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2>
<p>${sources.articles} article${sources.articles === 1 ? '' : 's'}, of which ${sources.independent} independent (the others repeat another article), from ${sources.outlets.length === 0 ? 'unknown outlets' : sources.outlets.join(', ')}.</p>
<ul class="plain">${story.articles.map(articleItem)}</ul></section>`,
  );
}
