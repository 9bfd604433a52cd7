// Resolver: the TIMEX3 type and value of what a finder read, against the reference day (the
// publication date) and the tense of the clause. What the text states is kept ("Oct. 7, 2023" is
// 2023-10-07 whatever the reference); what it leaves open is implied from the reference: the year of
// "Oct. 7", the day of "Wednesday" (the one before for past tense, the one after for future), the
// month of "last November". Without a reference nothing is implied: the value stays underspecified
// ("XXXX-10-07", "XXXX-WXX-3", "XXXX-11"), never resolved against today's clock.
import type { TimeExpression } from '../../model/layers.ts';
import type { CalendarMeaning, ClockMeaning, DayMeaning, EraMeaning, HolidayMeaning, HolidayRule, OffsetMeaning, PeriodMeaning, TimeMeaning, WeekdayMeaning } from './time-meaning.ts';
import type { Tense } from './clause-tense.ts';
import { addMonths, dayNumber, dayOf, formatDay, formatMonth, formatWeek, isoWeekday, type Day } from './calendar-math.ts';
import { durationValue } from './duration-value.ts';

/** A type and value as the contract's `times` writes them. */
export interface ResolvedTime {
  type: TimeExpression['type'];
  value: string | null;
}

/** Which way an open year or day is looked for from the reference: -1 on or before, +1 on or after, 0 the nearest. */
type Lean = -1 | 0 | 1;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const SEASON_ORDER = ['SP', 'SU', 'FA', 'WI'];

/**
 * The type and value of `meaning` with `reference` as the time of writing (null: unknown), the
 * clause's `tense`, and whether a word of deadline stands before it ("by May", "until Nov. 9").
 */
export function resolveTime(meaning: TimeMeaning, reference: Day | null, tense: Tense, deadline = false): ResolvedTime {
  switch (meaning.kind) {
    case 'duration':
      return { type: 'DURATION', value: durationValue(meaning.amount, meaning.unit) };
    case 'set':
      return { type: 'SET', value: meaning.value };
    case 'reference':
      return { type: 'DATE', value: meaning.ref };
    case 'clock':
      return { type: 'TIME', value: clockValue(meaning, reference, tense) };
    case 'period':
      return { type: 'DATE', value: periodValue(meaning, reference, tense) };
    case 'era':
      return { type: 'DATE', value: eraValue(meaning, reference) };
    case 'anaphor':
      return { type: 'DATE', value: null }; // valued from the text before it: anaphor-resolver.ts
    case 'holiday':
      return { type: 'DATE', value: holidayValue(meaning, reference, tense) };
    default:
      return { type: 'DATE', value: meaning.kind === 'calendar' ? calendarValue(meaning, reference, deadline ? 'future' : tense) : dayValue(meaning, reference, tense) };
  }
}

function leanOf(tense: Tense): Lean {
  return tense === 'past' ? -1 : tense === 'future' ? 1 : 0;
}

function dayValue(meaning: DayMeaning, reference: Day | null, tense: Tense): string {
  switch (meaning.kind) {
    case 'calendar':
      return calendarValue(meaning, reference, tense);
    case 'weekday':
      return weekdayValue(meaning, reference, tense);
    case 'offset':
      return offsetValue(meaning, reference);
  }
}

function calendarValue(c: CalendarMeaning, reference: Day | null, tense: Tense): string {
  let year = c.year;
  if (year === null && c.month !== null) {
    if (!reference) year = null;
    else if (c.yearOffset !== null) year = reference.y + c.yearOffset;
    else if (c.shift === 0) year = reference.y;
    else {
      // Strict for "last November" / "next March": not the reference's own month.
      const strict = c.shift !== null;
      const lean: Lean = c.shift ?? leanOf(tense);
      const position = (y: number) => (c.day !== null ? dayNumber({ y, m: c.month!, d: c.day }) : y * 12 + c.month!);
      // "last February" written in March is last year's: the month just gone would be "last month".
      const at = c.day !== null ? dayNumber(reference) : reference.y * 12 + reference.m + (c.shift ?? 0);
      // A day up to two months off on the other side of the tense may still be meant ("extended to
      // Nov. 20"); a month is the tense's ("took office in February", written in December).
      year = pickNearest([reference.y - 1, reference.y, reference.y + 1], position, at, lean, strict, c.day !== null ? 62 : 0);
    }
  }
  const y = year === null ? 'XXXX' : pad(year, 4);
  if (c.month === null) return y;
  if (c.day === null) return `${y}-${pad(c.month)}`;
  return `${y}-${pad(c.month)}-${pad(c.day)}`;
}

