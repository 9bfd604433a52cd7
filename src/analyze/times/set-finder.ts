// Finder: times that recur. "every week" (P1W), "every two years" (P2Y), "each year", "every
// other month" (P2M), "each Thursday" (XXXX-WXX-4), "every July" (XXXX-07), "on Tuesdays",
// "Tuesday nights" after "on", "daily", "weekly", "annually", and the rate in "twice a year"
// ("a year": P1Y). Values follow TIMEX3: the period of the recurrence, or the calendar pattern.
import type { TimeWordView } from './time-word-view.ts';
import type { TimeCandidate, TimeFinder } from './time-meaning.ts';
import { isRateArticle, keyAt, phraseAt, readAmount, readDayPart, readMonth, readUnit, readWeekday } from './time-grammar.ts';
import { durationValue } from './duration-value.ts';
import { ADJECTIVE_SETS, SET_WORDS, WEEKDAYS } from './time-words.ts';

const SET_PHRASES = SET_WORDS.map(([phrase]) => phrase);
const SET_VALUES = new Map(SET_WORDS.map(([phrase, value]) => [phrase.join(' '), value]));
const pad = (n: number) => String(n).padStart(2, '0');

export const findSet: TimeFinder = (view, i) => {
  const w = view.words[i]!;
  const phrase = phraseAt(view, i, SET_PHRASES);
  if (phrase > 0) {
    const key = view.words.slice(i, i + phrase).map((x) => x.key).join(' ');
    // "daily flights", "its quarterly dividend": an adjective before a noun is no time.
    if (ADJECTIVE_SETS.has(key) && beforeNoun(view, i + 1, i)) return null;
    return set(i, i + phrase, SET_VALUES.get(key)!);
  }
  if (w.key === 'every' || w.key === 'each') return everyOrEach(view, i);
  // "twice a year", "three times a week", "$5 a year", "four flights a week"
  if ((w.key === 'a' || w.key === 'per') && isRateArticle(view, i)) {
    const unit = readUnit(view, i + 1);
    // "15 million instructions per second", "60 miles per hour" are measures, not recurring times.
    const measure = unit && w.key === 'per' && (unit.value.unit === 'S' || unit.value.unit === 'MIN' || unit.value.unit === 'H');
    if (unit && !measure && !unit.value.plural && unit.value.unit !== 'WE') return set(i, unit.next, durationValue(1, unit.value.unit));
  }
  // "on Tuesdays", "Tuesday nights"
  const plural = /^(\w+day)s$/.exec(w.key);
  const weekday = w.capital ? WEEKDAYS.get(plural ? plural[1]! : w.key) : undefined;
  if (weekday !== undefined && (plural || w.key.endsWith('day'))) {
    const partPlural = /^(?:mornings|afternoons|evenings|nights)$/.test(keyAt(view, i + 1, i)) ? readDayPart(view, i + 1) : null;
    if (partPlural) return set(i, i + 2, `XXXX-WXX-${weekday}T${partPlural.value}`);
    if (plural && keyAt(view, i - 1, i) === 'on') return set(i, i + 1, `XXXX-WXX-${weekday}`);
  }
  return null;
};

/** Function words that may follow an adverb of frequency; any other lower-case word is the noun an adjective describes. */
const AFTER_ADVERB = new Set(['by', 'at', 'in', 'on', 'and', 'or', 'for', 'to', 'from', 'since', 'until', 'with', 'through', 'during', 'across', 'the', 'a', 'an', 'as', 'but', 'than', 'if', 'when', 'because', 'over', 'into', 'around', 'throughout', 'basis']);

function beforeNoun(view: TimeWordView, next: number, from: number): boolean {
  const key = keyAt(view, next, from);
  return /^[a-z]/.test(key) && !AFTER_ADVERB.has(key);
}

/** "every week", "every two years", "every other month", "each Thursday", "every July", "every morning". */
function everyOrEach(view: TimeWordView, i: number): TimeCandidate | null {
  let j = i + 1;
  let step = 1;
  if (keyAt(view, j, i) === 'other') {
    step = 2;
    j++;
  }
  const weekday = readWeekday(view, j);
  if (weekday) {
    const part = readDayPart(view, weekday.next);
    return set(i, part ? part.next : weekday.next, `XXXX-WXX-${weekday.value}${part ? `T${part.value}` : ''}`);
  }
  const month = readMonth(view, j);
  if (month && !month.value.abbreviated) return set(i, month.next, `XXXX-${pad(month.value.month)}`);
  const part = readDayPart(view, j);
  if (part) return set(i, part.next, `XXXX-XX-XXT${part.value}`);
  const amount = readAmount(view, j);
  if (amount && !amount.value.article && amount.value.value !== null) {
    const unit = readUnit(view, amount.next);
    if (unit && unit.value.unit !== 'WE') return set(i, unit.next, durationValue(amount.value.value * step, unit.value.unit));
    return null;
  }
  const unit = readUnit(view, j);
  if (!unit || unit.value.plural) return null;
  return set(i, unit.next, unit.value.unit === 'WE' ? 'XXXX-WXX-WE' : durationValue(step, unit.value.unit));
}

function set(first: number, end: number, value: string): TimeCandidate {
  return { first, end, meaning: { kind: 'set', value } };
}
