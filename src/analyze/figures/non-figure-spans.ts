// Finder of stretches whose numbers are not figures: dates ("Oct. 7, 2023", "March 29",
// "2024-12-03", "June of 2018"), seasons ("the 2019-20 season"), clock times ("11 a.m.", "17:22",
// "0401 GMT"), time zones ("GMT +8"), telephone numbers and web or e-mail addresses. Numbers inside
// them are dropped before any figure is built.
import type { Span } from '../../model/span.ts';
import { textDates } from '../../read/dates/date-patterns.ts';
import monthData from '../../read/dates/date-month-names.json' with { type: 'json' };
import { alternation, TIME_SUFFIXES } from './figure-lexicon.ts';

// English month names as news writes them: capitalised, full or abbreviated ("Sept."). "May" and
// "March" in lower case are a verb and a noun, so only the capitalised forms count.
const MONTH_NAMES = monthData.months.en.flat().map((m) => m[0]!.toUpperCase() + m.slice(1));
const MONTH = `(?:${alternation(MONTH_NAMES)})\\.?`;
const DAY = '\\d{1,2}(?:st|nd|rd|th)?(?!\\d)';
const YEAR = '(?:1[89]|20)\\d{2}(?!\\d)';

const PATTERNS: RegExp[] = [
  // "Oct. 7", "March 4, 2025", "Mar 9 2018", "September 16-19", "Sept. 19 to 22"
  new RegExp(`(?<![\\p{L}])${MONTH}[ \\t\\u00a0]+${DAY}(?:[-–]${DAY}|[ \\t\\u00a0]+(?:to|and|through)[ \\t\\u00a0]+${DAY})?(?:,?[ \\t\\u00a0]+${YEAR})?`, 'gu'),
  // "7 October", "1 September 2019", "8th of July"
  new RegExp(`(?<![\\p{L}\\p{N}])${DAY}[ \\t\\u00a0]+(?:of[ \\t\\u00a0]+)?${MONTH}(?![\\p{L}])(?:,?[ \\t\\u00a0]+${YEAR})?`, 'gu'),
  // "March 2025", "June of 2018"
  new RegExp(`(?<![\\p{L}])${MONTH}[ \\t\\u00a0]+(?:of[ \\t\\u00a0]+)?${YEAR}`, 'gu'),
  // Seasons and fiscal years: "the 2019-20 season", "2019/20", "FY2019-20"
  new RegExp(`(?<![\\p{N}])${YEAR}[-–/]\\d{2}(?![\\p{N}])`, 'gu'),
  // Clock times: "17:22", "4:39", "9:01 p.m.", "11 a.m.", "1.56pm", "0401 GMT", "5 o'clock"
  new RegExp(`(?<![\\p{N}])\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ \\t\\u00a0]*(?:${alternation(TIME_SUFFIXES)})(?![\\p{L}]))?`, 'gu'),
  new RegExp(`(?<![\\p{N}.,])\\d{1,4}(?:[.:]\\d{2})?[ \\t\\u00a0]*(?:${alternation(TIME_SUFFIXES)})(?![\\p{L}])`, 'gu'),
  // Time zones: "GMT +8", "UTC-05:00"
  /\b(?:GMT|UTC)[ \t\u00a0]*[+\-−][ \t\u00a0]*\d{1,2}(?::?\d{2})?(?!\d)/g,
  // Telephone numbers: "+1 202 555 0123", "(202) 555-0123", "202-555-0123", "202.555.0123"
  /\+\d{1,3}[ \t\u00a0.-]?(?:\(\d{1,4}\)[ \t\u00a0.-]?)?\d{2,4}(?:[ \t\u00a0.-]\d{2,4}){1,3}/g,
  /\(\d{3}\)[ \t\u00a0]?\d{3}[-.]\d{4}/g,
  /(?<!\d)\d{3}([-.])\d{3}\1\d{4}(?!\d)/g,
  // Web and e-mail addresses
  /\b(?:https?:\/\/|www\.)[^\s"”<>]+|[\w.+-]+@[\w-]+\.[\w.-]+/g,
];

const MAY_HOLD_FULL_DATE = /\d{4}|\d[./-]\d{1,2}[./-]\d|[年년]/;

/** The stretches of `text[from, to)` whose numbers are dates, times, telephone numbers or addresses, sorted by start. */
export function findNonFigureSpans(text: string, from: number, to: number): Span[] {
  const piece = text.slice(from, to);
  const spans: Span[] = [];
  // A full date needs a year or a numeric day-month-year; the many-language date pattern is costly, so look first.
  if (MAY_HOLD_FULL_DATE.test(piece)) for (const date of textDates(piece, 'mdy')) spans.push({ start: from + date.index, end: from + date.index + date.length });
  for (const pattern of PATTERNS) {
    for (const m of piece.matchAll(pattern)) spans.push({ start: from + m.index, end: from + m.index + m[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** True when `[start, end)` overlaps one of `spans`. */
export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start >= end) break;
    if (s.end > start) return true;
  }
  return false;
}