/**
 * The candidate nearest `at` on the side `lean` says: strictly that side for a written shift
 * ("last November"), else that side unless the other one is within `near` and three times nearer
 * ("extended to Nov. 20" a fortnight ahead, not eleven months back, whatever the verb's tense). Lean 0: the nearest,
 * ties to the past, as news reports more than it announces.
 */
function pickNearest(candidates: number[], position: (c: number) => number, at: number, lean: Lean, strict: boolean, near: number): number {
  let past: number | null = null;
  let pastDistance = Infinity;
  let future: number | null = null;
  let futureDistance = Infinity;
  for (const c of candidates) {
    const delta = position(c) - at;
    if ((delta < 0 || (delta === 0 && !strict)) && -delta < pastDistance) {
      past = c;
      pastDistance = -delta;
    }
    if ((delta > 0 || (delta === 0 && !strict)) && delta < futureDistance) {
      future = c;
      futureDistance = delta;
    }
  }
  if (strict) return (lean < 0 ? past : future) ?? candidates[1]!;
  if (past === null) return future!;
  if (future === null) return past;
  if (lean < 0) return futureDistance * 3 < pastDistance && futureDistance <= near ? future : past;
  if (lean > 0) return pastDistance * 3 < futureDistance && pastDistance <= near ? past : future;
  return futureDistance < pastDistance ? future : past;
}

function weekdayValue(w: WeekdayMeaning, reference: Day | null, tense: Tense): string {
  if (!reference) return `XXXX-WXX-${w.weekday}`;
  const r = dayNumber(reference);
  const today = isoWeekday(r);
  const back = (today - w.weekday + 7) % 7;
  const ahead = (w.weekday - today + 7) % 7;
  let n: number;
  if (w.shift === -1) n = r - (back || 7);
  else if (w.shift === 1) n = r + (ahead || 7);
  // A bare weekday: the one after only in a future clause ("would meet … on Thursday"); news
  // otherwise reports what happened ("said Wednesday"), so the one on or before.
  else if (w.shift === 0) n = tense === 'past' ? r - back : r + ahead;
  else n = tense === 'future' ? r + ahead : r - back;
  return formatDay(dayOf(n));
}

