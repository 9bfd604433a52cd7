// The small readers every times finder is built from: a number ("21", "twenty four", "a couple
// of"), a unit, a month, a weekday, a day of the month, a year, a shift word. Each reads at word
// `i` of the view, never past the end of `i`'s sentence, and returns what it read with the index
// of the word after it, or null. Finders combine them; none of them decides what is a time.
import type { TimeWordView } from './time-word-view.ts';
import type { Shift } from './time-meaning.ts';
import {
  ARTICLES, COUPLE, DAY_PARTS, MONTH_ABBREVIATIONS, MONTHS, NUMBER_SCALES, NUMBER_TENS, NUMBER_UNITS, ORDINALS, SHIFTS, UNITS,
  VAGUE_AMOUNTS, VAGUE_PHRASES, WEEKDAYS, type DayPart, type TimeUnit,
} from './time-words.ts';

/** What a reader read, and the index of the word after it. */
export interface Read<T> {
  value: T;
  next: number;
}

/** The key of word `i` if it lies in the same sentence as word `from`, else ''. */
export function keyAt(view: TimeWordView, i: number, from: number): string {
  const w = view.words[i];
  const f = view.words[from];
  return w && f && w.sentence === f.sentence ? w.key : '';
}

/** The phrase (lower-case words) that ends at word `end - 1`, longest first, or null; used for words before a time. */
export function phraseEndingAt(view: TimeWordView, end: number, phrases: readonly string[][], sentence: number): number | null {
  let best: number | null = null;
  for (const phrase of phrases) {
    const start = end - phrase.length;
    if (start < 0 || (best !== null && start >= best)) continue;
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) {
      const w = view.words[start + k];
      ok = !!w && w.sentence === sentence && w.key === phrase[k];
    }
    if (ok) best = start;
  }
  return best;
}

/** Length of the longest phrase of `phrases` starting at word `i`, or 0. */
export function phraseAt(view: TimeWordView, i: number, phrases: readonly string[][]): number {
  const sentence = view.words[i]?.sentence;
  let best = 0;
  for (const phrase of phrases) {
    if (phrase.length <= best) continue;
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) {
      const w = view.words[i + k];
      ok = !!w && w.sentence === sentence && w.key === phrase[k];
    }
    if (ok) best = phrase.length;
  }
  return best;
}

/** A count: `value` null for a vague one ("several", "a few"); `article` for "a"/"an", which count only before a singular unit. */
export interface Amount {
  value: number | null;
  article: boolean;
  /** Written in digits. */
  numeric: boolean;
}

const DECIMAL = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;
const FRACTION = /^(\d)\/(\d{1,2})$/;

/** A cardinal number in words: "twenty four", "twenty-four", "two thousand", "a hundred". */
export function readNumberWords(view: TimeWordView, i: number): Read<number> | null {
  const first = view.words[i];
  if (!first) return null;
  let value: number;
  let j = i + 1;
  const key = first.key;
  const tens = NUMBER_TENS.get(key);
  if (tens !== undefined) {
    value = tens;
    const unit = NUMBER_UNITS.get(keyAt(view, j, i));
    if (unit !== undefined && unit > 0 && unit < 10) {
      value += unit;
      j++;
    }
  } else {
    const unit = NUMBER_UNITS.get(key);
    if (unit !== undefined) value = unit;
    else if ((key === 'a' || key === 'one') && NUMBER_SCALES.has(keyAt(view, j, i))) value = 1;
    else return null;
  }
  const scale = NUMBER_SCALES.get(keyAt(view, j, i));
  if (scale !== undefined) {
    value *= scale;
    j++;
    // "two thousand and one", "a hundred thirty"
    const and = keyAt(view, j, i) === 'and' ? 1 : 0;
    const rest = readNumberWords(view, j + and);
    if (rest && rest.value < scale) {
      value += rest.value;
      j = rest.next;
    }
  }
  return { value, next: j };
}

