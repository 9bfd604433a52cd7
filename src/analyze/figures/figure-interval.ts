// Resolver: the interval [low, high] a figure states, from its number (or two ends), the interval
// a vague word implies ("dozens" → 24..null) and the bound its hedge sets (data/hedges.json):
// "about 24" → 24..24, "at least 35" → 35..null, "over 59,000" → 59000..null (exclusive; the
// hedge "over" says so), "up to 1,000" → null..1000, "between 20 and 30" → 20..30.
import type { HedgeBound } from './figure-lexicon.ts';
import type { Measure } from './range-finder.ts';

/** A figure's interval; either end may be open (null). */
export interface Interval {
  low: number | null;
  high: number | null;
}

/** The interval of `measure` under the hedge bound `bound` (null when there is no hedge). */
export function intervalOf(measure: Measure, bound: HedgeBound | null): Interval {
  const vague = measure.first.number.vague;
  const stated: Interval = vague && measure.second === null ? { low: vague.low, high: vague.high } : { low: measure.low, high: measure.high };
  if (bound === 'low') return { low: stated.low, high: null };
  if (bound === 'high') return { low: null, high: stated.high ?? stated.low };
  return stated;
}

/** `interval` scaled by `factor` ("half of roughly 50" → 25..25); open ends stay open. */
export function scaleInterval(interval: Interval, factor: number): Interval {
  return { low: interval.low === null ? null : interval.low * factor, high: interval.high === null ? null : interval.high * factor };
}
