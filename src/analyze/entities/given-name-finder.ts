// Finder: people the tagger missed, by a given name we know followed by one or two capitalised
// words: "Karoline Leavitt", "Yoav Gallant". The overlap refiner prefers the tagger's and the
// gazetteer's spans, so this only adds names nobody else found.
import type { Candidate } from './mention-candidate.ts';
import type { Word, WordIndex } from './word-index.ts';
import { isOrgHeadWord, gazetteerTypeOf } from './gazetteer.ts';
import names from './data/person-names.json' with { type: 'json' };
import { isCalendarWord, isFunctionWord } from './word-classes.ts';

const GIVEN = new Set([...names.female, ...names.male]);

/** A surname-like word: capitalised, not all capitals, not a function, calendar or title word, not a listed place or group. */
function surnameLike(w: Word): boolean {
  return w.capital && !w.allCaps && w.alpha && !w.titlePart && !isFunctionWord(w.lower) && !isCalendarWord(w.lower) && !isOrgHeadWord(w.text) && gazetteerTypeOf(w.text) === null;
}

/** "Given Surname" and "Given Middle Surname" spans as PERSON candidates. */
export function findGivenNames(index: WordIndex): Candidate[] {
  const { words } = index;
  const out: Candidate[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i]!;
    if (!w.capital || w.allCaps || !GIVEN.has(w.lower)) continue;
    let last = i;
    while (last + 1 < words.length && last - i < 2) {
      const next = words[last + 1]!;
      if (next.sentence !== w.sentence || next.start !== words[last]!.end + 1 || !surnameLike(next)) break;
      last++;
    }
    if (last === i || isOrgHeadWord(words[last]!.text)) continue;
    out.push({ start: w.start, end: words[last]!.end, type: 'PERSON', source: 'given-name' });
    i = last;
  }
  return out;
}
