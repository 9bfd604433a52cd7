// Finder: days, weeks, months and years named relative to the time of writing. "today",
// "yesterday", "tomorrow", "tonight", "Wednesday", "last Friday", "next Thursday", "this week",
// "last year", "the past year", "the year" (being reported), "year-end", "two weeks ago", "a year
// earlier", "year-ago", "this morning", "last night", "Thursday evening"; and relative to a time
// the story has named: "the next day", "the following year", "that month", "the previous Friday".
// Which day a bare weekday is depends on the clause's tense: the resolver decides that, the finder
// only says what was written.
import type { TimeWordView } from './time-word-view.ts';
import type { AnaphorMeaning, ClockMeaning, DayMeaning, Shift, TimeCandidate, TimeFinder } from './time-meaning.ts';
import { keyAt, phraseEndingAt, readAmount, readDayPart, readShift, readUnit, readWeekday, type Read } from './time-grammar.ts';
import { POSITIONS, WEEKDAY_NAME_WORDS, type TimeUnit } from './time-words.ts';

const DAY_WORDS: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1, tonight: 0 };
/** Units a shift word counts in as calendar periods ("last week"); quarters, weekends and decades are periods of their own (period-finder.ts). */
const SHIFTABLE: ReadonlySet<TimeUnit> = new Set(['Y', 'M', 'W', 'D']);
const ANAPHOR_UNITS: ReadonlySet<TimeUnit> = SHIFTABLE;
/** Words after a count and unit that count back from the time of writing. "two days before the vote" counts from the vote: a duration. */
const BACKWARD = new Set(['ago', 'earlier']);
/** Shift words that count from the time of writing ("last year"); "the following year" counts from a time the story set. */
const SHIFTS_FROM_WRITING = new Set(['last', 'past', 'this', 'next', 'coming', 'current', 'present']);
/** Words after "the year" that make it another year than the current one, or no year. */
const NOT_THIS_YEAR_AFTER = new Set(['before', 'after', 'earlier', 'later', 'prior', 'following', 'ago', 'since', 'when', 'in', 'of', 'two', 'one', 'and', '-', '–']);
/** Position phrases that take a period after them ("the end of", "earlier in"). */
const POSITIONS_OF = POSITIONS.filter((p) => p.at(-1) === 'of' || p.at(-1) === 'in');

