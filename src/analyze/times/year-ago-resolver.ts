// Resolver: "a year ago" and "a year earlier" in a report on a quarter. "Net income rose to $5
// million in the third quarter from $3 million a year earlier" compares quarters: the value is
// that quarter a year before (1988-Q3 when the third quarter is 1989-Q3), not the whole year. The
// quarter is the nearest one named in the same sentence, else in the two sentences before.
import type { TimeWordView } from './time-word-view.ts';
import type { TimeCandidate } from './time-meaning.ts';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const SENTENCES_BACK = 2;

/** `values` (one per candidate, in text order) with each yearly comparison moved onto the quarter it compares. */
export function anchorYearAgoOnQuarters(view: TimeWordView, candidates: readonly TimeCandidate[], values: readonly (string | null)[]): (string | null)[] {
  const sentenceOf = (c: TimeCandidate) => view.words[c.first]!.sentence;
  const quarters: { at: number; sentence: number; y: number; q: string }[] = [];
  candidates.forEach((c, k) => {
    const m = QUARTER.exec(values[k] ?? '');
    if (m && isNamedQuarter(c)) quarters.push({ at: k, sentence: sentenceOf(c), y: Number(m[1]), q: m[2]! });
  });
  if (quarters.length === 0) return [...values];
  return values.map((value, k) => {
    const c = candidates[k]!;
    if (!isYearComparison(c)) return value;
    const sentence = sentenceOf(c);
    let best: (typeof quarters)[number] | null = null;
    for (const q of quarters) {
      if (q.sentence > sentence || q.sentence < sentence - SENTENCES_BACK) continue;
      if (q.sentence === sentence ? !best || best.sentence !== sentence || Math.abs(q.at - k) < Math.abs(best.at - k) : !best || (best.sentence !== sentence && q.at > best.at)) best = q;
    }
    return best ? `${best.y - 1}-Q${best.q}` : value;
  });
}

/** A quarter the text names or counts from the time of writing ("the third quarter", "the latest quarter"), not one itself a year back. */
function isNamedQuarter(c: TimeCandidate): boolean {
  const m = c.meaning;
  return m.kind === 'period' || (m.kind === 'offset' && m.unit === 'Q' && Math.abs(m.amount) <= 1);
}

function isYearComparison(c: TimeCandidate): boolean {
  const m = c.meaning;
  return m.kind === 'offset' && m.comparison === true && m.unit === 'Y' && m.amount === -1;
}
