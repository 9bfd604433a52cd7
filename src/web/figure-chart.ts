// A figure series as an inline SVG chart, drawn here (no chart library, nothing fetched): one point
// per dated figure at its as-of date, its interval as a bar (the interval the ledger compares: "about
// 24" stretches as far as figure-ledger.ts stretches it; "at least 50" runs to the top), and the
// points of a conflict ringed and joined by a dashed line. Undated figures cannot be placed: the
// table that goes with the chart lists every point. Every point links to its figure in its article.
import { dayOf, interval, type FigureDisagreement, type FigureSeries, type LedgerPoint } from '../link/ledger/figure-ledger.ts';
import { html, joinHtml, type SafeHtml } from './html.ts';
import { figureAnchor, paths } from './web-paths.ts';

const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { left: 56, right: 20, top: 16, bottom: 36 };
const DAY_MS = 86_400_000;
/** How far apart points of one date are drawn, in chart units. */
const SIDE_BY_SIDE = 12;
/** Room between the axes and the first and last dates, in chart units. */
const INSET = 24;
/**
 * Conflicts drawn as lines at most. Conflicts grow with the square of a series' points (54 figures
 * of one series made 702 conflicts, a chart of 159 KB): past some tens the lines hide the points,
 * and the rings still mark every point in conflict.
 */
export const CONFLICT_LINES = 40;

/** A point as the chart places it: its date, the value its dot sits at, and the interval its bar covers (infinite ends clipped to the axis). */
export interface PlacedPoint {
  point: LedgerPoint;
  time: number;
  value: number;
  low: number;
  high: number;
  conflict: boolean;
}

/** The key of a point, the same for the point in a series and in a disagreement. */
export const pointKey = (p: LedgerPoint) => `${p.article}:${p.start}`;

/** Where the chart places the dated points of `series`; points in a `conflict` of `disagreements` are flagged. */
export function placePoints(series: FigureSeries, disagreements: readonly FigureDisagreement[]): PlacedPoint[] {
  const inConflict = new Set<string>();
  for (const d of disagreements) {
    if (d.kind === 'conflict' && d.series.includes(series.id)) for (const p of [d.earlier, d.later]) inConflict.add(pointKey(p));
  }
  const placed: PlacedPoint[] = [];
  for (const point of series.points) {
    const time = dayOf(point.asOf);
    if (!Number.isFinite(time)) continue;
    const [low, high] = interval(point);
    const value = point.low !== null && point.high !== null ? (point.low + point.high) / 2 : (point.low ?? point.high);
    if (value === null) continue;
    placed.push({ point, time, value, low, high, conflict: inConflict.has(pointKey(point)) });
  }
  return placed;
}

/** A round step for about `count` ticks up to `max` (1, 2 or 5 times a power of ten). */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? raw;
}

/** The day of a time as YYYY-MM-DD. */
const dayText = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A short description of a point, for its title and the table. */
export function pointLabel(p: LedgerPoint): string {
  return `${p.text} (${p.asOf ?? 'undated'}; ${p.claimant?.text ?? 'no claimant'}; ${p.outlet ?? 'outlet unknown'})`;
}

/**
 * The chart of `series` as an SVG inside a <figure> whose caption names it (`captionId` is the
 * caption's id). Conflicts are those of `disagreements` that name the series. With no dated
 * point, a sentence saying so instead.
 */
