// Finder: dates the text writes out, whole or in part. "Oct. 7, 2023", "Tuesday, March 4, 2025",
// "7 October 2023", "March 2025", "October of 2023", "2024", "2023-10-07", "10/7/2023",
// "nineteen ninety-six", "fiscal 1989", "Oct. 7" (year implied), "last November", "January this
// year". A month name that is also a word or a name ("May" the modal, "Theresa May", "the March
// on Washington") is a month only where its neighbours say so; a lone day number never is.
import type { TimeWordView } from './time-word-view.ts';
import type { CalendarMeaning, Shift, TimeCandidate, TimeFinder } from './time-meaning.ts';
import { keyAt, readDayNumber, readMonth, readShift, readWeekday, readYear, type Read } from './time-grammar.ts';
import { MONTH_LEADS, NOT_YEAR_AFTER, NOT_YEAR_BEFORE, YEAR_LEADS } from './time-words.ts';
import { dayOfParts } from '../../read/dates/date-patterns.ts';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLURAL_NOUN = /^[a-z]{3,}[^su]s$/;
const YEAR_DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'a', 'an']);
// US order, as American copy writes it (see weekday-dates.ts); four-digit years only: "10/7/23" could be a score or a fraction.
const US_NUMERIC_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function calendar(year: number | null, month: number | null, day: number | null, shift: Shift | null = null, yearOffset: number | null = null): CalendarMeaning {
  return { kind: 'calendar', year, month, day, shift, yearOffset };
}

/** A date at word `i`, with a weekday before it if the text gives one; null when there is none or it cannot exist ("Feb. 30"). */
export const findCalendarDate: TimeFinder = (view, i) => {
  const found = findDate(view, i);
  if (!found || found.meaning.kind !== 'calendar' || found.meaning.month !== null || found.meaning.year === null) return found;
  // "1994 or later", "1990 and beyond"
  const a = keyAt(view, found.end, i);
  const b = keyAt(view, found.end + 1, i);
  const open = (a === 'or' && (b === 'later' || b === 'earlier' || b === 'before')) || (a === 'and' && (b === 'beyond' || b === 'later'));
  // Only where the phrase ends there: in "in 1984 and later served as …" the adverb belongs to the next clause.
  if (open && !/^[a-z]/.test(keyAt(view, found.end + 2, i))) return { ...found, end: found.end + 2 };
  return found;
};

function findDate(view: TimeWordView, i: number): TimeCandidate | null {
  // "this coming Sunday, March 8": the weekday's shift adds nothing to the date.
  const lead = readShift(view, i);
  if (lead && readWeekday(view, lead.next)) {
    const dated = findDate(view, lead.next);
    return dated && dated.meaning.kind === 'calendar' && dated.meaning.day !== null ? { ...dated, first: i } : null;
  }
  // "the year 2000", "the year two thousand"
  if (view.words[i]!.key === 'the' && keyAt(view, i + 1, i) === 'year') {
    const year = readYear(view, i + 2);
    return year ? { first: i, end: year.next, meaning: calendar(year.value, null, null) } : null;
  }
  const weekday = readWeekday(view, i, true);
  if (weekday) {
    let j = weekday.next;
    if (keyAt(view, j, i) === ',') j++;
    const date = readWrittenDate(view, j);
    return date && date.value.day !== null ? candidate(i, date) : null;
  }
  const shift = readShift(view, i);
  if (shift) {
    // "last November", "this September", "next March"; "last May" too, as the shift marks it a month.
    const month = readMonth(view, shift.next);
    if (!month || month.value.abbreviated) return null;
    return { first: i, end: month.next, meaning: calendar(null, month.value.month, null, shift.value) };
  }
  if (view.words[i]!.key === 'fiscal') return fiscalYear(view, i);
  const date = readWrittenDate(view, i);
  if (date) return candidate(i, date);
  const year = loneYear(view, i);
  if (year) return candidate(i, year);
  const month = loneMonth(view, i);
  return month ? candidate(i, month) : null;
}

