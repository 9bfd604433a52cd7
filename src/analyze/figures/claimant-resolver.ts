// Resolver: who asserts a figure. The statement of the quotes layer whose content holds the number
// gives its speaker ("Israeli officials say about 24 living hostages …", "Israel estimates that
// roughly 50 captives remain", "…, according to the Health Ministry"); the innermost statement wins
// when one is reported inside another. A figure outside every statement, or inside one whose speaker
// is unknown, has no claimant: the text does not say who asserts it.
import type { Entity, Figure, Quote } from '../../model/layers.ts';
import type { Span } from '../../model/span.ts';

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
  const sorted = [...quotes].sort((a, b) => a.start - b.start);
  const longest = sorted.reduce((n, q) => Math.max(n, q.end - q.start), 0);
  const quoteOf = (span: Span): Quote | null => {
    // The quotes that may hold the span start at most `longest` before it: walk back from the last one starting before it.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= span.start) lo = mid + 1;
      else hi = mid;
    }
    let best: Quote | null = null;
    for (let i = lo - 1; i >= 0 && sorted[i]!.start >= span.start - longest; i--) {
      const q = sorted[i]!;
      if (span.end <= q.end && (best === null || q.end - q.start < best.end - best.start)) best = q;
    }
    return best;
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
