// What a time expression states, as the finders read it, before any value is computed: the parts
// the text gives ("Oct. 7" gives month and day, not the year) and how it is anchored ("last",
// "ago", "next"). The resolver (time-resolver.ts) adds what is implied: the year of "Oct. 7", the
// date of "Wednesday", from the publication date and the tense of the clause. Keeping the two apart
// (chrono's known vs implied values) is what lets a Doc without a publication date still say
// "XXXX-10-07" instead of guessing.
import type { DayPart, Season, TimeReference, TimeUnit } from './time-words.ts';
import type { TimeWordView } from './time-word-view.ts';

/** A shift a word gives a name: "last November" -1, "this September" 0, "next Thursday" +1. */
export type Shift = -1 | 0 | 1;

/** A calendar date or month or year, as far as the text writes it: "Oct. 7, 2023", "March 2025", "2024", "Oct. 7", "last November". */
export interface CalendarMeaning {
  kind: 'calendar';
  year: number | null;
  month: number | null;
  day: number | null;
  /** "last November" / "next March"; null when the name stands alone. */
  shift: Shift | null;
  /** A year given relative to the reference: "January this year" 0, "June last year" -1. */
  yearOffset: number | null;
}

/** A weekday name: "Wednesday", "last Friday", "next Thursday". ISO weekday, Monday 1 … Sunday 7. */
export interface WeekdayMeaning {
  kind: 'weekday';
  weekday: number;
  shift: Shift | null;
}

/** A period counted from the reference in whole units: "yesterday" (D -1), "this year" (Y 0), "two weeks ago" (W -2). */
export interface OffsetMeaning {
  kind: 'offset';
  unit: TimeUnit;
  /** Signed count of units; for a vague count ("a few years ago") only its sign counts. */
  amount: number;
  vague: boolean;
  /** Written as a comparison ("a year ago", "a year earlier", "year-ago"): in a report on a period, that period so long before. */
  comparison?: boolean;
}

/**
 * A day, week, month or year counted from a time the story has just named, not from its writing:
 * "the next day", "the following year", "that month", "the same day". Resolved against the last
 * date before it in the text (anaphor-resolver.ts).
 */
export interface AnaphorMeaning {
  kind: 'anaphor';
  unit: 'D' | 'W' | 'M' | 'Y';
  amount: number;
  /** "the previous Friday", "the following Monday": that weekday (ISO) before or after the day named, `amount` giving the side. */
  weekday?: number;
}

/** How a holiday falls: on a fixed day, on the n-th weekday of a month (n -1: the last), or so many days from Easter Sunday. */
export type HolidayRule = { fixed: [month: number, day: number] } | { nth: [month: number, weekday: number, n: number] } | { easter: number };

/** A holiday: "Christmas", "Thanksgiving", "Good Friday", "New Year's Eve 1999". */
export interface HolidayMeaning {
  kind: 'holiday';
  rule: HolidayRule;
  year: number | null;
}

/** A named part of a year: a quarter, a half, a season, or the weekend of a week. */
export interface PeriodMeaning {
  kind: 'period';
  period: 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2' | Season | 'WE';
  /** The year when written ("the third quarter of 1990", "fiscal 1989's first quarter"). */
  year: number | null;
  /** "last spring", "next year's first quarter" (shift of the year), "this weekend". */
  shift: number | null;
  /** "the 1988 quarter": the quarter of the year the story reports (the last one completed before the reference), in the year written. */
  latest?: boolean;
  /** "the fiscal first quarter": a company's own quarter, the one it has just reported. */
  fiscal?: boolean;
}

/** A decade or a century as TimeML writes it: "the 1990s" 199, "the '80s" 198, "the 20th century" 19. */
export interface EraMeaning {
  kind: 'era';
  unit: 'DE' | 'CE';
  /** Decade or century number as written (199, 19), or null when counted from the reference ("the last decade"). */
  number: number | null;
  shift: number | null;
}

/** PRESENT_REF, PAST_REF or FUTURE_REF: "now", "recently", "the future". */
export interface ReferenceMeaning {
  kind: 'reference';
  ref: TimeReference;
}

/** A length of time: "21 months", "a couple of years", "two and a half hours". `amount` null when vague ("several years"). */
export interface DurationMeaning {
  kind: 'duration';
  amount: number | null;
  unit: TimeUnit;
}

/** A recurring time: "every week" (P1W), "each Thursday" (XXXX-WXX-4), "daily". The value is fixed by the words alone. */
export interface SetMeaning {
  kind: 'set';
  value: string;
}

/** A day meaning that a time of day can hang on. */
export type DayMeaning = CalendarMeaning | WeekdayMeaning | OffsetMeaning;

/** A time of day, on a stated day or on the reference day: "6:40 p.m.", "noon Thursday", "Thursday evening", "last night". */
export interface ClockMeaning {
  kind: 'clock';
  day: DayMeaning | null;
  hour: number | null;
  minute: number | null;
  part: DayPart | null;
}

/** What a time expression states. */
export type TimeMeaning =
  | CalendarMeaning
  | WeekdayMeaning
  | OffsetMeaning
  | AnaphorMeaning
  | HolidayMeaning
  | PeriodMeaning
  | EraMeaning
  | ReferenceMeaning
  | DurationMeaning
  | SetMeaning
  | ClockMeaning;

/** A finder's proposal: words `[first, end)` of the view and what they state. */
export interface TimeCandidate {
  first: number;
  end: number;
  meaning: TimeMeaning;
}

/** A finder: the candidate starting at word `i`, or null. Finders see the whole view and never look past its sentence. */
export type TimeFinder = (view: TimeWordView, i: number) => TimeCandidate | null;
