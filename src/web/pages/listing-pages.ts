// The quotes and figures listings with their filters (who, between which days, what is counted), one
// page at a time, and the search page. A filter the store cannot take (a day that is not real, a
// name several people bear) is said on the page, above an empty result.
import type { IdentitySummary, SearchHit, StoredFigure, StoredQuote } from '../../store/store.ts';
import { html, type HtmlValue, type SafeHtml } from '../html.ts';
import { dayHtml, nextPageLink, notice, page } from '../layout.ts';
import { paths } from '../web-paths.ts';
import { figureTable, filterForm, identityList, quoteItem } from './listing-items.ts';

/** What a filtered listing page shows besides its items: the filters as given, a problem with them, the candidates of an ambiguous name, and the next page's URL. */
export interface ListingState {
  filters: Record<string, string | undefined>;
  /** Why the filters found nothing to search (a bad day), or null. */
  problem: string | null;
  /** The identities an ambiguous name may stand for; [] when none. */
  candidates: readonly IdentitySummary[];
  /** The name of the identity the `speaker`/`claimant` filter named, or null. */
  who: string | null;
  next: string | null;
}

function problems(state: ListingState, param: string): HtmlValue {
  return [
    state.problem === null ? '' : notice(state.problem, 'error'),
    state.candidates.length === 0 ? '' : html`${notice(`“${state.filters[param] ?? ''}” names several entities; choose one:`, 'error')}${identityList(state.candidates)}`,
  ];
}

/** The quotes listing. */
export function quotesPage(quotes: readonly StoredQuote[], state: ListingState, stories: boolean): SafeHtml {
  const f = state.filters;
  return page(
    { title: state.who === null ? 'Quotes' : `Quotes of ${state.who}`, section: 'quotes', stories, lede: 'Who said what, newest first.' },
    html`${filterForm(paths.quotes(), 'Filter quotes', [
      { name: 'speaker', label: 'Speaker', value: f['speaker'], hint: 'a name' },
      { name: 'since', label: 'Since', value: f['since'], type: 'date' },
      { name: 'until', label: 'Until', value: f['until'], type: 'date' },
    ])}
${problems(state, 'speaker')}
${quotes.length === 0 ? html`<p>No quote found.</p>` : html`<ul class="plain" id="quote-list">${quotes.map(quoteItem)}</ul>`}
${nextPageLink(state.next)}`,
  );
}

/** The figures listing. */
export function figuresPage(figures: readonly StoredFigure[], state: ListingState, stories: boolean): SafeHtml {
  const f = state.filters;
  return page(
    { title: state.who === null ? 'Figures' : `Figures claimed by ${state.who}`, section: 'figures', stories, lede: html`Every stored figure, newest first. <a href="${paths.seriesList()}">Figure series and conflicts</a>.` },
    html`${filterForm(paths.figures(), 'Filter figures', [
      { name: 'counts', label: 'Counts', value: f['counts'], hint: 'hostages' },
      { name: 'claimant', label: 'Claimant', value: f['claimant'], hint: 'a name' },
      { name: 'since', label: 'Since', value: f['since'], type: 'date' },
      { name: 'until', label: 'Until', value: f['until'], type: 'date' },
    ])}
${problems(state, 'claimant')}
${figures.length === 0 ? html`<p>No figure found.</p>` : figureTable(figures, 'Figures')}
${nextPageLink(state.next)}`,
  );
}

/** A search hit's snippet with the matched words marked. */
export function snippetHtml(snippet: SearchHit['snippet']): SafeHtml {
  const parts: HtmlValue[] = [];
  let at = 0;
  for (const m of [...snippet.marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > snippet.text.length) continue;
    parts.push(snippet.text.slice(at, m.start), html`<b>${snippet.text.slice(m.start, m.end)}</b>`);
    at = m.end;
  }
  parts.push(snippet.text.slice(at));
  return html`${parts}`;
}

/** The search page: the form, and for a query its hits with snippets. */
export function searchPage(query: string, hits: readonly SearchHit[] | null, next: string | null, stories: boolean): SafeHtml {
  const results =
    hits === null
      ? ''
      : hits.length === 0
        ? html`<p role="status">No article contains every word of “${query}”.</p>`
        : html`<p role="status">${hits.length}${next === null ? '' : '+'} article${hits.length === 1 ? '' : 's'} found.</p><ol class="plain" id="search-results">${hits.map(
            (h) => html`<li><a href="${paths.article(h.id)}">${h.title ?? 'Untitled article'}</a> <span class="meta">${h.outlet ?? 'outlet unknown'} · ${dayHtml(h.published)}</span><p class="snippet">${snippetHtml(h.snippet)}</p></li>`,
          )}</ol>`;
  return page(
    { title: query === '' ? 'Search' : `Search: ${query}`, section: 'search', stories },
    html`<form class="filters" role="search" action="${paths.search()}" method="get"><label for="search-q">Words to find<input id="search-q" name="q" type="search" value="${query}" required></label><button type="submit">Search</button></form>
${results}
${nextPageLink(next)}`,
  );
}
