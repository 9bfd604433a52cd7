// A figure while it is being built: the measure found, its hedge and counted noun, before the
// refiners drop what is no figure and the resolvers fill interval, claimant and date.
import type { Span } from '../../model/span.ts';
import type { Counted } from './counted-noun.ts';
import type { FoundHedge } from './hedge-finder.ts';
import type { Measure } from './range-finder.ts';

/** One proposed figure: `start`/`end` is the whole span (hedge, number, unit, counted noun). */
export interface FigureCandidate extends Span {
  measure: Measure;
  /** Index of the sentence it lies in. */
  sentence: number;
  hedge: FoundHedge | null;
  counted: Counted | null;
  /** "the bodies of" before an anaphoric number: what it counts. */
  countedBefore: Counted | null;
}

/** The numbers of a candidate: the first quantity's, and the second's for an interval. */
export const quantitiesOf = (c: FigureCandidate) => (c.measure.second ? [c.measure.first, c.measure.second] : [c.measure.first]);
