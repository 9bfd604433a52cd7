// The figure ledger: figures that measure the same thing, across articles, as series ordered by the
// date they describe, and the disagreements between them classified as
//   - update: the same measure at a later date (a count that moved: hostages released or killed in
//     between), not a contradiction;
//   - different definition: figures of one family and place that count different things ("living
//     hostages" vs "captives", "bodies" vs "dead captives"), which cannot contradict each other;
//   - conflict: the same measure for overlapping dates, with intervals that do not overlap (two
//     claimants, or one claimant twice).
// Only what the texts stated is compared: a figure with no date (no asOf and no publication date)
// joins its series but is never classified. Pure: records in, ledger out.
import type { AnalysisRecord } from '../../model/record.ts';
import type { Figure } from '../../model/layers.ts';
import { measuresOf, type FigureMeasure } from './figure-measure.ts';

/** One figure of one article in a series: where it is, what it says, who claims it, as of when. */
export interface LedgerPoint {
  article: string;
  outlet: string | null;
  start: number;
  end: number;
  text: string;
  low: number | null;
  high: number | null;
  hedge: string | null;
  claimant: Figure['claimant'];
  /** The day (or month, year) the figure describes: its asOf, else the article's publication date; null when neither is known. */
  asOf: string | null;
}

/** Figures of one measure (family, definition, place, unit) in date order; undated points last. */
export interface FigureSeries {
  id: string;
  family: string;
  definition: string;
  place: string | null;
  unit: string;
  points: LedgerPoint[];
}

/** Two points that do not agree, and why they do not contradict each other (or do). */
export interface FigureDisagreement {
  kind: 'update' | 'different definition' | 'conflict';
  series: [string, string];
  earlier: LedgerPoint;
  later: LedgerPoint;
  why: string;
}

/** The disagreement kinds each name selects (`dossier conflicts --kind`, GET /conflicts?kind=). */
export const DISAGREEMENT_KINDS = { conflict: ['conflict'], update: ['update'], definition: ['different definition'], all: ['conflict', 'update', 'different definition'] } as const;

/** The series and disagreements of a set of records. */
export interface FigureLedger {
  series: FigureSeries[];
  disagreements: FigureDisagreement[];
}

/** Hedges that make a single value approximate: "about 24" agrees with 25. */
const APPROXIMATE = new Set(['about', 'roughly', 'nearly', 'almost', 'approximately', 'around', 'some', 'up to']);
/** How far an approximate value stretches each way when intervals are compared. */
const APPROXIMATE_SHARE = 0.1;

/** Builds the ledger of `records`: every figure with a measure joins the series of that measure. */
export function buildLedger(records: readonly AnalysisRecord[]): FigureLedger {
  const bySeries = new Map<string, FigureSeries>();
  for (const record of records) {
    const measures = measuresOf(record);
    record.figures.forEach((figure, i) => {
      const measure = measures[i];
      if (!measure || (figure.low === null && figure.high === null)) return;
      const id = seriesId(measure);
      let series = bySeries.get(id);
      if (!series) bySeries.set(id, (series = { id, family: measure.family, definition: measure.definition, place: measure.place, unit: measure.unit, points: [] }));
      series.points.push(pointOf(record, figure));
    });
  }
  const series = [...bySeries.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const s of series) s.points.sort(byDate);
  return { series, disagreements: [...withinSeries(series), ...acrossDefinitions(series)] };
}

const seriesId = (m: FigureMeasure) => `${m.scope}|${m.definition}`;
const scopeOf = (s: FigureSeries) => `${s.family}|${s.place ?? ''}|${s.unit}`;

function pointOf(record: AnalysisRecord, figure: Figure): LedgerPoint {
  return {
    article: record.id,
    outlet: record.source.outlet,
    start: figure.start,
    end: figure.end,
    text: figure.text,
    low: figure.low,
    high: figure.high,
    hedge: figure.hedge,
    claimant: figure.claimant,
    asOf: figure.asOf ?? record.published.date,
  };
}

function byDate(a: LedgerPoint, b: LedgerPoint): number {
  if (a.asOf === null || b.asOf === null) return a.asOf === b.asOf ? 0 : a.asOf === null ? 1 : -1;
  return a.asOf.localeCompare(b.asOf) || a.article.localeCompare(b.article) || a.start - b.start;
}

