// Finder: times of day, with the day they fall on when the text gives it on either side. "6:40
// p.m.", "5 p.m. EST", "18:40", "noon", "midnight", "10 p.m. Wednesday", "5 p.m. EST, Nov. 6",
// "Thursday at 6:40 p.m.", "noon Thursday", "1900 GMT"; and parts of the day without a day before
// them ("mid-afternoon yesterday", "by mid afternoon", "in the morning"). A number before
// "a.m."/"p.m." is an hour only up to 12; "3:1" (a score) has no two-digit minutes and is no time.
import type { TimeWordView } from './time-word-view.ts';
import type { ClockMeaning, DayMeaning, TimeCandidate, TimeFinder } from './time-meaning.ts';
import { keyAt, readDayPart, type Read } from './time-grammar.ts';
import { readDay } from './relative-date-finder.ts';
import { readWrittenDate } from './calendar-date-finder.ts';
import { TIME_ZONES } from './time-words.ts';

const MERIDIEM: Record<string, 'am' | 'pm'> = { 'a.m.': 'am', 'a.m': 'am', am: 'am', 'p.m.': 'pm', 'p.m': 'pm', pm: 'pm' };
const HOUR_WITH_MERIDIEM = /^(\d{1,2})(am|pm|a\.m\.?|p\.m\.?)$/;
const MINUTES = /^[0-5]\d$/;
const MILITARY = /^(?:[01]\d|2[0-3])[0-5]\d$/;

interface Clock {
  hour: number;
  minute: number;
}

export const findClockTime: TimeFinder = (view, i) => {
  // The time first: "6:40 p.m. Thursday", "5 p.m. EST, Nov. 6".
  const clock = readClock(view, i);
  if (clock) {
    let j = clock.next;
    // "10:30 a.m. (0730 GMT) Friday": the day after the same time in another zone is this time's day
    // too, and the other time's ("0730 GMT) Friday"); each keeps its own span.
    const aside = afterAside(view, j, i) || (keyAt(view, i - 1, i) === '(' && keyAt(view, j, i) === ')' ? j + 1 : 0);
    let k = aside || j;
    if (keyAt(view, k, i) === ',') k++;
    if (keyAt(view, k, i) === 'on') k++;
    const day = readDayAt(view, k);
    if (day && !aside) j = day.next;
    return candidate(i, j, day?.value ?? null, clock.value);
  }
  // The day first: "Thursday at 6:40 p.m.", "Nov. 6, 5 p.m.", "noon Thursday" read above.
  const day = readDayAt(view, i);
  if (!day) return null;
  let k = day.next;
  if (keyAt(view, k, i) === ',') k++;
  if (keyAt(view, k, i) === 'at') k++;
  const after = readClock(view, k);
  return after ? candidate(i, after.next, day.value, after.value) : null;
};

