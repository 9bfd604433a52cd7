// The figure ledger as pages: every series with its disagreements, and one series as a chart with
// its points and the disagreements it takes part in.
import type { FigureDisagreement, FigureLedger, FigureSeries, LedgerPoint } from '../../link/ledger/figure-ledger.ts';
import { pointKey, seriesChart } from '../figure-chart.ts';
import { html, type SafeHtml } from '../html.ts';
import { dayHtml, page } from '../layout.ts';
import { figureAnchor, paths } from '../web-paths.ts';
import { figureValue } from './article-page.ts';

/** A series' name in words: "living hostages in Gaza (people)". */
export function seriesName(s: FigureSeries): string {
  return `${s.definition}${s.place === null ? '' : ` in ${s.place}`} (${s.unit})`;
}

const KIND_LABEL: Record<FigureDisagreement['kind'], string> = { conflict: 'Conflict', update: 'Update', 'different definition': 'Different definition' };

/** A point as a link to its figure in its article, with claimant, outlet and date. */
function pointLink(p: LedgerPoint): SafeHtml {
  return html`<a href="${paths.article(p.article, figureAnchor(p.start))}">${p.text}</a> <span class="meta">${p.claimant?.text ?? 'no claimant'}, ${p.outlet ?? 'outlet unknown'}, ${dayHtml(p.asOf)}</span>`;
}

/** A disagreement as a list item: its kind, why, both points, and the series it is in. */
export function disagreementItem(d: FigureDisagreement): SafeHtml {
  const [a, b] = d.series;
  return html`<li class="disagreement"><span class="kind-${d.kind === 'conflict' ? 'conflict' : 'other'}">${KIND_LABEL[d.kind]}</span>: ${d.why}
<ul><li>${pointLink(d.earlier)}</li><li>${pointLink(d.later)}</li></ul>
<a href="${paths.series(a)}">series</a>${a === b ? '' : html` · <a href="${paths.series(b)}">other series</a>`}</li>`;
}

/** Every series of the ledger with its count of points and conflicts, then every disagreement by kind. */
export function seriesListPage(ledger: FigureLedger, stories: boolean): SafeHtml {
  const rows = ledger.series.map((s) => {
    const conflicts = ledger.disagreements.filter((d) => d.kind === 'conflict' && d.series.includes(s.id)).length;
    return html`<tr><td><a href="${paths.series(s.id)}">${seriesName(s)}</a></td><td>${s.family}</td><td class="num">${s.points.length}</td><td class="num">${conflicts === 0 ? '0' : html`<span class="kind-conflict">${conflicts}</span>`}</td></tr>`;
  });
  const sections = (['conflict', 'update', 'different definition'] as const).map((kind) => {
    const found = ledger.disagreements.filter((d) => d.kind === kind);
    return html`<h3 id="kind-${kind.replace(' ', '-')}">${KIND_LABEL[kind]}s (${found.length})</h3>${found.length === 0 ? html`<p>None.</p>` : html`<ul class="plain">${found.map(disagreementItem)}</ul>`}`;
  });
  return page(
    { title: 'Figure series', section: 'figures', stories, lede: html`Figures measuring the same thing across articles, by the date they describe. <a href="${paths.figures()}">Every figure</a>.` },
    html`${ledger.series.length === 0 ? html`<p>No figure series: no two stored figures measure the same thing yet.</p>` : html`<div class="table-wrap"><table><thead><tr><th scope="col">Series</th><th scope="col">Family</th><th scope="col">Points</th><th scope="col">Conflicts</th></tr></thead><tbody>${rows}</tbody></table></div>`}
<section aria-labelledby="conflicts"><h2 id="conflicts">Disagreements</h2>${sections}</section>`,
  );
}

/** One series: its chart, its points as a table (undated ones too), and the disagreements that involve it. */
export function seriesPage(series: FigureSeries, ledger: FigureLedger, stories: boolean): SafeHtml {
  const involved = ledger.disagreements.filter((d) => d.series.includes(series.id));
  const inConflict = new Set(involved.filter((d) => d.kind === 'conflict').flatMap((d) => [pointKey(d.earlier), pointKey(d.later)]));
  const rows = series.points.map(
    (p) => html`<tr${inConflict.has(pointKey(p)) ? html` class="in-conflict"` : ''}><td>${dayHtml(p.asOf)}</td><td><a href="${paths.article(p.article, figureAnchor(p.start))}">${p.text}</a></td><td class="num">${figureValue(p.low, p.high)}</td><td>${p.hedge ?? ''}</td><td>${p.claimant?.text ?? ''}</td><td>${p.outlet ?? ''}</td><td>${inConflict.has(pointKey(p)) ? html`<span class="kind-conflict">conflict</span>` : ''}</td></tr>`,
  );
  return page(
    { title: seriesName(series), section: 'figures', stories, lede: html`Family: ${series.family}. ${series.points.length} figure${series.points.length === 1 ? '' : 's'}. <a href="${paths.seriesList()}">All series</a>.` },
    html`${seriesChart(series, ledger.disagreements, 'chart-caption')}
<section aria-labelledby="points-heading"><h2 id="points-heading">Figures in this series</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">As of</th><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Hedge</th><th scope="col">Claimant</th><th scope="col">Outlet</th><th scope="col">Conflict</th></tr></thead><tbody>${rows}</tbody></table></div></section>
<section aria-labelledby="disagreements-heading"><h2 id="disagreements-heading">Disagreements (${involved.length})</h2>
${involved.length === 0 ? html`<p>The figures of this series agree.</p>` : html`<ul class="plain">${involved.map(disagreementItem)}</ul>`}</section>`,
  );
}
