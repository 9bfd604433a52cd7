// Resolver: who asserts a figure. The statement of the quotes layer whose content holds the number
// gives its speaker ("Israeli officials say about 24 living hostages …", "Israel estimates that
// roughly 50 captives remain", "…, according to the Health Ministry"); the innermost statement wins
// when one is reported inside another. A figure outside every statement, or inside one whose speaker
// is unknown, has no claimant: the text does not say who asserts it.
import type { Entity, Figure, Quote } from '../../model/layers.ts';
import { firstAtLeast, type Span } from '../../model/span.ts';

const PRONOUN = /^(?:he|she|they|it|we|i|him|her|them)$/i;

/** Finds the statement holding a span and its claimant. Quotes need not be sorted. */
export interface ClaimantResolver {
  /** The innermost quote whose content holds `span`, or null. */
  quoteOf(span: Span): Quote | null;
  /** The claimant a statement gives its figures: its speaker, or null. */
  claimantOf(quote: Quote | null): Figure['claimant'];
}

/** A resolver over a document's quotes and entities. */
export function claimantResolver(quotes: readonly Quote[], entities: readonly Entity[]): ClaimantResolver {
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const sorted = [...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  // A max-tree over the quotes' ends, so that "the last quote starting at or before the span that
  // also ends at or after it" is found in log time: a scan back over every quote was quadratic in an
  // article of many statements inside one long one.
  let size = 1;
  while (size < sorted.length) size *= 2;
  const maxEnd = new Float64Array(2 * size).fill(-1);
  sorted.forEach((q, i) => (maxEnd[size + i] = q.end));
  for (let i = size - 1; i >= 1; i--) maxEnd[i] = Math.max(maxEnd[2 * i]!, maxEnd[2 * i + 1]!);
  /** The largest index <= `last` whose quote ends at or after `end`, or -1. */
  const lastEndingAfter = (node: number, from: number, to: number, last: number, end: number): number => {
    if (from > last || maxEnd[node]! < end) return -1;
    if (to - from === 1) return from;
    const mid = (from + to) >> 1;
    const right = lastEndingAfter(2 * node + 1, mid, to, last, end);
    return right >= 0 ? right : lastEndingAfter(2 * node, from, mid, last, end);
  };
  const quoteOf = (span: Span): Quote | null => {
    const lo = firstAtLeast(sorted, (q) => q.start, span.start + 1);
    // The nearest-starting quote that holds the span: with statements nested, the innermost.
    const i = lo > 0 ? lastEndingAfter(1, 0, size, lo - 1, span.end) : -1;
    return i >= 0 ? sorted[i]! : null;
  };
  return {
    quoteOf,
    claimantOf(quote) {
      const speaker = quote?.speaker;
      if (!speaker) return null;
      // "she said": the pronoun's entity names the claimant better than the pronoun does.
      const name = speaker.entity !== null && PRONOUN.test(speaker.text) ? names.get(speaker.entity) : undefined;
      return { entity: speaker.entity, text: name ?? speaker.text };
    },
  };
}
