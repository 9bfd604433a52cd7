// Refiner: takes in the words before a time that TimeML counts as part of it. Position words keep
// the value at the time's own granularity ("early next year" is next year, "the end of 1990" is
// 1990, "mid-1996", "earlier Wednesday"); hedges bound a length or a date ("about two years", "at
// least 30 days", "nearly four years ago", "around Nov. 1"). Prepositions are never taken in
// ("since Oct. 7" is "Oct. 7").
import type { TimeWordView } from './time-word-view.ts';
import type { TimeCandidate } from './time-meaning.ts';
import { phraseEndingAt } from './time-grammar.ts';
import { HEDGES, NUMBER_TENS, NUMBER_UNITS, POSITIONS } from './time-words.ts';

/** Hedges that are also prepositions or determiners: taken in only before a count ("over a week", "some 20 years"). */
const COUNT_ONLY_HEDGES = new Set(['over', 'some', 'under']);

/** Each candidate with the position words and hedges before it included. */
export function extendOverModifiers<T extends TimeCandidate>(view: TimeWordView, candidates: readonly T[]): T[] {
  return candidates.map((c) => {
    const sentence = view.words[c.first]!.sentence;
    const kind = c.meaning.kind;
    let first = c.first;
    if (kind !== 'duration' && kind !== 'set' && kind !== 'reference') {
      const position = phraseEndingAt(view, first, POSITIONS, sentence);
      if (position !== null) first = position;
    }
    if (kind === 'duration' || kind === 'calendar' || kind === 'offset' || kind === 'clock') {
      const hedge = phraseEndingAt(view, first, HEDGES, sentence);
      if (hedge !== null) {
        const word = view.words[hedge]!.key;
        const startsWithCount = startsWithNumber(view, first);
        if ((!COUNT_ONLY_HEDGES.has(word) || startsWithCount) && (startsWithCount || kind !== 'duration' || view.words[first]!.key !== 'the' || word === 'at')) {
          first = hedge;
        }
      }
    }
    return first === c.first ? c : { ...c, first };
  });
}

function startsWithNumber(view: TimeWordView, i: number): boolean {
  const w = view.words[i]!;
  return /^\d/.test(w.key) || w.key === 'a' || w.key === 'an' || NUMBER_UNITS.has(w.key) || NUMBER_TENS.has(w.key);
}
