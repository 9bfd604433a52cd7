// The article page: the stored text with its analysed spans highlighted (entities link to their
// identity's page, figures to their series, quote cues to the speaker's quotes; times show their
// resolved value), a legend, and the article's entities, quotes, figures and versions as lists.
import type { AnalysisRecord } from '../../model/record.ts';
import type { ArticleMeta, EntityLink, StoredArticle } from '../../store/store.ts';
import { highlightedText, type Highlight } from '../article-text.ts';
import { formatNumber } from '../figure-chart.ts';
import { html, safeExternalUrl, type SafeHtml } from '../html.ts';
import { dayHtml, page, type PageFrame } from '../layout.ts';
import { figureAnchor, paths, quoteAnchor } from '../web-paths.ts';

/** What the article page shows: the stored article, its entities' links to identities, the series each figure joined (by figure start), and the article's versions. */
export interface ArticlePageData {
  article: StoredArticle;
  links: readonly EntityLink[];
  /** Series id by the figure's start offset, for figures that joined a series. */
  seriesOfFigure: ReadonlyMap<number, string>;
  versions: readonly ArticleMeta[];
}

/** The identity id of each entity of the record that is linked to one. */
function identityOf(links: readonly EntityLink[]): Map<string, string> {
  return new Map(links.map((l) => [l.entityId, l.identityId]));
}