export const findRelativeDate: TimeFinder = (view, i) => {
  const w = view.words[i]!;
  const key = w.key;

  // "the day before yesterday", "the day after tomorrow"
  if (key === 'the' && keyAt(view, i + 1, i) === 'day') {
    const side = keyAt(view, i + 2, i);
    const day = keyAt(view, i + 3, i);
    if ((side === 'before' && day === 'yesterday') || (side === 'after' && day === 'tomorrow')) {
      return { first: i, end: i + 4, meaning: offset('D', side === 'before' ? -2 : 2) };
    }
  }

  const day = readDay(view, i);
  if (day) return withDayPart(view, i, day);

  // "this morning", "last night", "this afternoon"
  const shift = readShift(view, i);
  if (shift && (key === 'this' || key === 'last')) {
    const part = readDayPart(view, shift.next);
    if (part && (key === 'this' || part.value === 'NI')) {
      const clock: ClockMeaning = { kind: 'clock', day: offset('D', key === 'last' ? -1 : 0), hour: null, minute: null, part: part.value };
      return { first: i, end: part.next, meaning: clock };
    }
  }

  // "last year", "this week", "next month", "the past year", "the current fiscal year"
  const lead = key === 'the' ? 1 : 0;
  const shifted = lead ? readShift(view, i + 1) : shift;
  if (shifted) {
    const shiftKey = keyAt(view, i + lead, i);
    let j = shifted.next;
    // "the following year", "the previous day", "the next day" count from a time the story set, not from its writing.
    const anaphoric = !SHIFTS_FROM_WRITING.has(shiftKey) || (lead === 1 && keyAt(view, j, i) === 'day' && shiftKey === 'next');
    if (anaphoric) {
      const weekday = lead ? readWeekday(view, j) : null;
      if (weekday && shifted.value !== 0) return { first: i, end: weekday.next, meaning: { kind: 'anaphor', unit: 'D', amount: shifted.value, weekday: weekday.value } };
      const unit = lead ? readUnit(view, j) : null;
      if (!unit || unit.value.plural || !ANAPHOR_UNITS.has(unit.value.unit) || view.words[j]!.joined) return null;
      return { first: i, end: unit.next, meaning: { kind: 'anaphor', unit: unit.value.unit as AnaphorMeaning['unit'], amount: shifted.value } };
    }
    if (keyAt(view, j, i) === 'fiscal') j++;
    const unit = readUnit(view, j);
    if (!unit || unit.value.plural || !SHIFTABLE.has(unit.value.unit)) return null;
    // "ABC's "This Week"": a capitalised unit inside a sentence is a title.
    if (view.words[j]!.capital && inName(view, j)) return null;
    if (unit.value.unit === 'D' && !lead) return null; // "this day" / "next day" are not dates on their own
    return { first: i, end: unit.next, meaning: offset(unit.value.unit, shifted.value) };
  }

  // "that day", "the same month", "that same year": the time the story has just named.
  if (key === 'that' || (key === 'the' && keyAt(view, i + 1, i) === 'same')) {
    let j = i + 1;
    if (keyAt(view, j, i) === 'same') j++;
    const unit = readUnit(view, j);
    if (unit && !unit.value.plural && ANAPHOR_UNITS.has(unit.value.unit) && !view.words[j + 1]?.joined) {
      return { first: i, end: unit.next, meaning: { kind: 'anaphor', unit: unit.value.unit as AnaphorMeaning['unit'], amount: 0 } };
    }
  }

  // "the year", "the full year", "the fiscal year" (the one being reported) and "the year ended
  // Sept. 30" (a length: twelve months up to that day); "the end of the month".
  if (key === 'the') {
    let j = i + 1;
    while (j < i + 3 && (keyAt(view, j, i) === 'full' || keyAt(view, j, i) === 'fiscal' || keyAt(view, j, i) === 'calendar')) j++;
    const unitKey = keyAt(view, j, i);
    const next = view.words[j + 1];
    if (unitKey === 'year' && !(next?.joined)) {
      const after = keyAt(view, j + 1, i);
      if (after === 'ended' || after === 'ending' || after === 'that' || after === 'through') {
        return { first: i, end: j + 1, meaning: { kind: 'duration', amount: 1, unit: 'Y' } };
      }
      if (!NOT_THIS_YEAR_AFTER.has(after)) return { first: i, end: j + 1, meaning: offset('Y', 0) };
    }
    if ((unitKey === 'month' || unitKey === 'week') && j === i + 1 && phraseEndingAt(view, i, POSITIONS_OF, w.sentence) !== null) {
      return { first: i, end: j + 1, meaning: offset(readUnit(view, j)!.value.unit, 0) };
    }
  }

  // "year-end", "year end", "year's end": the end of the current year, or of the last one after "since".
  if (key === 'year') {
    const end = keyAt(view, i + 1, i) === 'end' ? i + 2 : /^['’]s$/.test(keyAt(view, i + 1, i)) && keyAt(view, i + 2, i) === 'end' ? i + 3 : 0;
    if (end) return { first: i, end, meaning: offset('Y', keyAt(view, i - 1, i) === 'since' ? -1 : 0) };
  }

  // "two weeks ago", "a year earlier", "several years ago", "a week or so ago"
  const amount = readAmount(view, i);
  if (amount) {
    const unit = readUnit(view, amount.next);
    if (!unit || unit.value.unit === 'WE' || unit.value.unit === 'FN') return null;
    let k = unit.next;
    if (keyAt(view, k, i) === 'or' && keyAt(view, k + 1, i) === 'so') k += 2;
    if (!BACKWARD.has(keyAt(view, k, i))) return null;
    const count = amount.value.value;
    return { first: i, end: k + 1, meaning: { kind: 'offset', unit: unit.value.unit, amount: -(count ?? 1), vague: count === null, comparison: true } };
  }

  // "year-ago", "year-earlier" as adjectives ("year-earlier results")
  if ((key === 'year' || key === 'month' || key === 'week') && view.words[i + 1]?.joined && (keyAt(view, i + 1, i) === 'ago' || keyAt(view, i + 1, i) === 'earlier')) {
    return { first: i, end: i + 2, meaning: { kind: 'offset', unit: readUnit(view, i)!.value.unit, amount: -1, vague: false, comparison: true } };
  }
  return null;
};

function offset(unit: TimeUnit, amount: number): DayMeaning {
  return { kind: 'offset', unit, amount, vague: false };
}

/** A day named without a date: "today", "yesterday", "Wednesday", "last Friday", "next Thursday". Used by the clock finder too. */
export function readDay(view: TimeWordView, i: number): Read<DayMeaning> | null {
  const w = view.words[i];
  if (!w) return null;
  const dayOffset = DAY_WORDS[w.key];
  if (dayOffset !== undefined && w.key !== 'tonight') return inName(view, i) ? null : { value: offset('D', dayOffset), next: i + 1 };
  let shift: Shift | null = null;
  let j = i;
  const shiftRead = readShift(view, i);
  if (shiftRead && view.words[i]!.key !== 'past' && view.words[i]!.key !== 'current') {
    // "the previous Friday" counts from the day the story is on (findRelativeDate's anaphors), not from its writing.
    if (!SHIFTS_FROM_WRITING.has(view.words[i]!.key) && keyAt(view, i - 1, i) === 'the') return null;
    shift = shiftRead.value;
    j = shiftRead.next;
  }
  const weekday = readWeekday(view, j);
  if (!weekday) return null;
  // "Black Friday", "Super Tuesday", "Ash Wednesday" are names.
  if (shift === null && WEEKDAY_NAME_WORDS.has(keyAt(view, i - 1, i)) && view.words[i - 1]!.capital) return null;
  return { value: { kind: 'weekday', weekday: weekday.value, shift }, next: weekday.next };
}

/** A capitalised word inside a sentence after a capitalised word, or capitalised mid-sentence after "This": part of a name ("VOA Today", "This Week"). */
function inName(view: TimeWordView, i: number): boolean {
  const w = view.words[i]!;
  if (!w.capital || view.sentenceStart[w.sentence] === i) return false;
  const before = view.words[i - 1]!;
  return before.capital && (view.sentenceStart[w.sentence] !== i - 1 || before.key === 'this');
}

/** A day with the part of the day after it ("Thursday evening", "yesterday afternoon") or alone; "tonight" is tonight. */
function withDayPart(view: TimeWordView, i: number, day: Read<DayMeaning>): TimeCandidate {
  const part = readDayPart(view, day.next);
  if (part) {
    const clock: ClockMeaning = { kind: 'clock', day: day.value, hour: null, minute: null, part: part.value };
    return { first: i, end: part.next, meaning: clock };
  }
  return { first: i, end: day.next, meaning: day.value };
}

/** "tonight": the night of the reference day. */
export const findTonight: TimeFinder = (view, i) =>
  view.words[i]!.key === 'tonight'
    ? { first: i, end: i + 1, meaning: { kind: 'clock', day: offset('D', 0), hour: null, minute: null, part: 'NI' } }
    : null;
