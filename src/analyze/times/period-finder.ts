// Finder: named parts of a year. Quarters and halves as business news writes them ("the third
// quarter", "third-quarter", "the fiscal first quarter", "the third quarter of 1990", "next year's
// first quarter", "the latest quarter", "the year-ago quarter", "Q3"), seasons ("this summer",
// "last spring", "the winter of 1994") and weekends ("the weekend", "last weekend").
import type { TimeWordView } from './time-word-view.ts';
import type { PeriodMeaning, TimeCandidate, TimeFinder } from './time-meaning.ts';
import { keyAt, readOrdinal, readShift, readYear } from './time-grammar.ts';
import { SEASONS } from './time-words.ts';

const QUARTER_TOKEN = /^q([1-4])$/;
/** Words before "quarter" or "period" that make it the last one reported: "the latest quarter". */
const LATEST = new Set(['latest', 'recent', 'most', 'last', 'previous', 'past', 'just-ended', 'ended']);
/** Owners that may stand for "the": "its third quarter". */
const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'a', 'this']);
/** Words after "the fall", "the spring" that make them a noun of motion or a source: "the fall of Kabul", "the spring in his step". */
const NOT_SEASON_AFTER = new Set(['of', 'in', 'to', 'from', 'into', 'and', 'season', 'semester', 'term', 'collection', 'offensive', 'line']);

export const findPeriod: TimeFinder = (view, i) => quarter(view, i) ?? season(view, i) ?? weekend(view, i);

