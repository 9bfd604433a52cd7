// Finder: holidays news dates things by: "Christmas", "New Year's Eve", "Thanksgiving", "Good
// Friday", "the Fourth of July", with a year after them when written ("Christmas 1999"). The
// words come from data/holidays.json; a holiday's name is capitalised ("the fourth of July" aside).
import type { TimeFinder } from './time-meaning.ts';
import { keyAt, phraseAt, readYear } from './time-grammar.ts';
import { HOLIDAYS } from './time-words.ts';

const PHRASES = HOLIDAYS.map(([phrase]) => phrase);
const RULES = new Map(HOLIDAYS.map(([phrase, rule]) => [phrase.join(' '), rule]));

export const findHoliday: TimeFinder = (view, i) => {
  const length = phraseAt(view, i, PHRASES);
  if (length === 0) return null;
  const named = view.words[i]!.key === 'the' ? view.words[i + 1]! : view.words[i]!;
  if (!named.capital) return null;
  const rule = RULES.get(view.words.slice(i, i + length).map((w) => w.key).join(' '))!;
  let end = i + length;
  const of = keyAt(view, end, i) === 'of' ? 1 : 0;
  const year = readYear(view, end + of);
  if (year && view.words[end + of]!.digits) end = year.next;
  return { first: i, end, meaning: { kind: 'holiday', rule, year: year && end === year.next ? year.value : null } };
};
