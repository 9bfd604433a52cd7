// Finder: the present, the past and the future named without a date (TIMEX3 PRESENT_REF,
// PAST_REF, FUTURE_REF): "now", "currently", "these days", "recently", "the past", "the future",
// "soon", "in the near term", "will one day". Phrases come from data/reference-words.json; the longest wins.
import type { TimeFinder } from './time-meaning.ts';
import type { TimeWordView } from './time-word-view.ts';
import { keyAt, phraseAt } from './time-grammar.ts';
import { MODALS, REFERENCES } from './time-words.ts';

const PHRASES = REFERENCES.map(([phrase]) => phrase);
const VALUES = new Map(REFERENCES.map(([phrase, ref]) => [phrase.join(' '), ref]));

/** "will one day", "may one day": an indefinite future, not a length of a day (duration-finder.ts leaves it). */
export function isOneDayAhead(view: TimeWordView, i: number): boolean {
  return view.words[i]?.key === 'one' && keyAt(view, i + 1, i) === 'day' && MODALS.has(keyAt(view, i - 1, i));
}

export const findReference: TimeFinder = (view, i) => {
  if (isOneDayAhead(view, i)) return { first: i, end: i + 2, meaning: { kind: 'reference', ref: 'FUTURE_REF' } };
  const length = phraseAt(view, i, PHRASES);
  if (length === 0) return null;
  const key = view.words.slice(i, i + length).map((w) => w.key).join(' ');
  // "as soon as the talks end" is a conjunction; "soon after the vote" is anchored on the vote.
  if (key === 'soon' && (keyAt(view, i - 1, i) === 'as' || keyAt(view, i + 1, i) === 'after' || keyAt(view, i + 1, i) === 'before')) return null;
  return { first: i, end: i + length, meaning: { kind: 'reference', ref: VALUES.get(key)! } };
};
