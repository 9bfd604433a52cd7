// Refiner: one mention per stretch of text. Where candidates overlap, the longer wins ("Gaza Strip"
// over "Gaza", "International Court of Justice" over a tagged "Justice"); at equal length the
// gazetteer's and the acronym rule's exact knowledge beats the tagger, whose type is kept when the
// gazetteer has none. A tagged hyphenated word gives way to the listed names inside it
// ("Israel-Hamas" -> "Israel", "Hamas").
import type { Candidate, CandidateSource } from './mention-candidate.ts';
import { byPosition } from './mention-candidate.ts';

const RANK: Record<CandidateSource, number> = { acronym: 5, gazetteer: 4, model: 3, 'given-name': 2, repeat: 1, sweep: 0 };

/** Non-overlapping mentions in text order. */
export function resolveOverlaps(text: string, candidates: readonly Candidate[]): Candidate[] {
  const hyphenParts = candidates.filter((c) => c.source === 'gazetteer' && (text[c.start - 1] === '-' || text[c.end] === '-'));
  const sorted = candidates
    .filter((c) => !(c.source === 'model' && /^[\p{L}-]+$/u.test(text.slice(c.start, c.end)) && hyphenParts.some((p) => p.start >= c.start && p.end <= c.end)))
    .sort((a, b) => byPosition(a, b) || RANK[b.source] - RANK[a.source]);
  const out: Candidate[] = [];
  for (const c of sorted) {
    const previous = out[out.length - 1];
    if (previous && c.start < previous.end) {
      // Same span: keep the higher-ranked one, with the tagger's type when it has none.
      if (c.start === previous.start && c.end === previous.end) {
        if (previous.type === null) out[out.length - 1] = { ...previous, type: c.type };
        continue;
      }
      const longer = c.end - c.start > previous.end - previous.start;
      if (longer) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}