/** Quarters and halves. */
function quarter(view: TimeWordView, i: number): TimeCandidate | null {
  const first = view.words[i]!;
  const token = QUARTER_TOKEN.exec(first.key);
  if (token && first.capital) {
    const year = readYear(view, i + 1);
    const period = `Q${token[1]}` as PeriodMeaning['period'];
    return { first: i, end: year ? year.next : i + 1, meaning: { kind: 'period', period, year: year?.value ?? null, shift: null } };
  }
  let j = i;
  let year: number | null = null;
  let shift: number | null = null;
  let yearAgo = false;
  let latest = false;
  let ahead: number | null = null;
  // "this year's", "next year's", "last year's"
  const yearShift = readShift(view, j);
  if (yearShift && keyAt(view, yearShift.next, i) === 'year' && /^['’]s$/.test(keyAt(view, yearShift.next + 1, i))) {
    shift = yearShift.value;
    j = yearShift.next + 2;
  } else if (DETERMINERS.has(view.words[j]!.key)) j++;
  // "the 1988 third quarter", "fiscal 1989's first quarter"
  let fiscal = false;
  if (keyAt(view, j, i) === 'fiscal') {
    fiscal = true;
    j++;
  }
  const written = readYear(view, j);
  if (written && view.words[j]!.digits) {
    year = written.value;
    j = written.next;
    if (/^['’]s$/.test(keyAt(view, j, i))) j++;
  }
  // "year-ago", "year-earlier", "comparable", "latest", "next"; "the last half" is the second half.
  const key = keyAt(view, j, i);
  const lastHalf = key === 'last' && keyAt(view, j + 1, i) === 'half';
  if (lastHalf) j++;
  else if (key === 'year' && view.words[j + 1]?.joined && /^(?:ago|earlier)$/.test(keyAt(view, j + 1, i))) {
    yearAgo = true;
    j += 2;
  } else if (key === 'comparable' || key === 'same') {
    j++;
    if (keyAt(view, j, i) === 'year' && view.words[j + 1]?.joined) {
      yearAgo = true;
      j += 2;
    }
  } else if (LATEST.has(key) && (key !== 'most' || keyAt(view, j + 1, i) === 'recent')) {
    latest = true;
    j += key === 'most' ? 2 : 1;
  } else if (key === 'next' || key === 'coming' || key === 'current') {
    ahead = key === 'current' ? 0 : 1;
    j++;
  }
  if (keyAt(view, j, i) === 'fiscal') {
    fiscal = true;
    j++;
  }
  const ordinal = lastHalf ? null : readOrdinal(view, j);
  if (ordinal && (ordinal.value < 1 || ordinal.value > 4)) return null;
  const nounAt = ordinal ? ordinal.next : j;
  const noun = keyAt(view, nounAt, i);
  if (noun === 'half' && (lastHalf || (ordinal && ordinal.value <= 2))) {
    return withYear(view, i, nounAt + 1, ordinal?.value === 1 ? 'H1' : 'H2', year, shift, yearAgo);
  }
  if (noun !== 'quarter' && !(noun === 'period' && !ordinal && (latest || yearAgo || year !== null))) return null;
  // "a quarter-century", "quarter-to-quarter": not a quarter of a year.
  if (view.words[nounAt + 1]?.joined) return null;
  if (ordinal) {
    if (latest) return null; // "the latest first quarter" is no period we can name
    // "a third-quarter loss": the adjective alone is the time, as TimeML marks it.
    const adjective = view.words[nounAt]!.joined && year === null && shift === null && !yearAgo && DETERMINERS.has(first.key);
    const found = withYear(view, adjective ? i + 1 : i, nounAt + 1, `Q${ordinal.value}` as PeriodMeaning['period'], year, shift, yearAgo);
    return fiscal && found.meaning.kind === 'period' && found.meaning.year === null && found.meaning.shift === null ? { ...found, meaning: { ...found.meaning, fiscal } } : found;
  }
  // "the 1988 quarter", "the 1989 period": the quarter being reported (which one the resolver
  // finds from the time of writing; the period named here is a placeholder), in that year.
  if (year !== null) return DETERMINERS.has(first.key) ? { first: i, end: nounAt + 1, meaning: { kind: 'period', period: 'Q4', year, shift: null, latest: true } } : null;
  // "last year's quarter": the last quarter reported, a year before.
  if (shift !== null) return offsetQuarters(i, nounAt + 1, -1 + 4 * shift);
  const after = keyAt(view, nounAt + 1, i);
  if (after === 'of' || after === 'point' || after === 'mile') return null;
  // "this quarter", "the current quarter", "next quarter": counted from the quarter of writing.
  if (ahead !== null) return offsetQuarters(i, nounAt + 1, ahead);
  if (first.key === 'this' && !latest && !yearAgo) return offsetQuarters(i, nounAt + 1, 0);
  // "the quarter", "the latest quarter", "last quarter", "the year-ago quarter": the last quarter
  // reported before the story, or that quarter a year before.
  if (!latest && !(DETERMINERS.has(first.key) && first.key !== 'a')) return null;
  return offsetQuarters(i, nounAt + 1, yearAgo ? -5 : -1);
}

function offsetQuarters(first: number, end: number, amount: number): TimeCandidate {
  return { first, end, meaning: { kind: 'offset', unit: 'Q', amount, vague: false } };
}

/** The period with "of 1990" or "of next year" after it, if written. */
function withYear(view: TimeWordView, first: number, end: number, period: PeriodMeaning['period'], year: number | null, shift: number | null, yearAgo: boolean): TimeCandidate {
  if (keyAt(view, end, first) === 'of') {
    let j = end + 1;
    if (keyAt(view, j, first) === 'fiscal') j++;
    const written = readYear(view, j);
    if (written) return { first, end: written.next, meaning: { kind: 'period', period, year: written.value, shift: null } };
    const yearShift = readShift(view, j);
    if (yearShift && keyAt(view, yearShift.next, first) === 'year') {
      return { first, end: yearShift.next + 1, meaning: { kind: 'period', period, year: null, shift: yearShift.value } };
    }
  }
  return { first, end, meaning: { kind: 'period', period, year, shift: yearAgo ? -1 : shift } };
}

/** Seasons: "this summer", "last spring", "the summer of 1994", "summer 2023", "in the fall". */
function season(view: TimeWordView, i: number): TimeCandidate | null {
  const w = view.words[i]!;
  let j = i;
  let shift: number | null = null;
  const shiftRead = readShift(view, i);
  if (shiftRead && w.key !== 'current' && w.key !== 'present') {
    shift = shiftRead.value;
    j = shiftRead.next;
  } else if (w.key === 'the') j++;
  const s = SEASONS.get(keyAt(view, j, i));
  if (s === undefined) return null;
  const after = keyAt(view, j + 1, i);
  // "fall" and "spring" are verbs and nouns too: only after "the", a shift word or a preposition.
  if ((s === 'FA' || s === 'SP') && j === i && !/^(?:in|by|until|since|during|through|early|late|this|last|next|over)$/.test(keyAt(view, i - 1, i))) return null;
  if (NOT_SEASON_AFTER.has(after) && !(after === 'of' && readYear(view, j + 2))) return null;
  if (j === i && !view.words[j]!.capital && !/^(?:in|by|until|since|during|through|this|over|early|late)$/.test(keyAt(view, i - 1, i))) return null;
  let end = j + 1;
  let year: number | null = null;
  const k = after === 'of' ? j + 2 : j + 1;
  const written = readYear(view, k);
  if (written) {
    year = written.value;
    end = written.next;
  }
  return { first: i, end, meaning: { kind: 'period', period: s, year, shift } };
}

/** "the weekend", "this weekend", "last weekend", "next weekend", "this past weekend". */
function weekend(view: TimeWordView, i: number): TimeCandidate | null {
  const key = view.words[i]!.key;
  if (key === 'the') {
    return keyAt(view, i + 1, i) === 'weekend' ? { first: i, end: i + 2, meaning: { kind: 'period', period: 'WE', year: null, shift: null } } : null;
  }
  const shift = readShift(view, i);
  if (!shift || keyAt(view, shift.next, i) !== 'weekend') return null;
  return { first: i, end: shift.next + 1, meaning: { kind: 'period', period: 'WE', year: null, shift: shift.value } };
}