export function seriesChart(series: FigureSeries, disagreements: readonly FigureDisagreement[], captionId: string): SafeHtml {
  const placed = placePoints(series, disagreements);
  const conflictCount = disagreements.filter((d) => d.kind === 'conflict' && d.series.includes(series.id)).length;
  const caption = html`<figcaption id="${captionId}">${series.definition}${series.place === null ? '' : ` in ${series.place}`} (${series.unit}) by the date the figure describes${
    placed.some((p) => p.conflict) ? '; conflicting figures are ringed and joined by a dashed line' : ''
  }${conflictCount > CONFLICT_LINES ? ` (the first ${CONFLICT_LINES} of ${conflictCount} conflicts drawn)` : ''}</figcaption>`;
  if (placed.length === 0) return html`<figure class="chart">${caption}<p>No figure of this series has a date, so none can be placed on a time line.</p></figure>`;

  const finiteTop = Math.max(...placed.flatMap((p) => [p.value, p.low, p.high].filter(Number.isFinite)));
  const step = niceStep(Math.max(finiteTop, 1) * 1.05, 4);
  const top = Math.ceil((Math.max(finiteTop, 1) * 1.05) / step) * step;
  let first = Math.min(...placed.map((p) => p.time));
  let last = Math.max(...placed.map((p) => p.time));
  if (last - first < DAY_MS) {
    first -= DAY_MS;
    last += DAY_MS;
  }
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  // Inset so that points of one date drawn side by side stay inside the axes.
  const x = (time: number) => round(MARGIN.left + INSET + ((time - first) / (last - first)) * (plotWidth - 2 * INSET));
  const y = (value: number) => round(MARGIN.top + plotHeight - (Math.min(Math.max(value, 0), top) / top) * plotHeight);

  const ticks: SafeHtml[] = [];
  for (let v = 0; v <= top + step / 2; v += step) {
    ticks.push(html`<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(v)}" y2="${y(v)}"></line><text class="tick" x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end">${formatNumber(v)}</text>`);
  }
  const days = [...new Set([first, (first + last) / 2, last].map((t) => dayText(t)))];
  const dayTicks = days.map((day, i) => {
    const anchor = i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle';
    return html`<text class="tick" x="${x(Date.parse(day))}" y="${HEIGHT - 10}" text-anchor="${anchor}">${day}</text>`;
  });

  // Points of one date side by side, not on top of each other, so that each stays visible and clickable.
  const sameDate = new Map<number, PlacedPoint[]>();
  for (const p of placed) sameDate.set(p.time, [...(sameDate.get(p.time) ?? []), p]);
  const xOf = (p: PlacedPoint) => {
    const group = sameDate.get(p.time)!;
    return round(x(p.time) + (group.indexOf(p) - (group.length - 1) / 2) * SIDE_BY_SIDE);
  };
  const inSeries = disagreements.filter((d) => d.kind === 'conflict' && d.series.includes(series.id));
  const conflicts = inSeries
    .slice(0, CONFLICT_LINES)
    .map((d) => {
      const [a, b] = [d.earlier, d.later].map((p) => placed.find((q) => pointKey(q.point) === pointKey(p)));
      return a && b ? html`<line class="conflict-link" x1="${xOf(a)}" y1="${y(a.value)}" x2="${xOf(b)}" y2="${y(b.value)}"><title>Conflict: ${d.why}</title></line>` : '';
    });

  // Bars first, dots after: a long bar never covers another point's dot.
  const bars = placed.map((p) => (p.low === p.high ? '' : html`<rect class="interval" x="${xOf(p) - 3}" y="${y(p.high)}" width="6" height="${Math.max(1, y(p.low) - y(p.high))}"></rect>`));
  const points = placed.map((p) => {
    const cx = xOf(p);
    const ring = p.conflict ? html`<circle class="conflict-ring" cx="${cx}" cy="${y(p.value)}" r="9"></circle>` : '';
    return html`<a class="point${p.conflict ? ' conflict' : ''}" href="${paths.article(p.point.article, figureAnchor(p.point.start))}" data-as-of="${p.point.asOf}"><title>${pointLabel(p.point)}${p.conflict ? ' — in conflict' : ''}</title>${ring}<circle class="dot" cx="${cx}" cy="${y(p.value)}" r="5"></circle></a>`;
  });

  return html`<figure class="chart">${caption}<svg class="series-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-labelledby="${captionId}" focusable="false">
<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}"></line>
<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom}"></line>
${ticks}${dayTicks}<g class="intervals" aria-hidden="true">${bars}</g>${conflicts}${joinHtml(points, '\n')}
</svg></figure>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A number for an axis or a table: whole numbers grouped by thousands, others to two decimals at most. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞';
  return n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}
