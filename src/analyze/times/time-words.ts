// The word lists of the times stage, loaded once from data/ (our own lists) and from the month
// and weekday names the readers already use (src/read/dates), as lookup tables by lower-case form.
import monthData from '../../read/dates/date-month-names.json' with { type: 'json' };
import weekdayData from '../../read/dates/english-weekdays.json' with { type: 'json' };
import numberWords from './data/number-words.json' with { type: 'json' };
import unitData from './data/time-units.json' with { type: 'json' };
import modifierData from './data/time-modifiers.json' with { type: 'json' };
import referenceData from './data/reference-words.json' with { type: 'json' };
import tenseData from './data/tense-words.json' with { type: 'json' };
import holidayData from './data/holidays.json' with { type: 'json' };
import type { HolidayRule } from './time-meaning.ts';

/** A unit of time as TIMEX3 durations write it (DE decade, CE century, ML millennium, Q quarter, WE weekend, FN fortnight). */
export type TimeUnit = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S' | 'DE' | 'CE' | 'ML' | 'Q' | 'WE' | 'FN';
/** TIMEX3's parts of the day. */
export type DayPart = 'MO' | 'AF' | 'EV' | 'NI';
/** TIMEX3's seasons. */
export type Season = 'SP' | 'SU' | 'FA' | 'WI';
/** The three references TIMEX3 has for times without a date. */
export type TimeReference = 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';

/** English month names and abbreviations, lower case, without a period ("oct" for "Oct."): month 1-12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  monthData.months.en.flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);
/** Month abbreviations: a month only with a day or year beside them ("Jan" is also a name). */
export const MONTH_ABBREVIATIONS: ReadonlySet<string> = new Set(monthData.months.en.flatMap((names) => names.slice(1)));

/** Weekday names and abbreviations, lower case: ISO day of the week, Monday 1 … Sunday 7 (the JSON counts Sunday 0). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  Object.entries(weekdayData.weekdays).map(([name, day]) => [name, day === 0 ? 7 : day] as const),
);

export const NUMBER_UNITS: ReadonlyMap<string, number> = new Map(Object.entries(numberWords.units));
export const NUMBER_TENS: ReadonlyMap<string, number> = new Map(Object.entries(numberWords.tens));
export const NUMBER_SCALES: ReadonlyMap<string, number> = new Map(Object.entries(numberWords.scales));
export const ORDINALS: ReadonlyMap<string, number> = new Map(Object.entries(numberWords.ordinals));
export const ARTICLES: ReadonlyMap<string, number> = new Map(Object.entries(numberWords.articles));
export const COUPLE = numberWords.couple;
export const DECADE_WORDS: ReadonlyMap<string, number> = new Map(Object.entries(numberWords.decades));
export const VAGUE_AMOUNTS: ReadonlySet<string> = new Set(numberWords.vague);
export const VAGUE_PHRASES: readonly string[][] = numberWords.vaguePhrases.map(split);

export const UNITS: ReadonlyMap<string, TimeUnit> = new Map(Object.entries(unitData.units) as [string, TimeUnit][]);
export const DAY_PARTS: ReadonlyMap<string, DayPart> = new Map(Object.entries(unitData.dayParts) as [string, DayPart][]);
export const SEASONS: ReadonlyMap<string, Season> = new Map(Object.entries(unitData.seasons) as [string, Season][]);
export const TIME_ZONES: ReadonlySet<string> = new Set(unitData.timeZones);
export const UNIT_ADJECTIVES: ReadonlySet<string> = new Set(unitData.unitAdjectives);

export const SHIFTS: ReadonlyMap<string, number> = new Map(Object.entries(modifierData.shifts));
export const POSITIONS: readonly string[][] = modifierData.positions.map(split);
export const HEDGES: readonly string[][] = modifierData.hedges.map(split);
export const DURATION_LEADS: ReadonlySet<string> = new Set(modifierData.durationLeads);
export const MONTH_LEADS: ReadonlySet<string> = new Set(modifierData.monthLeads);
export const YEAR_LEADS: ReadonlySet<string> = new Set(modifierData.yearLeads);
export const NOT_YEAR_BEFORE: ReadonlySet<string> = new Set(modifierData.notYearBefore);
export const NOT_YEAR_AFTER: ReadonlySet<string> = new Set(modifierData.notYearAfter);
export const WEEKDAY_NAME_WORDS: ReadonlySet<string> = new Set(modifierData.weekdayNames);
export const FUTURE_LEADS: ReadonlySet<string> = new Set(modifierData.futureLeads);

export const REFERENCES: readonly [string[], TimeReference][] = Object.entries(referenceData.references).map(
  ([phrase, ref]) => [split(phrase), ref as TimeReference] as [string[], TimeReference],
);
export const SET_WORDS: readonly [string[], string][] = Object.entries(referenceData.sets).map(([phrase, value]) => [split(phrase), value] as [string[], string]);
export const ADJECTIVE_SETS: ReadonlySet<string> = new Set(referenceData.adjectiveSets);

export const FUTURE_WORDS: ReadonlySet<string> = new Set(tenseData.future);
export const INTENT_WORDS: ReadonlySet<string> = new Set(tenseData.intent);
export const PAST_WORDS: ReadonlySet<string> = new Set(tenseData.past);
export const PRESENT_WORDS: ReadonlySet<string> = new Set(tenseData.present);
export const NOT_PAST: ReadonlySet<string> = new Set(tenseData.notPast);
/** A regular past form ("released", "agreed"), unless NOT_PAST lists it ("need", "speed" are no past). */
export const REGULAR_PAST = /^[a-z]{3,}ed$/;
export const MODALS: ReadonlySet<string> = new Set(tenseData.modals);

