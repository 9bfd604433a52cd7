// Resolver: "the next day", "the following year", "that month", "the same day" take their value
// from the last date the text named before them, at their own granularity: after "on March 26,
// 1997", "the next day" is 1997-03-27 and "that year" 1997. With no such date before them they
// count from the publication date, and with neither they stay underspecified. A time of day
// written without its day ("Tuesday in Everett at 18:00 UTC") falls on the day named before it in
// the same sentence.
import type { TimeCandidate } from './time-meaning.ts';
import type { TimeWordView } from './time-word-view.ts';
import { addMonths, dayNumber, dayOf, formatDay, formatMonth, formatWeek, isoWeekday, type Day } from './calendar-math.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;
/** A day value, resolved or not: "2025-03-05", "XXXX-WXX-3", "XXXX-10-07". */
const DAY_VALUE = /^(?:\d{4}|XXXX)-(?:\d{2}-\d{2}|XX-XX|WXX-\d)$/;
const MONTH = /^(\d{4})-(\d{2})(?!\d)/;
const YEAR = /^(\d{4})(?![\d])/;
const UNDERSPECIFIED = { D: 'XXXX-XX-XX', W: 'XXXX-WXX', M: 'XXXX-XX', Y: 'XXXX' } as const;

/** `values` (one per candidate, in text order) with every anaphoric expression valued from the last date before it. */
export function resolveAnaphors(view: TimeWordView, candidates: readonly TimeCandidate[], values: readonly (string | null)[], reference: Day | null): (string | null)[] {
  const out = [...values];
  let last: string | null = null;
  let lastDay: { sentence: number; day: string } | null = null;
  candidates.forEach((c, k) => {
    const m = c.meaning;
    const sentence = view.words[c.first]!.sentence;
    if (m.kind === 'clock' && m.day === null && lastDay && (lastDay.sentence === sentence || (m.hour === null && lastDay.sentence >= sentence - 1)) && out[k]) {
      out[k] = lastDay.day + out[k]!.slice(out[k]!.indexOf('T'));
    }
    if (m.kind === 'anaphor') {
      const from = antecedent(last, m.unit) ?? reference;
      out[k] = m.weekday === undefined ? shifted(m.unit, m.amount, from) : weekdayFrom(m.weekday, m.amount, from);
      if (out[k] !== null && out[k] !== UNDERSPECIFIED[m.unit]) last = out[k]!;
      return;
    }
    const value = out[k];
    if (value && /^\d{4}/.test(value) && (m.kind === 'calendar' || m.kind === 'weekday' || m.kind === 'offset' || m.kind === 'clock')) last = value;
    const day = value ? DAY_VALUE.exec(value) : null;
    if (day && m.kind !== 'clock') lastDay = { sentence, day: day[0] };
  });
  return out;
}

/** The day (or the first day of the month or year) `value` names, if it is fine enough for `unit`. */
function antecedent(value: string | null, unit: 'D' | 'W' | 'M' | 'Y'): Day | null {
  if (!value) return null;
  const d = DAY.exec(value);
  if (d) return { y: Number(d[1]), m: Number(d[2]), d: Number(d[3]) };
  if (unit === 'D' || unit === 'W') return null;
  const m = MONTH.exec(value);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: 1 };
  if (unit === 'M') return null;
  const y = YEAR.exec(value);
  return y ? { y: Number(y[1]), m: 1, d: 1 } : null;
}

/** The ISO `weekday` strictly before (`side` < 0) or after `from`: "the previous Friday". */
function weekdayFrom(weekday: number, side: number, from: Day | null): string {
  if (!from) return `XXXX-WXX-${weekday}`;
  const n = dayNumber(from);
  const today = isoWeekday(n);
  return formatDay(dayOf(side < 0 ? n - ((today - weekday + 6) % 7) - 1 : n + ((weekday - today + 6) % 7) + 1));
}

function shifted(unit: 'D' | 'W' | 'M' | 'Y', amount: number, from: Day | null): string {
  if (!from) return UNDERSPECIFIED[unit];
  switch (unit) {
    case 'D':
      return formatDay(dayOf(dayNumber(from) + amount));
    case 'W':
      return formatWeek(dayNumber(from) + 7 * amount);
    case 'M': {
      const { y, m } = addMonths(from.y, from.m, amount);
      return formatMonth(y, m);
    }
    case 'Y':
      return String(from.y + amount).padStart(4, '0');
  }
}
