// Finder: lengths of time. "21 months", "five-year", "the past three months", "the first nine
// months", "a couple of years", "several years", "two and a half hours", "the last twenty four
// hours", "the next two years or so", "for years", "the weeks ahead". Ages ("a 30-year-old",
// "30 years old") are no durations; "two weeks ago" is a date (relative-date-finder.ts); "twice a
// year" a set (set-finder.ts).
import type { TimeWordView } from './time-word-view.ts';
import type { TimeFinder } from './time-meaning.ts';
import { isAge, isRateArticle, keyAt, readAmount, readNumberWords, readUnit, type Amount } from './time-grammar.ts';
import { DURATION_LEADS, UNIT_ADJECTIVES, type TimeUnit } from './time-words.ts';
import { isOneDayAhead } from './reference-finder.ts';

/** Determiners a duration may start with ("the past three months", "an additional year", "its first nine months"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'those', 'these']);
/** Words after which a plural unit alone is a duration: "for years", "in months", "within days". */
const BARE_PLURAL_BEFORE = new Set(['for', 'in', 'within', 'over', 'after', 'during', 'through', 'throughout', 'took', 'take', 'takes', 'lasted', 'spent', 'spend']);
/** Words after a count and unit that make it a date ("two weeks ago") or an age ("30 years old"). */
const NOT_AFTER = new Set(['ago', 'earlier', 'old']);
/** "a quarter" is a share, "a second" a moment, "a weekend" no length. */
const UNITS_NOT_WITH_ARTICLE: ReadonlySet<TimeUnit> = new Set(['Q', 'S', 'WE']);
const RANGE_JOINERS = new Set(['to', 'or', '-', '–']);
const MORE = new Set(['more', 'additional', 'further', 'extra']);
/** Nouns a length-of-time adjective may name as a whole: "a three-year period". */
const PERIOD_NOUNS = new Set(['period', 'span', 'stretch', 'spell']);

export const findDuration: TimeFinder = (view, i) => {
  if (isOneDayAhead(view, i)) return null;
  const w = view.words[i]!;
  const article = w.key === 'a' || w.key === 'an';
  let j = i;
  let amount: Amount | null = null;
  const scaled = article ? readNumberWords(view, i) : null; // "a hundred years"
  if (scaled) {
    amount = { value: scaled.value, article: false, numeric: false };
    j = scaled.next;
  }
  const determiner = !scaled && DETERMINERS.has(w.key);
  if (determiner) j++;
  if (article && !scaled) {
    // "a 10-year bond": the count starts the duration, the article belongs to the noun.
    const next = readAmount(view, j);
    if (next && next.value.value !== null && !next.value.article && view.words[j]!.key !== 'couple') return null;
  }
  let leads = 0;
  while (!scaled && leads < 2 && DURATION_LEADS.has(keyAt(view, j, i))) {
    j++;
    leads++;
  }
  const count = scaled ? null : readAmount(view, j);
  if (count && !count.value.article) {
    amount = count.value;
    j = count.next;
    const half = andAHalf(view, j, i);
    if (half && amount.value !== null) {
      amount = { ...amount, value: amount.value + 0.5 };
      j = half;
    }
    // "two to three weeks", "12 to 18 months": one expression, valued by its first count.
    if (RANGE_JOINERS.has(keyAt(view, j, i))) {
      const upper = readAmount(view, j + 1);
      if (upper && readUnit(view, upper.next)) j = upper.next;
    }
    // "20 more years", "eight trading days"
    if (MORE.has(keyAt(view, j, i))) j++;
    if (UNIT_ADJECTIVES.has(keyAt(view, j, i)) && readUnit(view, j + 1)) j++;
  } else if (article && !scaled) {
    amount = { value: 1, article: true, numeric: false }; // "a year", "an additional year"
  }
  const unit = readUnit(view, j);
  if (!unit || unit.value.unit === 'WE') return null;
  const u = unit.value.unit;
  let end = unit.next;
  if (!amount) {
    if (!unit.value.plural || !barePluralIsDuration(view, i, determiner, leads, end)) return null;
    if (keyAt(view, end, i) === 'ahead') end++;
  } else if (!countFitsUnit(view, i, amount, u, unit.value.plural, end)) return null;
  if (NOT_AFTER.has(keyAt(view, end, i)) || isAge(view, i, end)) return null;
  let value = amount?.value ?? null;
  const half = andAHalf(view, end, i);
  if (half && value !== null) {
    value += 0.5;
    end = half;
  }
  if (keyAt(view, end, i) === 'or' && keyAt(view, end + 1, i) === 'so') {
    if (keyAt(view, end + 2, i) === 'ago') return null; // "a week or so ago" is a date
    end += 2;
  }
  let first = i;
  // "the two-week crisis", "its 52-week high": the adjective alone is the time, as TimeML marks it;
  // "a three-year period" keeps its article and noun.
  if (determiner && leads === 0 && view.words[unit.next - 1]!.joined) {
    if (PERIOD_NOUNS.has(keyAt(view, end, i))) end++;
    else first = i + 1;
  }
  return { first, end, meaning: { kind: 'duration', amount: value, unit: u } };
};

/** The word after "and a half" at `at`, or 0. */
function andAHalf(view: TimeWordView, at: number, from: number): number {
  return keyAt(view, at, from) === 'and' && keyAt(view, at + 1, from) === 'a' && keyAt(view, at + 2, from) === 'half' ? at + 3 : 0;
}

/** A plural unit without a count: "the past months", "the weeks ahead", "for years". */
function barePluralIsDuration(view: TimeWordView, i: number, determiner: boolean, leads: number, end: number): boolean {
  if (leads > 0) return !determiner || view.words[i]!.key === 'the';
  if (determiner) return view.words[i]!.key === 'the' && (keyAt(view, end, i) === 'ahead' || BARE_PLURAL_BEFORE.has(keyAt(view, i - 1, i)));
  return BARE_PLURAL_BEFORE.has(keyAt(view, i - 1, i));
}

/** Whether a count and a unit make a duration: "a year" but not "a quarter" or "twice a year"; "three quarters" but not "three quarters of". */
function countFitsUnit(view: TimeWordView, i: number, amount: Amount, unit: TimeUnit, plural: boolean, end: number): boolean {
  if (amount.article) {
    if (plural || UNITS_NOT_WITH_ARTICLE.has(unit)) return false;
    if (isRateArticle(view, i) || keyAt(view, i - 1, i) === 'per') return false;
  }
  if (unit === 'S' && !amount.numeric && amount.value === null) return false;
  // "the 1988 quarter", "a 2024 day": a year before a singular unit is no count.
  if (amount.numeric && !plural && amount.value !== null && amount.value >= 1000) return false;
  // "three quarters of the vote" is a share, not a time; "several quarters of losses" is.
  if (unit === 'Q' && keyAt(view, end, i) === 'of' && (amount.article || (amount.value !== null && amount.value <= 4))) return false;
  return amount.value === null || amount.value <= 10000;
}

