// Full dates in English news prose with the weekday news style puts before them ("Wednesday,
// March 5, 2025", as AP captions and datelines write them). The date itself is read by
// date-patterns.ts; what this adds is the weekday, checked against the date: a caption whose
// weekday and date disagree carries a typo and is not evidence of the publication day.
import data from './english-weekdays.json' with { type: 'json' };
import { textDates } from './date-patterns.ts';

const WEEKDAYS: Record<string, number> = data.weekdays;
const WEEKDAY_BEFORE = new RegExp(`\\b(${Object.keys(WEEKDAYS).join('|')})\\.?,?\\s*$`, 'i');

/** A full date found in text, where it starts (its weekday included), and whether a stated weekday agrees with it. */
export interface FoundDate {
  date: string;
  index: number;
  text: string;
  weekdayAgrees: boolean | null;
}

/** Every full date in English `text` (month first when written in numbers, as US copy does), in order. */
export function findFullDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const d of textDates(text, 'mdy')) {
    const before = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, d.index - 16), d.index));
    let index = d.index;
    let weekdayAgrees: boolean | null = null;
    if (before) {
      index = d.index - before[0].length;
      const [y, m, day] = d.date.split('-').map(Number) as [number, number, number];
      weekdayAgrees = new Date(Date.UTC(y, m - 1, day)).getUTCDay() === WEEKDAYS[before[1]!.toLowerCase()];
    }
    found.push({ date: d.date, index, text: text.slice(index, d.index + d.length), weekdayAgrees });
  }
  return found;
}
