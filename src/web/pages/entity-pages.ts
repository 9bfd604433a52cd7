// People, organisations, places, groups and events across articles: the list of identities, and one
// identity's page (aliases, related identities, titles over time, their quotes, the figures they
// claim, the articles that mention them), or the candidates a name may stand for.
import type { EntityType } from '../../model/layers.ts';
import type { IdentityDetail, IdentitySummary, StoredFigure, StoredQuote } from '../../store/store.ts';
import { html, joinHtml, type SafeHtml } from '../html.ts';
import { dayHtml, nextPageLink, page } from '../layout.ts';
import { paths } from '../web-paths.ts';
import { articleItem, figureTable, identityList, quoteItem } from './listing-items.ts';

const TYPES: { type: EntityType; label: string }[] = [
  { type: 'PERSON', label: 'People' },
  { type: 'ORG', label: 'Organisations' },
  { type: 'GPE', label: 'Countries and cities' },
  { type: 'LOC', label: 'Other places' },
  { type: 'NORP', label: 'Groups' },
  { type: 'EVENT', label: 'Events' },
];

/** The list of identities, optionally of one type, one page of it; `next` is the next page's URL or null. */
export function entitiesPage(identities: readonly IdentitySummary[], type: EntityType | undefined, next: string | null, stories: boolean): SafeHtml {
  const filters = [html`<li><a href="${paths.entities()}"${type === undefined ? html` aria-current="page"` : ''}>All</a></li>`, ...TYPES.map((t) => html`<li><a href="${paths.entities({ type: t.type })}"${t.type === type ? html` aria-current="page"` : ''}>${t.label}</a></li>`)];
  return page(
    { title: TYPES.find((t) => t.type === type)?.label ?? 'People, organisations and places', section: 'entities', stories, lede: 'Each is one identity across the stored articles, most mentioned first.' },
    html`<nav aria-label="Entity types"><ul class="legend">${filters}</ul></nav>
${identities.length === 0 ? html`<p>None stored.</p>` : identityList(identities)}
${nextPageLink(next)}`,
  );
}

/** One identity's page, with its quotes and the figures it claims (the first of each, newest first). */
export function entityPage(identity: IdentityDetail, quotes: readonly StoredQuote[], figures: readonly StoredFigure[], stories: boolean): SafeHtml {
  const titles = identity.titles.map(
    (t) => html`<tr><td>${t.title}</td><td>${dayHtml(t.firstDate)}</td><td>${dayHtml(t.lastDate)}</td><td>${joinHtml(t.articles.map((a, i) => html`<a href="${paths.article(a.id)}">${i + 1}</a>`), ', ')}</td></tr>`,
  );
  const related = identity.related.map((r) => html`<li><a href="${paths.entity(r.id)}">${r.name}</a> <span class="tag">${r.relation}</span></li>`);
  const appearances = identity.appearances.map((a) => html`${articleItem(a)}`);
  return page(
    {
      title: identity.name,
      section: 'entities',
      stories,
      lede: html`<span class="tag">${identity.type}</span> mentioned ${identity.mentions} time${identity.mentions === 1 ? '' : 's'} in ${identity.articles} article${identity.articles === 1 ? '' : 's'}${identity.ambiguous ? ' · a surname several people share' : ''}`,
    },
    html`${identity.aliases.length === 0 ? '' : html`<p><strong>Also written:</strong> ${identity.aliases.join(', ')}</p>`}
${identity.candidates.length === 0 ? '' : html`<section aria-labelledby="candidates-heading"><h2 id="candidates-heading">May stand for</h2>${identityList(identity.candidates)}</section>`}
${related.length === 0 ? '' : html`<section aria-labelledby="related-heading"><h2 id="related-heading">Related</h2><ul class="plain">${related}</ul></section>`}
<section aria-labelledby="titles-heading"><h2 id="titles-heading">Titles over time</h2>
${titles.length === 0 ? html`<p>No title stated.</p>` : html`<div class="table-wrap"><table><thead><tr><th scope="col">Title</th><th scope="col">First</th><th scope="col">Last</th><th scope="col">Articles</th></tr></thead><tbody>${titles}</tbody></table></div>`}</section>
<section aria-labelledby="quotes-heading"><h2 id="quotes-heading">Quotes</h2>
${quotes.length === 0 ? html`<p>No quote attributed.</p>` : html`<ul class="plain">${quotes.map(quoteItem)}</ul><p><a href="${paths.quotes({ speaker: identity.id })}">Every quote of ${identity.name}</a></p>`}</section>
<section aria-labelledby="figures-heading"><h2 id="figures-heading">Figures claimed</h2>
${figures.length === 0 ? html`<p>No figure attributed.</p>` : html`${figureTable(figures, `Figures claimed by ${identity.name}`)}<p><a href="${paths.figures({ claimant: identity.id })}">Every figure ${identity.name} claims</a></p>`}</section>
<section aria-labelledby="articles-heading"><h2 id="articles-heading">Articles (${identity.appearances.length})</h2><ul class="plain">${appearances}</ul></section>`,
  );
}

/** A name that several identities bear: the candidates to choose from. */
export function candidatesPage(name: string, candidates: readonly IdentitySummary[], stories: boolean): SafeHtml {
  return page({ title: `“${name}” names several entities`, section: 'entities', stories, lede: 'Choose one:' }, identityList(candidates));
}
