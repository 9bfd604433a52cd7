// Lookups in sorted span lists, so that a document with many figures and many mentions or
// statements is not searched end to end for each figure.
import { firstAtLeast, type Span } from '../../model/span.ts';

/** True when a span of `sorted` (non-overlapping, by start) overlaps `[start, end)` and satisfies `accept`. */
export function overlapsSorted(sorted: readonly Span[], start: number, end: number, accept: (s: Span) => boolean = () => true): boolean {
  // Ends are in order too, as the spans do not overlap: the first that ends after `start`.
  for (let i = firstAtLeast(sorted, (s) => s.end, start + 1); i < sorted.length && sorted[i]!.start < end; i++) {
    if (sorted[i]!.end > start && accept(sorted[i]!)) return true;
  }
  return false;
}