/** A count before a unit: digits ("21", "1.5", "2 1/2"), words ("twenty four"), "a"/"an", "a couple of", or a vague one ("several", "a few"). */
export function readAmount(view: TimeWordView, i: number): Read<Amount> | null {
  const w = view.words[i];
  if (!w) return null;
  const key = w.key;
  if (w.digits || DECIMAL.test(key) || GROUPED.test(key)) {
    let value = Number(key.replace(/,/g, ''));
    let next = i + 1;
    const fraction = FRACTION.exec(keyAt(view, next, i));
    if (fraction && Number.isInteger(value)) {
      value += Number(fraction[1]) / Number(fraction[2]);
      next++;
    }
    return { value: { value, article: false, numeric: true }, next };
  }
  const vague = VAGUE_PHRASES.find((p) => p.every((part, k) => keyAt(view, i + k, i) === part));
  if (vague) {
    const couple = vague.includes('couple');
    return { value: { value: couple ? COUPLE : null, article: false, numeric: false }, next: i + vague.length };
  }
  if (key === 'couple' && keyAt(view, i + 1, i) === 'of') return { value: { value: COUPLE, article: false, numeric: false }, next: i + 2 };
  if (VAGUE_AMOUNTS.has(key)) return { value: { value: null, article: false, numeric: false }, next: i + 1 };
  if (key === 'half' && (keyAt(view, i + 1, i) === 'a' || keyAt(view, i + 1, i) === 'an')) {
    return { value: { value: 0.5, article: false, numeric: false }, next: i + 2 };
  }
  const words = readNumberWords(view, i);
  if (words) return { value: { value: words.value, article: false, numeric: false }, next: words.next };
  if (key === 'dozen') return { value: { value: 12, article: false, numeric: false }, next: i + 1 };
  const article = ARTICLES.get(key);
  if (article !== undefined) {
    if (keyAt(view, i + 1, i) === 'dozen') return { value: { value: 12, article: false, numeric: false }, next: i + 2 };
    return { value: { value: article, article: key !== 'one', numeric: false }, next: i + 1 };
  }
  return null;
}

/** A unit of time ("years", "month", "hours"); `plural` when written in the plural. */
export function readUnit(view: TimeWordView, i: number): Read<{ unit: TimeUnit; plural: boolean }> | null {
  const w = view.words[i];
  const unit = w ? UNITS.get(w.key) : undefined;
  if (!w || unit === undefined) return null;
  return { value: { unit, plural: /s$/.test(w.key) || w.key === 'centuries' || w.key === 'millennia' }, next: i + 1 };
}

/** A month name or abbreviation, capitalised ("march" is a verb, "may" a modal). */
export function readMonth(view: TimeWordView, i: number): Read<{ month: number; abbreviated: boolean }> | null {
  const w = view.words[i];
  if (!w || !w.capital) return null;
  const month = MONTHS.get(w.key);
  if (month === undefined) return null;
  return { value: { month, abbreviated: MONTH_ABBREVIATIONS.has(w.key) }, next: i + 1 };
}

/** A weekday name, capitalised; abbreviations ("Wed.") only when `abbreviations` is set. ISO weekday (Monday 1). */
export function readWeekday(view: TimeWordView, i: number, abbreviations = false): Read<number> | null {
  const w = view.words[i];
  if (!w || !w.capital) return null;
  const day = WEEKDAYS.get(w.key);
  if (day === undefined || (!abbreviations && !w.key.endsWith('day'))) return null;
  return { value: day, next: view.words[i + 1]?.text === '.' && !w.key.endsWith('day') ? i + 2 : i + 1 };
}

const ORDINAL_DIGITS = /^(\d{1,2})(?:st|nd|rd|th)$/;

/** An ordinal in digits or words: "7th", "21st", "eighth", "twenty-first". */
export function readOrdinal(view: TimeWordView, i: number): Read<number> | null {
  const w = view.words[i];
  if (!w) return null;
  const digits = ORDINAL_DIGITS.exec(w.key);
  if (digits) return { value: Number(digits[1]), next: i + 1 };
  const ordinal = ORDINALS.get(w.key);
  if (ordinal !== undefined) return { value: ordinal, next: i + 1 };
  const tens = NUMBER_TENS.get(w.key);
  const unit = ORDINALS.get(keyAt(view, i + 1, i));
  if (tens !== undefined && unit !== undefined && unit < 10) return { value: tens + unit, next: i + 2 };
  return null;
}

