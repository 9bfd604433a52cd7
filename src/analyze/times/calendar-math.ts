// Calendar arithmetic for the resolver, in UTC on day numbers (days since 1970-01-01). A date
// library would add a dependency for what is a dozen lines here: the reference is a calendar day
// with no time zone, so there is no daylight-saving or offset to get wrong, and JavaScript's
// Date.UTC already knows month lengths and leap years. ISO weeks follow ISO 8601 (weeks start on
// Monday; week 1 holds the year's first Thursday), as TIMEX3's "2025-W10" does.

/** A calendar day. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a calendar day. */
export function dayNumber(day: Day): number {
  return Math.round(Date.UTC(day.y, day.m - 1, day.d) / DAY_MS);
}

/** The calendar day of a day number. */
export function dayOf(n: number): Day {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO day of the week: Monday 1 … Sunday 7. */
export function isoWeekday(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The ISO 8601 week of a day: its week-numbering year and week number. */
export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - isoWeekday(n) + 4;
  const year = dayOf(thursday).y;
  const firstThursday = dayNumber({ y: year, m: 1, d: 1 });
  return { year, week: Math.floor((thursday - firstThursday) / 7) + 1 };
}

/** "2025-03-05". */
export function formatDay(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

/** "2025-03". */
export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** "2025-W10" for the week a day lies in. */
export function formatWeek(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The month `months` after (before, when negative) year `y` month `m`. */
export function addMonths(y: number, m: number, months: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + months;
  return { y: Math.floor(index / 12), m: (((index % 12) + 12) % 12) + 1 };
}

/** Parses "YYYY-MM-DD" into a day, or null. */
export function parseDay(iso: string | null): Day | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const back = dayOf(dayNumber(day));
  return back.y === day.y && back.m === day.m && back.d === day.d ? day : null;
}