/** Words before a bare part of the day that make it a time of the day the story is on: "mid-afternoon", "early morning", "late evening". */
const PART_POSITIONS = new Set(['mid', 'early', 'late']);
/** Prepositions before "the morning" that make it a time: "in the morning", "by the afternoon". */
const PART_PREPOSITIONS = new Set(['in', 'during', 'by', 'until', 'through', 'throughout']);
/** Words a time of day may be followed by; any other lower-case word is the noun it describes ("a late-night show", "the morning paper"). */
const AFTER_PART = new Set(['and', 'or', 'but', 'when', 'as', 'before', 'after', 'to', 'in', 'on', 'at', 'of', 'from', 'with', 'by', 'for', 'that', 'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'there']);

/**
 * A part of the day without a day before it: "mid-afternoon yesterday", "by mid afternoon", "early
 * morning", "in the morning". The day is the one after it when written ("yesterday"), else the one
 * the sentence is on, which the anaphor resolver gives.
 */
export const findDayPart: TimeFinder = (view, i) => {
  const part = readDayPart(view, i);
  if (!part) return null;
  const day = readDay(view, part.next);
  if (day) return { first: i, end: day.next, meaning: { kind: 'clock', day: day.value, hour: null, minute: null, part: part.value } }; // "afternoon yesterday"
  const after = view.words[part.next];
  if (after && after.sentence === view.words[i]!.sentence && (after.joined || (/^[a-z]/.test(after.text) && !AFTER_PART.has(after.key)))) return null;
  const before = keyAt(view, i - 1, i);
  const meaning: ClockMeaning = { kind: 'clock', day: null, hour: null, minute: null, part: part.value };
  // "mid", "early", "late" are taken in by modifier-refiner.ts, as before any time.
  if (PART_POSITIONS.has(before)) return { first: i, end: part.next, meaning };
  if (before === 'the' && PART_PREPOSITIONS.has(keyAt(view, i - 2, i))) return { first: i - 1, end: part.next, meaning };
  return null;
};

function candidate(first: number, end: number, day: DayMeaning | null, clock: Clock): TimeCandidate {
  const meaning: ClockMeaning = { kind: 'clock', day, hour: clock.hour, minute: clock.minute, part: null };
  return { first, end, meaning };
}

/** The word after a time in parentheses at `at` ("(0730 GMT)"), or 0. */
function afterAside(view: TimeWordView, at: number, from: number): number {
  if (keyAt(view, at, from) !== '(') return 0;
  const inner = readClock(view, at + 1);
  return inner && keyAt(view, inner.next, from) === ')' ? inner.next + 1 : 0;
}

/** A day a time of day can fall on: "Thursday", "yesterday", "Nov. 6", "March 4, 2025". */
function readDayAt(view: TimeWordView, i: number): Read<DayMeaning> | null {
  const day = readDay(view, i);
  if (day) return day;
  const date = readWrittenDate(view, i);
  return date && date.value.day !== null ? date : null;
}

/** "6:40 p.m.", "5 p.m.", "5pm", "18:40", "noon", "midnight", "12 noon", "7 o'clock", with a time zone after. */
function readClock(view: TimeWordView, i: number): Read<Clock> | null {
  const w = view.words[i];
  if (!w) return null;
  let hour: number;
  let minute = 0;
  let j = i + 1;
  let meridiem: 'am' | 'pm' | undefined;
  const joined = HOUR_WITH_MERIDIEM.exec(w.key);
  if (w.key === 'noon' || w.key === 'midday') {
    if (keyAt(view, i - 1, i) === 'after' || keyAt(view, i - 1, i) === 'before') return null;
    hour = 12;
  } else if (w.key === 'midnight') hour = 24;
  else if (joined) {
    hour = Number(joined[1]);
    meridiem = joined[2]!.startsWith('a') ? 'am' : 'pm';
  } else if (w.digits && w.key.length === 4 && MILITARY.test(w.key) && TIME_ZONES.has(keyAt(view, j, i)) && view.words[j]!.text === view.words[j]!.text.toUpperCase()) {
    // "1900 GMT", "0730 GMT": a time on the 24-hour clock, not a year.
    hour = Number(w.key.slice(0, 2));
    minute = Number(w.key.slice(2));
  } else if (w.digits && w.key.length <= 2) {
    hour = Number(w.key);
    if (keyAt(view, j, i) === ':' && MINUTES.test(keyAt(view, j + 1, i))) {
      minute = Number(keyAt(view, j + 1, i));
      j += 2;
    }
    meridiem = MERIDIEM[keyAt(view, j, i)];
    if (meridiem) j++;
    else if (keyAt(view, j, i) === "o'clock") j++;
    else if (j === i + 1) return null; // a bare number is no time
    if (keyAt(view, j, i) === 'noon' && hour === 12) j++;
  } else return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  } else if (hour > 24 || minute > 59) return null;
  if (TIME_ZONES.has(keyAt(view, j, i)) && view.words[j]!.text === view.words[j]!.text.toUpperCase()) j++;
  else if (keyAt(view, j, i) === 'local' && keyAt(view, j + 1, i) === 'time') j += 2;
  return { value: { hour, minute }, next: j };
}