/** A figure's value as words: "24", "21.6–26.4", "at least 50". */
export function figureValue(low: number | null, high: number | null): string {
  if (low !== null && high !== null) return low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`;
  if (low !== null) return `at least ${formatNumber(low)}`;
  if (high !== null) return `at most ${formatNumber(high)}`;
  return 'no value';
}

/** The highlights of a record: every entity mention, quote (content and cue), time and figure. */
export function recordHighlights(record: AnalysisRecord, identities: ReadonlyMap<string, string>, seriesOfFigure: ReadonlyMap<number, string>): Highlight[] {
  const out: Highlight[] = [];
  const entityName = new Map(record.entities.map((e) => [e.id, e.name]));
  for (const e of record.entities) {
    const identity = identities.get(e.id);
    const label = `${e.type.toLowerCase()}: ${e.name}${e.titles.length > 0 ? ` (${e.titles.join('; ')})` : ''}`;
    for (const m of e.mentions) out.push({ start: m.start, end: m.end, kind: 'entity', label, href: identity === undefined ? null : paths.entity(identity) });
  }
  for (const q of record.quotes) {
    const speaker = q.speaker === null ? 'an unnamed speaker' : (entityName.get(q.speaker.entity ?? '') ?? q.speaker.text);
    out.push({ start: q.start, end: q.end, kind: 'quote', label: `${q.kind} quote of ${speaker}${q.date === null ? '' : `, ${q.date}`}`, href: null, anchor: quoteAnchor(q.start) });
    const identity = q.speaker?.entity === null || q.speaker?.entity === undefined ? undefined : identities.get(q.speaker.entity);
    if (q.cue !== null) {
      out.push({ start: q.cue.start, end: q.cue.end, kind: 'quote', label: `attribution: every quote of ${speaker}`, href: identity === undefined ? null : paths.quotes({ speaker: identity }) });
    }
  }
  for (const t of record.times) out.push({ start: t.start, end: t.end, kind: 'time', label: `${t.type.toLowerCase()}: ${t.value ?? 'no resolved value'}`, href: null });
  for (const f of record.figures) {
    const series = seriesOfFigure.get(f.start);
    const label = `figure: ${figureValue(f.low, f.high)}${f.unit === null ? '' : ` ${f.unit}`}${f.counts === null ? '' : ` ${f.counts}`}${f.claimant === null ? '' : `, according to ${f.claimant.text}`}${f.asOf === null ? '' : `, as of ${f.asOf}`}`;
    out.push({ start: f.start, end: f.end, kind: 'figure', label, href: series === undefined ? null : paths.series(series), anchor: figureAnchor(f.start) });
  }
  return out;
}

const LEGEND = html`<ul class="legend" aria-label="Legend">
<li><mark class="hl hl-entity">Entity</mark> links to the person's or organisation's page</li>
<li><mark class="hl hl-quote">Quote</mark> its attribution links to the speaker's quotes</li>
<li><mark class="hl hl-time">Time</mark> shows its resolved date</li>
<li><mark class="hl hl-figure">Figure</mark> links to its figure series</li>
</ul>`;

/** The article page. `stories` shows the stories link in the navigation. */
export function articlePage(data: ArticlePageData, stories: boolean): SafeHtml {
  const { article, links, seriesOfFigure, versions } = data;
  const { record } = article;
  const identities = identityOf(links);
  const original = safeExternalUrl(article.url);
  const frame: PageFrame = {
    title: article.title ?? record.title?.text ?? 'Untitled article',
    section: 'none',
    stories,
    lede: html`${article.outlet ?? 'Outlet unknown'} · ${dayHtml(article.published)}${record.byline.length === 0 ? '' : html` · by ${record.byline.map((b) => b.name).join(', ')}`}${
      original === null ? '' : html` · <a href="${original}" rel="noreferrer noopener">original</a>`
    }${versions.length > 1 ? html` · version ${article.version} of ${versions.length}` : ''}`,
  };
  const entities = record.entities.map((e) => {
    const identity = identities.get(e.id);
    const name = identity === undefined ? html`${e.name}` : html`<a href="${paths.entity(identity)}">${e.name}</a>`;
    return html`<li>${name} <span class="tag">${e.type}</span>${e.titles.length > 0 ? html` <span class="meta">${e.titles.join('; ')}</span>` : ''} <span class="meta">${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}</span></li>`;
  });
  const entityName = new Map(record.entities.map((e) => [e.id, e.name]));
  const quotes = record.quotes.map((q) => {
    const identity = q.speaker?.entity === null || q.speaker?.entity === undefined ? undefined : identities.get(q.speaker.entity);
    const who = q.speaker === null ? 'Unnamed speaker' : (entityName.get(q.speaker.entity ?? '') ?? q.speaker.text);
    return html`<li><blockquote><p><a href="#${quoteAnchor(q.start)}">${q.text}</a></p></blockquote><p class="meta">— ${identity === undefined ? who : html`<a href="${paths.entity(identity)}">${who}</a>`} <span class="tag">${q.kind}</span>${q.date === null ? '' : html` ${dayHtml(q.date)}`}</p></li>`;
  });
  const figures = record.figures.map((f) => {
    const series = seriesOfFigure.get(f.start);
    return html`<tr><td><a href="#${figureAnchor(f.start)}">${f.text}</a></td><td class="num">${figureValue(f.low, f.high)}</td><td>${f.counts ?? ''}</td><td>${f.claimant?.text ?? ''}</td><td>${dayHtml(f.asOf)}</td><td>${series === undefined ? 'none' : html`<a href="${paths.series(series)}">series</a>`}</td></tr>`;
  });
  const versionItems = versions.map(
    (v) => html`<li>${v.id === article.id ? html`<strong>version ${v.version} (this one)</strong>` : html`<a href="${paths.article(v.id)}">version ${v.version}</a>`} · stored ${v.ingestedAt.slice(0, 10)}${v.title === null ? '' : html` · ${v.title}`}</li>`,
  );
  return page(
    frame,
    html`<article aria-labelledby="text-heading">
<h2 id="text-heading">Text</h2>
${LEGEND}
<div class="article-text">${highlightedText(record.text, recordHighlights(record, identities, seriesOfFigure))}</div>
</article>
<section aria-labelledby="entities-heading"><h2 id="entities-heading">People, organisations and places (${record.entities.length})</h2>
${entities.length === 0 ? html`<p>None found.</p>` : html`<ul class="plain">${entities}</ul>`}</section>
<section aria-labelledby="quotes-heading"><h2 id="quotes-heading">Quotes (${record.quotes.length})</h2>
${quotes.length === 0 ? html`<p>None found.</p>` : html`<ul class="plain">${quotes}</ul>`}</section>
<section aria-labelledby="figures-heading"><h2 id="figures-heading">Figures (${record.figures.length})</h2>
${figures.length === 0 ? html`<p>None found.</p>` : html`<div class="table-wrap"><table><thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Counts</th><th scope="col">Claimant</th><th scope="col">As of</th><th scope="col">Series</th></tr></thead><tbody>${figures}</tbody></table></div>`}</section>
${versions.length > 1 ? html`<section aria-labelledby="versions-heading"><h2 id="versions-heading">Versions</h2><ul class="plain">${versionItems}</ul></section>` : ''}`,
  );
}
