// Full calendar dates written in English prose ("Wednesday, March 5, 2025", "March 5, 2025",
// "5 March 2025", "2025-03-05"), as captions, datelines and "Published" lines carry them.
import calendar from './english-calendar.json' with { type: 'json' };
import { isRealDay } from '../published-date.ts';

const MONTHS: Record<string, number> = calendar.months;
const WEEKDAYS: Record<string, number> = calendar.weekdays;

const MONTH = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const WEEKDAY = Object.keys(WEEKDAYS).sort((a, b) => b.length - a.length).join('|');

// One pattern, three written orders; the weekday is optional and checked against the date.
const FULL_DATE = new RegExp(
  `(?:\\b(${WEEKDAY})\\.?,?\\s+)?(?:\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\.?,?\\s+(\\d{4})\\b)|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
  'gi',
);

/** A calendar day found in text, with where it was found and whether a stated weekday agrees with it. */
export interface FoundDate {
  date: string;
  index: number;
  text: string;
  weekdayAgrees: boolean | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every full date (day, month and year) in `text`, in order; dates that don't exist are skipped. */
export function findFullDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    let y: number, mo: number, d: number;
    if (m[2] !== undefined) [y, mo, d] = [Number(m[4]), MONTHS[m[2].toLowerCase()]!, Number(m[3])];
    else if (m[6] !== undefined) [y, mo, d] = [Number(m[7]), MONTHS[m[6].toLowerCase()]!, Number(m[5])];
    else [y, mo, d] = [Number(m[8]), Number(m[9]), Number(m[10])];
    const date = `${y}-${pad(mo)}-${pad(d)}`;
    if (!isRealDay(date)) continue;
    let weekdayAgrees: boolean | null = null;
    if (m[1] !== undefined) {
      weekdayAgrees = new Date(Date.UTC(y, mo - 1, d)).getUTCDay() === WEEKDAYS[m[1].toLowerCase()];
    }
    found.push({ date, index: m.index, text: m[0], weekdayAgrees });
  }
  return found;
}
