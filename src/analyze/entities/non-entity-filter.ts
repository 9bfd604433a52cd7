// Refiner: drops candidates that are not entities although capitalised: weekdays and months,
// ordinary words that open a sentence ("During", "Look"), photo credits ("AP Photo", "Pool Photo",
// anything inside "(Win McNamee/Pool Photo via AP)"), and title words standing alone ("President").
import type { Candidate } from './mention-candidate.ts';
import { wordRange, type WordIndex } from './word-index.ts';
import data from './data/non-entities.json' with { type: 'json' };
import { isCalendarWord, isFunctionWord } from './word-classes.ts';

const CREDIT_WORDS = new Set(data.creditWords);

/** The candidates that may be entities. */
export function filterNonEntities<T extends Candidate>(index: WordIndex, candidates: readonly T[]): T[] {
  const credits = creditRanges(index);
  const { words } = index;
  const out: T[] = [];
  for (const c of candidates) {
    const range = wordRange(index, c);
    if (!range) continue;
    const { first, last } = range;
    if (credits.some(([from, to]) => first >= from && last <= to)) continue;
    if (CREDIT_WORDS.has(words[last]!.lower)) continue;
    // A currency's country prefix ("US$40 billion", "HK$3", "A$"): a unit, not a mention of the place.
    if (index.text[c.end] === '$' && /^\p{Lu}{1,3}$/u.test(index.text.slice(c.start, c.end))) continue;
    let calendarOrFunction = true;
    let allTitles = true;
    for (let k = first; k <= last; k++) {
      const w = words[k]!;
      if (!w.alpha) continue;
      const lower = w.lower.replace(/\.$/, '');
      if (!isCalendarWord(lower) && !(isFunctionWord(w.lower) && !w.allCaps) && !/^\d/.test(w.text)) calendarOrFunction = false;
      if (!w.titlePart) allTitles = false;
    }
    if (calendarOrFunction || (allTitles && c.source !== 'gazetteer')) continue;
    if (first === last && c.source !== 'gazetteer' && c.source !== 'acronym' && isOrdinaryOpener(index, first)) continue;
    out.push(c);
  }
  return out;
}

/** A capitalised word at the start of a sentence that the text also writes in lower case, or a function word. */
function isOrdinaryOpener(index: WordIndex, i: number): boolean {
  const w = index.words[i]!;
  if (!w.initial || w.allCaps) return false;
  return isFunctionWord(w.lower) || index.lowerForms.has(w.lower);
}

/** Word ranges of parentheses that hold a photo credit: "(AP Photo/Alex Brandon)". */
function creditRanges(index: WordIndex): [number, number][] {
  const { words } = index;
  const out: [number, number][] = [];
  let open = -1;
  let credit = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.text === '(') {
      open = i;
      credit = false;
    } else if (w.text === ')' && open >= 0) {
      if (credit) out.push([open, i]);
      open = -1;
    } else if (open >= 0 && (CREDIT_WORDS.has(w.lower) || (w.lower === 'via' && words[i + 1]?.allCaps))) {
      credit = true;
    }
  }
  return out;
}
