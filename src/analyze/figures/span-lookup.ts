// Lookups in sorted span lists, so that a document with many figures and many mentions or
// statements is not searched end to end for each figure.
import type { Span } from '../../model/span.ts';

/** Index of the first span in `sorted` (by start, non-decreasing) whose end is after `at`, assuming ends are sorted too. */
function firstEndingAfter(sorted: readonly Span[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when a span of `sorted` (non-overlapping, by start) overlaps `[start, end)` and satisfies `accept`. */
export function overlapsSorted(sorted: readonly Span[], start: number, end: number, accept: (s: Span) => boolean = () => true): boolean {
  for (let i = firstEndingAfter(sorted, start); i < sorted.length && sorted[i]!.start < end; i++) {
    if (sorted[i]!.end > start && accept(sorted[i]!)) return true;
  }
  return false;
}