/** Holidays by their words as the tokenizer cuts them ("new year's eve" -> new, year, 's, eve; "st." -> st), with how each falls. */
export const HOLIDAYS: readonly [string[], HolidayRule][] = [
  ...Object.entries(holidayData.fixed).map(([name, [m, d]]) => [holidayWords(name), { fixed: [m!, d!] }] as [string[], HolidayRule]),
  ...Object.entries(holidayData.nth).map(([name, [m, w, n]]) => [holidayWords(name), { nth: [m!, w!, n!] }] as [string[], HolidayRule]),
  ...Object.entries(holidayData.easter).map(([name, offset]) => [holidayWords(name), { easter: offset }] as [string[], HolidayRule]),
];

function holidayWords(name: string): string[] {
  return split(name.replace(/'s\b/g, " 's").replace(/\./g, ''));
}

function split(phrase: string): string[] {
  return phrase.split(' ');
}

/**
 * Every lower-case word a time expression can start with, from the lists above and the grammar's
 * own words (determiners, "every", "fiscal", "noon", …). Words that start with a digit (numbers,
 * "1990s", "7th", "2023-10-07") or an apostrophe and a digit ("'80s") are checked apart. The stage
 * asks its finders only at words that pass, which spares them the 90% of words that cannot start
 * a time; a finder that starts on a new word must have it listed here.
 */
export const START_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(),
  ...WEEKDAYS.keys(),
  ...[...WEEKDAYS.keys()].filter((k) => k.endsWith('day')).map((k) => `${k}s`),
  ...NUMBER_UNITS.keys(),
  ...NUMBER_TENS.keys(),
  ...ORDINALS.keys(),
  ...ARTICLES.keys(),
  ...VAGUE_AMOUNTS,
  ...VAGUE_PHRASES.map((p) => p[0]!),
  ...UNITS.keys(),
  ...SEASONS.keys(),
  ...DAY_PARTS.keys(),
  ...SHIFTS.keys(),
  ...DURATION_LEADS,
  ...DECADE_WORDS.keys(),
  ...REFERENCES.map(([p]) => p[0]!),
  ...SET_WORDS.map(([p]) => p[0]!),
  ...HOLIDAYS.map(([p]) => p[0]!),
  ...modifierData.startWords,
]);
