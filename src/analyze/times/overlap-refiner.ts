// Refiner: one expression per stretch of text. Where candidates overlap, the longest wins ("two
// weeks ago" over "two weeks", "Tuesday, March 4, 2025" over "Tuesday"), then the one whose
// finder comes first in the stage's list, then the earlier one.
import type { TimeWordView } from './time-word-view.ts';
import type { TimeCandidate } from './time-meaning.ts';

/** A candidate with the rank of the finder that proposed it (lower ranks win ties). */
export interface RankedCandidate extends TimeCandidate {
  rank: number;
}

/** The candidates no longer one overlaps, in text order. */
export function dropOverlaps(view: TimeWordView, candidates: RankedCandidate[]): RankedCandidate[] {
  const length = (c: TimeCandidate) => view.words[c.end - 1]!.end - view.words[c.first]!.start;
  const sorted = [...candidates].sort((a, b) => length(b) - length(a) || a.rank - b.rank || a.first - b.first);
  const taken = new Uint8Array(view.words.length);
  const kept: RankedCandidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.first; k < c.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    for (let k = c.first; k < c.end; k++) taken[k] = 1;
    kept.push(c);
  }
  return kept.sort((a, b) => a.first - b.first);
}
