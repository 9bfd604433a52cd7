// Calendar days written in web pages, as attribute values ("2019-03-05T10:00:00+01:00",
// "Tue, 05 Mar 2019 10:00:00 GMT", "1551780000") and in visible text ("5. März 2019", "05.03.2019",
// "March 5, 2019", "5 de marzo de 2019", "2019年3月5日"). Only full days: "März 2019" or a copyright
// year is not a day and yields nothing. Month names come from date-month-names.json.
import monthData from './date-month-names.json' with { type: 'json' };
import { isRealDay } from '../published-date.ts';

/** Which order a numeric "03/05/2019" is read in: day first (most of the world) or month first (US). */
export type NumericOrder = 'dmy' | 'mdy';

/** A day found in text: the ISO day and where its text starts. */
export interface TextDate {
  date: string;
  index: number;
  length: number;
}

const MONTHS = buildMonthTable(monthData.months);

function buildMonthTable(byLanguage: Record<string, string[][]>): Map<string, number> {
  const table = new Map<string, number>();
  for (const [language, months] of Object.entries(byLanguage)) {
    months.forEach((names, i) => {
      for (const name of names) {
        const known = table.get(name);
        if (known !== undefined && known !== i + 1) {
          throw new Error(`date-month-names.json: "${name}" (${language}) is month ${i + 1} but another language has it as ${known}`);
        }
        table.set(name, i + 1);
      }
    });
  }
  return table;
}

const MONTH = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
// Letters around a month name or number must not continue a word ("Mais", "Marathon"); a date
// may follow a word directly, as inline elements run together ("Tanja Karrasch3.11.2023").
const NL = '(?<![\\p{N}])';
const NLM = '(?<![\\p{L}\\p{N}])';
const NR = '(?![\\p{L}\\p{N}])';
const ORD = '(?:\\.|st|nd|rd|th|er|º|°)?';