function candidate(first: number, read: Read<CalendarMeaning>): TimeCandidate {
  return { first, end: read.next, meaning: read.value };
}

/** A date with a month: "Oct. 7, 2023", "Oct. 7", "7 October 2023", "March 2025", "2023-10-07", "June last year". */
export function readWrittenDate(view: TimeWordView, i: number): Read<CalendarMeaning> | null {
  const w = view.words[i];
  if (!w) return null;
  const iso = ISO_DAY.exec(w.key);
  if (iso) return exactDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), i + 1);
  const us = US_NUMERIC_DAY.exec(w.key);
  if (us) return exactDay(Number(us[3]), Number(us[1]), Number(us[2]), i + 1);

  const month = readMonth(view, i);
  if (month) {
    const m = month.value.month;
    let j = month.next;
    const day = readDayNumber(view, j);
    if (day && !continuesAsNumber(view, day.next, i)) {
      j = day.next;
      let k = j;
      if (keyAt(view, k, i) === ',') k++;
      const year = readYear(view, k);
      if (year && view.words[k]!.digits) return exactDay(year.value, m, day.value, year.next);
      return possibleDay(m, day.value, j);
    }
    let k = j;
    if (keyAt(view, k, i) === ',' || keyAt(view, k, i) === 'of') k++;
    const year = readYear(view, k);
    if (year) return { value: calendar(year.value, m, null), next: year.next };
    // "January this year", "June last year"
    const which = keyAt(view, j, i);
    if ((which === 'this' || which === 'last') && keyAt(view, j + 1, i) === 'year') {
      return { value: calendar(null, m, null, null, which === 'this' ? 0 : -1), next: j + 2 };
    }
    return null;
  }

  // "7 October 2023", "7th of October", "the 7th of October"
  const day = readDayNumber(view, i);
  if (day) {
    let j = day.next;
    const of = keyAt(view, j, i) === 'of';
    if (of) j++;
    if (!w.digits && !/\d/.test(w.key) && !of) return null; // "first March" is not a date
    const after = readMonth(view, j);
    if (!after) return null;
    let k = after.next;
    if (keyAt(view, k, i) === ',') k++;
    const year = readYear(view, k);
    if (year && view.words[k]!.digits) return exactDay(year.value, after.value.month, day.value, year.next);
    return possibleDay(after.value.month, day.value, after.next);
  }

  // "nineteen ninety-six": a year in words is a year wherever it stands; "twelve hundred" only after "in" or "year".
  if (!w.digits) {
    const year = readYear(view, i);
    if (year && year.next > i + 1 && (keyAt(view, year.next - 1, i) !== 'hundred' || YEAR_LEADS.has(keyAt(view, i - 1, i)))) {
      return { value: calendar(year.value, null, null), next: year.next };
    }
  }
  return null;
}

function exactDay(y: number, m: number, d: number, next: number): Read<CalendarMeaning> | null {
  return dayOfParts(y, m, d) ? { value: calendar(y, m, d), next } : null;
}

/** A month and day without a year: it must exist in a leap year at least ("Feb. 29"). */
function possibleDay(m: number, d: number, next: number): Read<CalendarMeaning> | null {
  return dayOfParts(2000, m, d) ? { value: calendar(null, m, d), next } : null;
}

/** The day number is the start of a larger number or a time ("March 15,000", "May 5:30", "June 3.5"). */
function continuesAsNumber(view: TimeWordView, next: number, from: number): boolean {
  const key = keyAt(view, next, from);
  const following = keyAt(view, next + 1, from);
  return (key === ':' && /^\d\d$/.test(following)) || key === '%' || key === 'percent' || (key === '.' && /^\d/.test(following));
}