/** The interval a point allows, approximate hedges stretched by APPROXIMATE_SHARE. */
export function interval(p: LedgerPoint): [number, number] {
  let low = p.low ?? -Infinity;
  let high = p.high ?? Infinity;
  if (p.hedge !== null && APPROXIMATE.has(p.hedge)) {
    if (Number.isFinite(low)) low -= Math.abs(low) * APPROXIMATE_SHARE;
    if (Number.isFinite(high)) high += Math.abs(high) * APPROXIMATE_SHARE;
  }
  return [low, high];
}

function agree(a: LedgerPoint, b: LedgerPoint): boolean {
  const [al, ah] = interval(a);
  const [bl, bh] = interval(b);
  return al <= bh && bl <= ah;
}

/** Do two TIMEX values share a day? "2025-03" and "2025-03-05" overlap; "2025-03-04" and "2025-03-05" do not. */
function datesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

const claimantOf = (p: LedgerPoint) => p.claimant?.entity ?? p.claimant?.text.toLowerCase() ?? null;

/** Inside one series: each point against the dated points before it that it disagrees with, the nearest one for an update. */
function* withinSeries(series: readonly FigureSeries[]): Generator<FigureDisagreement> {
  for (const s of series) {
    const dated = s.points.filter((p) => p.asOf !== null);
    for (let j = 1; j < dated.length; j++) {
      const later = dated[j]!;
      let updateReported = false;
      for (let i = j - 1; i >= 0; i--) {
        const earlier = dated[i]!;
        if (earlier.article === later.article || agree(earlier, later)) continue;
        if (datesOverlap(earlier.asOf!, later.asOf!)) {
          const same = claimantOf(earlier) !== null && claimantOf(earlier) === claimantOf(later);
          yield {
            kind: 'conflict',
            series: [s.id, s.id],
            earlier,
            later,
            why: same ? `the same claimant gives ${later.text} and ${earlier.text} for ${later.asOf}` : `${describe(earlier)} and ${describe(later)} for the same date`,
          };
        } else if (!updateReported) {
          updateReported = true;
          yield { kind: 'update', series: [s.id, s.id], earlier, later, why: `${s.definition}: ${earlier.text} as of ${earlier.asOf}, ${later.text} as of ${later.asOf}` };
        }
      }
    }
  }
}

/** Across series of one family and place: the closest-dated pair of disagreeing points of each two definitions. */
function* acrossDefinitions(series: readonly FigureSeries[]): Generator<FigureDisagreement> {
  const byScope = new Map<string, FigureSeries[]>();
  for (const s of series) byScope.set(scopeOf(s), [...(byScope.get(scopeOf(s)) ?? []), s]);
  for (const group of byScope.values()) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const pair = closestDisagreement(group[x]!, group[y]!);
        if (!pair) continue;
        const [a, b] = pair;
        const [earlier, later] = byDate(a, b) <= 0 ? [a, b] : [b, a];
        const [first, second] = earlier === a ? [group[x]!, group[y]!] : [group[y]!, group[x]!];
        yield {
          kind: 'different definition',
          series: [first.id, second.id],
          earlier,
          later,
          why: `${first.definition} and ${second.definition} count different things`,
        };
      }
    }
  }
}

function closestDisagreement(a: FigureSeries, b: FigureSeries): [LedgerPoint, LedgerPoint] | null {
  let best: [LedgerPoint, LedgerPoint] | null = null;
  let bestGap = Infinity;
  for (const p of a.points) {
    for (const q of b.points) {
      if (p.article === q.article || agree(p, q)) continue;
      const gap = Math.abs(dayOf(p.asOf) - dayOf(q.asOf));
      if (!best || (Number.isFinite(gap) && !(gap >= bestGap))) {
        best = [p, q];
        bestGap = gap;
      }
    }
  }
  return best;
}

/** Milliseconds of the first day a TIMEX date value covers ("2025-03" -> 2025-03-01); NaN for no date or an underspecified one. */
export function dayOf(value: string | null): number {
  if (value === null || !/^\d{4}(?:-\d{2}){0,2}$/.test(value)) return NaN;
  return Date.parse(value.padEnd(10, '-01'));
}

function describe(p: LedgerPoint): string {
  return `${p.text} (${p.claimant?.text ?? 'no claimant'}, ${p.outlet ?? p.article})`;
}