/** A day of the month: "7", "07", "7th", "eighth". */
export function readDayNumber(view: TimeWordView, i: number): Read<number> | null {
  const w = view.words[i];
  if (!w) return null;
  let read: Read<number> | null = null;
  if (w.digits && w.key.length <= 2) read = { value: Number(w.key), next: i + 1 };
  else read = readOrdinal(view, i);
  return read && read.value >= 1 && read.value <= 31 ? read : null;
}

/** A year in digits (1000-2999) or in words ("nineteen ninety-six", "two thousand", "two thousand and one"). */
export function readYear(view: TimeWordView, i: number): Read<number> | null {
  const w = view.words[i];
  if (!w) return null;
  if (w.digits && w.key.length === 4) {
    const year = Number(w.key);
    return year >= 1000 && year <= 2999 ? { value: year, next: i + 1 } : null;
  }
  // "nineteen ninety-six", "nineteen eighty": a two-digit century word, then the rest of the year.
  const century = NUMBER_UNITS.get(w.key);
  if (century !== undefined && century >= 11 && century <= 19) {
    const rest = readNumberWords(view, i + 1);
    if (rest && rest.value >= 10 && rest.value <= 99) return { value: century * 100 + rest.value, next: rest.next };
    if (keyAt(view, i + 1, i) === 'hundred') return { value: century * 100, next: i + 2 };
    return null;
  }
  if (w.key === 'two' && keyAt(view, i + 1, i) === 'thousand') {
    const words = readNumberWords(view, i);
    if (words && words.value >= 2000 && words.value < 2100) return words;
  }
  return null;
}

/** A shift word: "last", "this", "next", "past", "coming", and "this past" / "this coming". */
export function readShift(view: TimeWordView, i: number): Read<Shift> | null {
  const key = view.words[i]?.key;
  if (key === undefined) return null;
  const after = keyAt(view, i + 1, i);
  if (key === 'this' && (after === 'past' || after === 'coming')) return { value: after === 'past' ? -1 : 1, next: i + 2 };
  const shift = SHIFTS.get(key);
  return shift === undefined ? null : { value: shift as Shift, next: i + 1 };
}

/** A part of the day: "morning", "afternoon", "evening", "night". */
export function readDayPart(view: TimeWordView, i: number): Read<DayPart> | null {
  const part = DAY_PARTS.get(view.words[i]?.key ?? '');
  return part === undefined || view.words[i]!.key === 'overnight' ? null : { value: part, next: i + 1 };
}

/** True when the words around `[first, end)` say the number is an age: "30-year-old", "30 years old", "aged 30". */
export function isAge(view: TimeWordView, first: number, end: number): boolean {
  const after = keyAt(view, end, first);
  if (after === 'old' || (after === 'of' && keyAt(view, end + 1, first) === 'age')) return true;
  return keyAt(view, first - 1, first) === 'aged';
}

/** Words before "a year" that make it a rate ("twice a year", "three times a week"). */
const FREQUENCY_WORDS = new Set(['once', 'twice', 'thrice', 'times']);
/** Words that end a count's reach: "gain in a year", "within a week" are lengths, not rates. */
const NOT_RATE_BEFORE = new Set(['in', 'for', 'within', 'over', 'than', 'about', 'after', 'nearly', 'almost', 'of', 'at', 'by', 'under', 'least', 'more', 'less', 'up', 'to', 'and', 'or', 'with', 'from', 'just', 'only', 'some', 'ago', 'once']);
const COUNT_WORD = /^(?:[$£€¥]?\d[\d,.]*%?|million|billion|trillion|thousand|hundred|dozen)$/;

/** True when "a" or "per" at `i` makes the unit after it a rate: "twice a year", "$5 a year", "700 seats a week". */
export function isRateArticle(view: TimeWordView, i: number): boolean {
  const before = keyAt(view, i - 1, i);
  if (FREQUENCY_WORDS.has(before)) return true;
  if (NOT_RATE_BEFORE.has(before) || before === '') return false;
  for (let k = i - 1; k >= i - 3; k--) {
    const key = keyAt(view, k, i);
    if (key === '') return false;
    if (COUNT_WORD.test(key) || NUMBER_UNITS.has(key) || NUMBER_TENS.has(key)) return true;
  }
  return false;
}