// Alternatives, in the order of the capture groups read by `dayOf`:
//  1-3  ISO and year-first: 2019-03-05, 2019/03/05, 2019.03.05
//  4-6  numeric day/month/year: 05.03.2019, 5/3/2019, 05-03-2019, 05.03.19
//  7-9  day, month name, year: 5. März 2019, 5 March 2019, 5 de marzo de 2019, 5-Mar-2019
//  10-12 month name, day, year: March 5, 2019, Mar. 5th 2019
//  13-15 CJK year-month-day: 2019年3月5日, 2019년 3월 5일
const TEXT_DATE = new RegExp(
  [
    `${NL}((?:19|20)\\d{2})([-/.])(\\d{1,2})\\2(\\d{1,2})${NR}`,
    `${NL}(\\d{1,2})([./-])(\\d{1,2})\\6((?:19|20)\\d{2}|\\d{2})${NR}`,
    `${NL}(\\d{1,2})${ORD}[\\s\\-]*(?:de\\s+)?(${MONTH})\\.?,?[\\s\\-]*(?:de\\s+|del\\s+)?((?:19|20)\\d{2})${NR}`,
    `${NLM}(${MONTH})\\.?\\s*(\\d{1,2})${ORD},?\\s+((?:19|20)\\d{2})${NR}`,
    `((?:19|20)\\d{2})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]`,
  ].join('|'),
  'giu',
);

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` for the parts, or null when the day does not exist. */
export function dayOfParts(y: number, m: number, d: number): string | null {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && isRealDay(iso) ? iso : null;
}

/** Four-digit year for a two-digit one: the nearest that is not in the future. */
function fullYear(yy: number): number {
  const now = new Date().getUTCFullYear();
  return 2000 + yy <= now ? 2000 + yy : 1900 + yy;
}

function dayOf(m: RegExpMatchArray, order: NumericOrder): string | null {
  if (m[1] !== undefined) return dayOfParts(Number(m[1]), Number(m[3]), Number(m[4]));
  if (m[5] !== undefined) {
    const sep = m[6]!;
    const yearText = m[8]!;
    // A two-digit year only in the dotted German form with two-digit day and month ("05.03.19");
    // "5/3/19" and "1.2.3" are too often fractions, versions or scores.
    if (yearText.length === 2 && (sep !== '.' || m[5].length !== 2 || m[7]!.length !== 2)) return null;
    const y = yearText.length === 2 ? fullYear(Number(yearText)) : Number(yearText);
    let a = Number(m[5]);
    let b = Number(m[7]);
    // Dots are always day first; slashes and hyphens follow the page's convention unless one part is over 12.
    const monthFirst = sep !== '.' && (b > 12 || (order === 'mdy' && a <= 12));
    if (monthFirst) [a, b] = [b, a];
    return dayOfParts(y, b, a);
  }
  if (m[9] !== undefined) return dayOfParts(Number(m[11]), MONTHS.get(m[10]!.toLowerCase())!, Number(m[9]));
  if (m[12] !== undefined) return dayOfParts(Number(m[14]), MONTHS.get(m[12].toLowerCase())!, Number(m[13]));
  if (m[15] !== undefined) return dayOfParts(Number(m[15]), Number(m[16]), Number(m[17]));
  return null;
}

/** Every full day written in `text`, in order, found lazily; impossible days ("31.02.2019") are skipped. */
export function* textDates(text: string, order: NumericOrder = 'dmy'): Generator<TextDate> {
  for (const m of text.matchAll(TEXT_DATE)) {
    const date = dayOf(m, order);
    if (date) yield { date, index: m.index, length: m[0].length };
  }
}

/** Every full day written in `text`, in order. */
export function findTextDates(text: string, order: NumericOrder = 'dmy'): TextDate[] {
  return [...textDates(text, order)];
}

/** The first full day written in `text`, or null. */
export function firstTextDate(text: string, order: NumericOrder = 'dmy'): string | null {
  for (const d of textDates(text, order)) return d.date;
  return null;
}

const ISO_START = /^\s*((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:$|[T\s_]|[^\d])/;
const EPOCH = /^\s*(\d{10}|\d{13})\s*$/;
// A time of day in UTC ("T06:35:29Z", "06:35:29+00:00", "23:11 GMT"): the local day may be the one before or after.
const UTC_TIME = /(?:^|[T\s])(\d{1,2}):\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:Z|[+-]00:?00|GMT|UTC)(?![\d:])/i;

/** A day read from a machine-readable value; `utcHour` is set when the value is a UTC time, whose local day may differ by one. */
export interface DateStamp {
  date: string;
  utcHour: number | null;
}

/**
 * The day a machine-readable value names: ISO 8601 and its compact form ("20190305"), Unix time
 * in seconds or milliseconds, else the first day written in it (RFC 2822, "05.03.2019", ...).
 * The day is the one written, whatever the time zone ("2019-03-05T23:30:00-05:00" is the 5th).
 */
export function parseDateStamp(value: string, order: NumericOrder = 'dmy'): DateStamp | null {
  if (value.length > 300) value = value.slice(0, 300);
  const utc = UTC_TIME.exec(value);
  const utcHour = utc ? Number(utc[1]) : null;
  const iso = ISO_START.exec(value);
  if (iso) {
    const date = dayOfParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { date, utcHour } : null;
  }
  const epoch = EPOCH.exec(value);
  if (epoch) {
    const ms = epoch[1]!.length === 13 ? Number(epoch[1]) : Number(epoch[1]) * 1000;
    const t = new Date(ms);
    return { date: t.toISOString().slice(0, 10), utcHour: t.getUTCHours() };
  }
  const date = firstTextDate(value, order);
  return date ? { date, utcHour } : null;
}

/** The day of `parseDateStamp`, without the time-zone detail. */
export function parseDateValue(value: string, order: NumericOrder = 'dmy'): string | null {
  return parseDateStamp(value, order)?.date ?? null;
}

/** The day `days` after (or before, when negative) an ISO day. */
export function shiftDay(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Web pages older than this are not news the engine reads; earlier "dates" are mostly founding years or noise. */
export const EARLIEST_DAY = '1995-01-01';

/** True when the day could be a web page's publication day: from 1995 up to today (UTC, plus one day for time zones ahead). */
export function isPlausibleDay(iso: string, now: number = Date.now()): boolean {
  const latest = new Date(now + 86_400_000).toISOString().slice(0, 10);
  return iso >= EARLIEST_DAY && iso <= latest;
}
