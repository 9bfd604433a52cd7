// Refiner: cuts candidates down to the name itself. Mentions never include a determiner ("the
// International Criminal Court" -> "International Criminal Court"), a possessive ending ("Israel’s"
// -> "Israel"), punctuation at either end, or, for people, the title before the name ("President
// Donald Trump" -> "Donald Trump"; the title finder reads it from the text).
import type { Candidate } from './mention-candidate.ts';
import { wordRange, type WordIndex } from './word-index.ts';
import { isTitleHead } from './title-lexicon.ts';
import { isModelCode } from './model-code.ts';
import { gazetteerTypeOf, isOrgHeadWord } from './gazetteer.ts';
import data from './data/non-entities.json' with { type: 'json' };

const DETERMINERS = new Set(data.determiners);

/** Candidates with their bounds on name words; a candidate with nothing left is dropped. */
export function refineMentionBounds(index: WordIndex, candidates: readonly Candidate[]): Candidate[] {
  const { words } = index;
  const out: Candidate[] = [];
  for (const c of candidates) {
    const range = wordRange(index, c);
    if (!range) continue;
    let { first, last } = range;
    // A part of a hyphenated word ("Hamas" in "Israel-Hamas") is a name of its own.
    if (first === last && (c.start > words[first]!.start || c.end < words[first]!.end)) {
      out.push(c);
      continue;
    }
    // Inside a span, a possessive ends the name: "Trump’s" of a tagged "Trump’s nominee".
    for (let k = first; k < last; k++) {
      if (words[k]!.possessive) {
        last = k - 1;
        break;
      }
    }
    while (first <= last && (!words[first]!.alpha || DETERMINERS.has(words[first]!.lower))) first++;
    while (last >= first && !words[last]!.alpha) last--;
    let type = c.type;
    // A name ending in a model code names a product ("Airbus A380"): no entity mention.
    if (last >= first && isModelCode(words[last]!.text)) continue;
    if (c.type === 'PERSON') {
      // The last title word before the final name word ends the title: "Israeli Prime Minister | Benjamin Netanyahu".
      for (let k = last - 1; k >= first; k--) {
        if (words[k]!.titlePart && !words[k]!.allCaps) {
          first = k + 1;
          break;
        }
      }
    } else if (c.source === 'model') {
      // The tagger sometimes takes a title and name together for something else
      // ("Israeli Strategic Affairs Minister Ron Dermer" as ORG): the name after a title head is a person.
      const cut = nameAfterTitle(index, first, last);
      if (cut >= 0) {
        first = cut;
        type = 'PERSON';
      }
    }
    if (first > last) continue;
    const start = words[first]!.start;
    const end = words[last]!.end;
    out.push(start === c.start && end === c.end && type === c.type ? c : { ...c, start, end, type });
  }
  return out;
}

/** Where a person's name starts after a title head inside words [first, last], or -1: one to three capitalised words, no organisation head, nothing the gazetteer lists. */
function nameAfterTitle(index: WordIndex, first: number, last: number): number {
  const { words, text } = index;
  if (gazetteerTypeOf(text.slice(words[first]!.start, words[last]!.end))) return -1;
  for (let k = last - 1; k >= first; k--) {
    if (!isTitleHead(words[k]!.text) || words[k]!.allCaps) continue;
    const name = k + 1;
    if (last - name > 2) return -1;
    for (let j = name; j <= last; j++) if (!words[j]!.capital || !words[j]!.alpha || isOrgHeadWord(words[j]!.text)) return -1;
    return name;
  }
  return -1;
}