function offsetValue(o: OffsetMeaning, reference: Day | null): string {
  if (o.vague) return o.amount < 0 ? 'PAST_REF' : 'FUTURE_REF';
  if (!reference) return UNDERSPECIFIED[o.unit] ?? 'XXXX-XX-XX';
  const r = dayNumber(reference);
  const n = o.amount;
  switch (o.unit) {
    case 'D':
    case 'H':
    case 'MIN':
    case 'S':
      return formatDay(dayOf(o.unit === 'D' ? r + n : r));
    case 'W':
    case 'FN':
      return formatWeek(r + 7 * n * (o.unit === 'FN' ? 2 : 1));
    case 'M': {
      const { y, m } = addMonths(reference.y, reference.m, n);
      return formatMonth(y, m);
    }
    case 'Q': {
      const index = reference.y * 4 + Math.floor((reference.m - 1) / 3) + n;
      return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`;
    }
    case 'DE':
      return String(Math.floor(reference.y / 10) + n);
    case 'CE':
    case 'ML':
      return String(Math.floor(reference.y / 100) + n);
    case 'WE':
      return `${formatWeek(r + 7 * n)}-WE`;
    case 'Y':
      return pad(reference.y + n, 4);
  }
}

const UNDERSPECIFIED: Partial<Record<OffsetMeaning['unit'], string>> = {
  D: 'XXXX-XX-XX',
  W: 'XXXX-WXX',
  M: 'XXXX-XX',
  Y: 'XXXX',
  Q: 'XXXX-QX',
  DE: 'XXX',
  CE: 'XX',
};

function periodValue(p: PeriodMeaning, reference: Day | null, tense: Tense): string {
  if (p.period === 'WE') return weekendValue(p, reference, tense);
  // "the 1988 quarter": the quarter the story reports (the last one before writing), in the year written.
  if (p.latest) {
    if (!reference || p.year === null) return p.year === null ? 'XXXX-QX' : `${pad(p.year, 4)}-QX`;
    const index = reference.y * 4 + Math.floor((reference.m - 1) / 3) - 1;
    return `${pad(p.year, 4)}-Q${(((index % 4) + 4) % 4) + 1}`;
  }
  // "the fiscal first quarter" is the one just reported, named by the calendar year in which it ended
  // ("the fiscal first quarter ended Sept. 30" written in October 1989: 1989-Q1).
  if (p.fiscal && p.year === null && reference) {
    const ended = reference.y * 4 + Math.floor((reference.m - 1) / 3) - 1;
    return `${pad(Math.floor(ended / 4), 4)}-${p.period}`;
  }
  const season = SEASON_ORDER.indexOf(p.period);
  // Position of a period within the year, and how many there are: quarters 4, halves 2, seasons 4.
  const [index, per] = season >= 0 ? [season + 1, 4] : p.period.startsWith('Q') ? [Number(p.period[1]), 4] : [Number(p.period[1]), 2];
  let year = p.year;
  if (year === null && reference) {
    if (p.shift !== null && season < 0) year = reference.y + p.shift; // "next year's first quarter"
    else {
      const current = season >= 0 ? seasonOf(reference) : { y: reference.y, index: Math.floor(((reference.m - 1) * per) / 12) + 1 };
      if (p.shift === 0) year = reference.y;
      else {
        // A quarter or a half without a year is this year's as business news counts: the nearest, whatever the tense
        // ("expects to report third-quarter results" in October is the quarter just ended).
        const lean: Lean = (p.shift as Lean | null) ?? (season >= 0 ? leanOf(tense) : 0);
        year = pickNearest([current.y - 1, current.y, current.y + 1], (y) => y * per + index, current.y * per + current.index, lean, p.shift !== null, 1);
      }
    }
  }
  return `${year === null ? 'XXXX' : pad(year, 4)}-${p.period}`;
}

/** The season a day lies in, with the year it is counted in (January and February: the winter that began the year before). */
function seasonOf(day: Day): { y: number; index: number } {
  if (day.m <= 2) return { y: day.y - 1, index: 4 };
  return { y: day.y, index: Math.floor((day.m - 3) / 3) + 1 };
}

function weekendValue(p: PeriodMeaning, reference: Day | null, tense: Tense): string {
  if (!reference) return 'XXXX-WXX-WE';
  const r = dayNumber(reference);
  const onWeekend = isoWeekday(r) >= 6;
  let week = r;
  if (p.shift === -1 || (p.shift === null && tense !== 'future')) week = onWeekend ? r : r - 7;
  else if (p.shift === 1) week = onWeekend ? r + 7 : r;
  return `${formatWeek(week)}-WE`;
}

function holidayValue(h: HolidayMeaning, reference: Day | null, tense: Tense): string {
  if (h.year !== null) return formatDay(dayOf(holidayIn(h.rule, h.year)));
  if (!reference) return 'fixed' in h.rule ? `XXXX-${pad(h.rule.fixed[0])}-${pad(h.rule.fixed[1])}` : 'nth' in h.rule ? `XXXX-${pad(h.rule.nth[0])}-XX` : 'XXXX-XX-XX';
  const year = pickNearest([reference.y - 1, reference.y, reference.y + 1], (y) => holidayIn(h.rule, y), dayNumber(reference), leanOf(tense), false, 62);
  return formatDay(dayOf(holidayIn(h.rule, year)));
}

/** The day number of a holiday in year `y`. */
function holidayIn(rule: HolidayRule, y: number): number {
  if ('fixed' in rule) return dayNumber({ y, m: rule.fixed[0], d: rule.fixed[1] });
  if ('easter' in rule) return easterSunday(y) + rule.easter;
  const [m, weekday, n] = rule.nth;
  if (n > 0) {
    const first = dayNumber({ y, m, d: 1 });
    return first + ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1);
  }
  const { y: ny, m: nm } = addMonths(y, m, 1);
  const last = dayNumber({ y: ny, m: nm, d: 1 }) - 1;
  return last - ((isoWeekday(last) - weekday + 7) % 7) + 7 * (n + 1);
}

/** Easter Sunday of year `y` (Gregorian; the anonymous computus of Meeus/Jones/Butcher). */
function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber({ y, m: month, d: day });
}

function eraValue(e: EraMeaning, reference: Day | null): string {
  if (e.number !== null) return String(e.number);
  if (!reference) return e.unit === 'DE' ? 'XXX' : 'XX';
  const base = e.unit === 'DE' ? Math.floor(reference.y / 10) : Math.floor(reference.y / 100);
  return String(base + (e.shift ?? 0));
}

function clockValue(c: ClockMeaning, reference: Day | null, tense: Tense): string {
  const day = c.day ? dayValue(c.day, reference, tense) : reference ? formatDay(reference) : 'XXXX-XX-XX';
  if (c.hour !== null) return `${day}T${pad(c.hour)}:${pad(c.minute ?? 0)}`;
  return `${day}T${c.part ?? 'XX'}`;
}