/** "fiscal 1989", "fiscal year 1990": the fiscal year as its number (when it starts is the company's). */
function fiscalYear(view: TimeWordView, i: number): TimeCandidate | null {
  let j = i + 1;
  if (keyAt(view, j, i) === 'year') j++;
  const year = readYear(view, j);
  return year && view.words[j]!.digits ? { first: i, end: year.next, meaning: calendar(year.value, null, null) } : null;
}

/** A four-digit year standing alone: "in 2024", "the 2023 budget"; not a sum, a count or a code. */
function loneYear(view: TimeWordView, i: number): Read<CalendarMeaning> | null {
  const w = view.words[i]!;
  if (!w.digits || w.key.length !== 4) return null;
  const year = Number(w.key);
  const before = keyAt(view, i - 1, i);
  if (year < 1900 || year > 2099) {
    if (year < 1000 || year > 2999 || !YEAR_LEADS.has(before)) return null;
  }
  if ((NOT_YEAR_BEFORE.has(before) && !endsYearRange(view, i)) || /[$£€¥#]$/.test(view.text.slice(Math.max(0, w.start - 1), w.start))) return null;
  const after = keyAt(view, i + 1, i);
  if (NOT_YEAR_AFTER.has(after)) return null;
  // "for 2000 tickets": a count of a plural noun, unless a determiner or a preposition of time makes
  // it a year ("the 2000 elections", "in 2000 voters chose").
  if (PLURAL_NOUN.test(after) && !view.words[i + 1]!.capital && !YEAR_DETERMINERS.has(before) && !YEAR_LEADS.has(before)) return null;
  // "1,000-2000": part of a range of quantities.
  if (after === '-' || after === '–') {
    const next = view.words[i + 2];
    if (next && /^\d/.test(next.key) && next.key.length !== 4 && next.key.length !== 2) return null;
  }
  return { value: calendar(year, null, null), next: i + 1 };
}

/** "from 1990 to 1995", "1998-2000": the second year of a range whose first one is a year too (not "rose to 2000"). */
function endsYearRange(view: TimeWordView, i: number): boolean {
  const joiner = keyAt(view, i - 1, i);
  if (joiner !== 'to' && joiner !== '-' && joiner !== '–') return false;
  const first = view.words[i - 2];
  if (!first || first.sentence !== view.words[i]!.sentence || !first.digits || first.key.length !== 4) return false;
  const year = Number(first.key);
  return year >= 1900 && year <= 2099 && Number(view.words[i]!.key) > year && YEAR_LEADS.has(keyAt(view, i - 3, i));
}

/** A month name alone ("in October", "last May" is read with its shift): only where it cannot be a word or a name. */
function loneMonth(view: TimeWordView, i: number): Read<CalendarMeaning> | null {
  const month = readMonth(view, i);
  if (!month) return null;
  const w = view.words[i]!;
  const before = view.words[i - 1];
  const sameSentence = before !== undefined && before.sentence === w.sentence;
  const lead = sameSentence && MONTH_LEADS.has(before.key);
  // "Sept." after "in"; "Jan" without a period is a name as often as a month.
  if (month.value.abbreviated && !(lead && w.text.endsWith('.'))) return null;
  if (w.key === 'may' && !lead) return null;
  // "Theresa May", "the Women's March": a capitalised word before that is not the sentence's first.
  if (sameSentence && !lead && before.capital && view.sentenceStart[w.sentence] !== i - 1) return null;
  if (sameSentence && (before.key === "'s" || before.key === '’s')) return null;
  const after = view.words[i + 1];
  const afterSame = after !== undefined && after.sentence === w.sentence;
  // "April Ryan", "June Carter": a name goes on with a capitalised word.
  if (afterSame && after.capital && !lead && !after.joined) return null;
  // "the march on Washington" is written lower case; "the March of Dimes" is a name.
  if (afterSame && before?.key === 'the' && (after.key === 'of' || after.key === 'on' || after.key === 'to' || after.key === 'for')) return null;
  return { value: calendar(null, month.value.month, null), next: i + 1 };
}
