// Finder: times of day, with the day they fall on when the text gives it on either side. "6:40
// p.m.", "5 p.m. EST", "18:40", "noon", "midnight", "10 p.m. Wednesday", "5 p.m. EST, Nov. 6",
// "Thursday at 6:40 p.m.", "noon Thursday". A number before "a.m."/"p.m." is an hour only up to 12;
// "3:1" (a score) has no two-digit minutes and is no time.
import type { TimeWordView } from './time-word-view.ts';
import type { ClockMeaning, DayMeaning, TimeCandidate, TimeFinder } from './time-meaning.ts';
import { keyAt, type Read } from './time-grammar.ts';
import { readDay } from './relative-date-finder.ts';
import { readWrittenDate } from './calendar-date-finder.ts';
import { TIME_ZONES } from './time-words.ts';

const MERIDIEM: Record<string, 'am' | 'pm'> = { 'a.m.': 'am', 'a.m': 'am', am: 'am', 'p.m.': 'pm', 'p.m': 'pm', pm: 'pm' };
const HOUR_WITH_MERIDIEM = /^(\d{1,2})(am|pm|a\.m\.?|p\.m\.?)$/;
const MINUTES = /^[0-5]\d$/;

interface Clock {
  hour: number;
  minute: number;
}

export const findClockTime: TimeFinder = (view, i) => {
  // The time first: "6:40 p.m. Thursday", "5 p.m. EST, Nov. 6".
  const clock = readClock(view, i);
  if (clock) {
    let j = clock.next;
    let k = j;
    if (keyAt(view, k, i) === ',') k++;
    if (keyAt(view, k, i) === 'on') k++;
    const day = readDayAt(view, k);
    if (day) j = day.next;
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

function candidate(first: number, end: number, day: DayMeaning | null, clock: Clock): TimeCandidate {
  const meaning: ClockMeaning = { kind: 'clock', day, hour: clock.hour, minute: clock.minute, part: null };
  return { first, end, meaning };
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
