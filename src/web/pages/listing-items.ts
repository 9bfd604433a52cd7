// The pieces several pages list alike: an article line, a stored quote, a table of stored figures,
// a list of identities, and the filter form of a listing.
import type { ArticleMeta, IdentitySummary, StoredFigure, StoredQuote } from '../../store/store.ts';
import { html, type HtmlValue, type SafeHtml } from '../html.ts';
import { dayHtml } from '../layout.ts';
import { figureAnchor, paths, quoteAnchor } from '../web-paths.ts';
import { figureValue } from './article-page.ts';

/** An article as a list line: its title linked to its page, outlet and date. */
export function articleItem(a: Pick<ArticleMeta, 'id' | 'title' | 'outlet' | 'published'>): SafeHtml {
  return html`<li><a href="${paths.article(a.id)}">${a.title ?? 'Untitled article'}</a> <span class="meta">${a.outlet ?? 'outlet unknown'} · ${dayHtml(a.published)}</span></li>`;
}

/** A stored quote: its words linked to their place in the article, the speaker linked to their page, the date and the article. */
export function quoteItem(q: StoredQuote): SafeHtml {
  const speaker = q.speaker === null ? html`Unnamed speaker` : q.speaker.identity === null ? html`${q.speaker.text}` : html`<a href="${paths.entity(q.speaker.identity.id)}">${q.speaker.identity.name}</a>`;
  return html`<li><blockquote><p>${q.content.text}</p></blockquote><p class="meta">— ${speaker} <span class="tag">${q.kind}</span> ${dayHtml(q.date ?? q.published)} · <a href="${paths.article(q.recordId, quoteAnchor(q.content.start))}">in ${q.title ?? 'the article'}</a>${q.outlet === null ? '' : html` (${q.outlet})`}</p></li>`;
}

/** Stored figures as a table: the figure linked to its place in its article, value, what it counts, claimant, date, outlet. */
export function figureTable(figures: readonly StoredFigure[], caption: string): SafeHtml {
  const rows = figures.map((f) => {
    const claimant = f.claimant === null ? '' : f.claimant.identity === null ? html`${f.claimant.text}` : html`<a href="${paths.entity(f.claimant.identity.id)}">${f.claimant.text}</a>`;
    return html`<tr><td><a href="${paths.article(f.recordId, figureAnchor(f.figure.start))}">${f.figure.text}</a></td><td class="num">${figureValue(f.low, f.high)}${f.hedge === null ? '' : html` <span class="meta">(${f.hedge})</span>`}</td><td>${f.counts ?? ''}</td><td>${claimant}</td><td>${dayHtml(f.asOf ?? f.published)}</td><td>${f.outlet ?? ''}</td></tr>`;
  });
  return html`<div class="table-wrap"><table><caption class="visually-hidden">${caption}</caption><thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Counts</th><th scope="col">Claimant</th><th scope="col">As of</th><th scope="col">Outlet</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Identities as a list: name linked to their page, type, how many articles mention them. */
export function identityList(identities: readonly IdentitySummary[]): SafeHtml {
  const items = identities.map(
    (i) => html`<li><a href="${paths.entity(i.id)}">${i.name}</a> <span class="tag">${i.type}</span>${i.ambiguous ? html` <span class="tag">ambiguous</span>` : ''} <span class="meta">${i.articles} article${i.articles === 1 ? '' : 's'}, ${i.mentions} mention${i.mentions === 1 ? '' : 's'}</span></li>`,
  );
  return html`<ul class="plain">${items}</ul>`;
}

/** One text field of a filter form. */
export interface FilterField {
  name: string;
  label: string;
  value: string | undefined;
  /** "date" fields take YYYY-MM-DD. */
  type?: 'text' | 'date' | 'search';
  hint?: string;
}

/** A GET form of labelled fields that reloads the listing at `action`. */
export function filterForm(action: string, label: string, fields: readonly FilterField[], extra: HtmlValue = ''): SafeHtml {
  const inputs = fields.map(
    (f) => html`<label for="f-${f.name}">${f.label}<input id="f-${f.name}" name="${f.name}" type="${f.type ?? 'text'}" value="${f.value ?? ''}"${f.hint === undefined ? '' : html` placeholder="${f.hint}"`}></label>`,
  );
  return html`<form class="filters" action="${action}" method="get" aria-label="${label}">${inputs}${extra}<button type="submit">Apply</button></form>`;
}
