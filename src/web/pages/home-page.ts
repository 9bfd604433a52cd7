// The home page: what the store holds, the most recently published articles, the identities most
// articles mention, and a summary of where the stored figures disagree.
import type { FigureDisagreement, FigureLedger } from '../../link/ledger/figure-ledger.ts';
import type { ArticleMeta, IdentitySummary, StoreStats } from '../../store/store.ts';
import { html, type SafeHtml } from '../html.ts';
import { dayHtml, page } from '../layout.ts';
import { paths } from '../web-paths.ts';
import { articleItem, identityList } from './listing-items.ts';
import { disagreementItem } from './series-pages.ts';

/** What the home page shows. */
export interface HomePageData {
  stats: StoreStats;
  /** The latest versions, most recently published first. */
  recent: readonly ArticleMeta[];
  topEntities: readonly IdentitySummary[];
  ledger: FigureLedger;
}

/** How many conflicts the home page lists before linking to the rest. */
const CONFLICTS_SHOWN = 5;

/** The home page. */
export function homePage(data: HomePageData, stories: boolean): SafeHtml {
  const { stats, recent, topEntities, ledger } = data;
  const byKind = (kind: FigureDisagreement['kind']) => ledger.disagreements.filter((d) => d.kind === kind);
  const conflicts = byKind('conflict');
  const empty = stats.articles === 0;
  return page(
    { title: 'Dossier', section: 'home', stories, lede: 'A sourced record of the coverage it has read: who said what, which figures, and where the sources disagree.' },
    html`${
      empty
        ? html`<p class="notice" role="status">The store is empty. Add articles with <code>dossier ingest PATH</code>, then reload this page.</p>`
        : ''
    }
<section aria-labelledby="stats-heading"><h2 id="stats-heading">In the store</h2>
<dl class="stats"><div><dt>Articles</dt><dd>${stats.articles}</dd></div><div><dt>Outlets</dt><dd>${stats.outlets.length}</dd></div><div><dt>Figure series</dt><dd>${ledger.series.length}</dd></div><div><dt>Conflicts</dt><dd>${conflicts.length}</dd></div><div><dt>Published</dt><dd>${dayHtml(stats.firstPublished)} – ${dayHtml(stats.lastPublished)}</dd></div></dl></section>
<div class="cards">
<section class="card" aria-labelledby="recent-heading"><h2 id="recent-heading">Recent articles</h2>
${recent.length === 0 ? html`<p>None yet.</p>` : html`<ul class="plain" id="recent-articles">${recent.map(articleItem)}</ul>`}</section>
<section class="card" aria-labelledby="entities-heading"><h2 id="entities-heading">Most mentioned</h2>
${topEntities.length === 0 ? html`<p>None yet.</p>` : identityList(topEntities)}
<p><a href="${paths.entities()}">All people, organisations and places</a></p></section>
</div>
<section aria-labelledby="conflicts-heading"><h2 id="conflicts-heading">Where the figures disagree</h2>
<p>${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} (the same measure for the same date, values apart), ${byKind('update').length} update${byKind('update').length === 1 ? '' : 's'} (a later count), ${byKind('different definition').length} different definition${byKind('different definition').length === 1 ? '' : 's'} (counting different things) across ${ledger.series.length} figure series.</p>
${conflicts.length === 0 ? '' : html`<ul class="plain">${conflicts.slice(0, CONFLICTS_SHOWN).map(disagreementItem)}</ul>`}
<p><a href="${paths.seriesList()}">Every figure series and disagreement</a></p></section>`,
  );
}
