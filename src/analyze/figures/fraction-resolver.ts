// Resolver: figures that point back to another one. "about half of them" after "roughly 50
// captives" is half of that figure: its interval is the fraction of the other's (25..25), its unit
// the other's, and it counts what the other counts with the predicate that says which of them
// ("captives being dead"). "24 of them" and "at least 35 others" take the other's unit and what it
// counts, and so does a bare number after "including" or "of whom" ("6 million homes, including 1.5
// million in Los Angeles"). The figure pointed to is the nearest one before, in the same sentence
// or the one before.
import { scaleInterval, type Interval } from './figure-interval.ts';

/** A figure as the stage holds it before it is printed. */
export interface FigureDraft {
  sentence: number;
  interval: Interval;
  hedge: string | null;
  unit: string | null;
  counts: string | null;
  /** Its value is a share of a whole ("half", "a third") and not yet of any figure. */
  fraction: boolean;
  /** "them", "others": what it counts is counted by an earlier figure. */
  anaphor: { predicate: string | null } | null;
}

/** The drafts with anaphoric figures resolved against the figure they point back to, in the same order. */
export function resolveAnaphora(drafts: readonly FigureDraft[]): FigureDraft[] {
  const out: FigureDraft[] = [];
  for (const d of drafts) {
    if (d.anaphor === null) {
      out.push(d);
      continue;
    }
    const base = antecedent(out, d.sentence);
    if (base === null) {
      out.push({ ...d, unit: d.fraction ? 'fraction' : d.unit, counts: null, anaphor: null });
      continue;
    }
    const counts = d.anaphor.predicate ? `${base.counts} ${d.anaphor.predicate}` : base.counts;
    // An approximate whole makes its shares approximate too ("about half of roughly 50"); a count
    // of its own stays as stated ("roughly 80 prisoners, of whom 12 were women").
    const hedge = d.hedge ?? (d.fraction && (base.hedge === 'about' || base.hedge === 'roughly') ? base.hedge : null);
    const interval = d.fraction ? times(d.interval, base.interval) : d.interval;
    out.push({ ...d, interval, hedge, unit: base.unit, counts, fraction: false, anaphor: null });
  }
  return out;
}

/** The nearest earlier figure in this sentence or the one before that counts something of its own. */
function antecedent(before: readonly FigureDraft[], sentence: number): FigureDraft | null {
  for (let i = before.length - 1; i >= 0; i--) {
    const b = before[i]!;
    if (b.sentence < sentence - 1) return null;
    if (b.counts !== null && !b.fraction && (b.interval.low !== null || b.interval.high !== null)) return b;
  }
  return null;
}

/** A fraction interval of a whole interval: each end times the same end of the whole. */
function times(part: Interval, whole: Interval): Interval {
  if (whole.low !== null && whole.low === whole.high) return scaleInterval(part, whole.low);
  return { low: part.low === null || whole.low === null ? null : part.low * whole.low, high: part.high === null || whole.high === null ? null : part.high * whole.high };
}
