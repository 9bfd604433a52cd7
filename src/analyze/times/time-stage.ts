// The times stage: time expressions with their TIMEX3 type and value. Finders propose spans over
// the words of each sentence (one file per family of expressions), refiners take in modifiers and
// keep one expression per stretch of text, and resolvers compute each value: from what was written,
// the publication date and the clause's tense (time-resolver.ts), then, in text order, from the
// times around it ("a year earlier" after "the third quarter", "the next day" after a date). The
// publication date is the reference: without one, relative expressions stay underspecified
// ("XXXX-11", "XXXX-WXX-3"), never read against the clock.
import type { Stage } from '../stage.ts';
import type { Doc } from '../../model/doc.ts';
import type { TimeExpression } from '../../model/layers.ts';
import { textSpan } from '../../model/span.ts';
import type { TimeFinder } from './time-meaning.ts';
import { buildTimeWordView } from './time-word-view.ts';
import { findClockTime, findDayPart } from './clock-time-finder.ts';
import { findCalendarDate } from './calendar-date-finder.ts';
import { findPeriod } from './period-finder.ts';
import { findEra } from './era-finder.ts';
import { findHoliday } from './holiday-finder.ts';
import { findRelativeDate, findTonight } from './relative-date-finder.ts';
import { findSet } from './set-finder.ts';
import { findDuration } from './duration-finder.ts';
import { findReference } from './reference-finder.ts';
import { extendOverModifiers } from './modifier-refiner.ts';
import { dropOverlaps, type RankedCandidate } from './overlap-refiner.ts';
import { afterDeadlineWord, clauseTense } from './clause-tense.ts';
import { resolveTime } from './time-resolver.ts';
import { anchorYearAgoOnQuarters } from './year-ago-resolver.ts';
import { resolveAnaphors } from './anaphor-resolver.ts';
import { parseDay } from './calendar-math.ts';
import { START_WORDS } from './time-words.ts';

/** The finders, in the order that breaks ties between candidates of equal length: the more specific reading first. */
const FINDERS: readonly TimeFinder[] = [
  findClockTime,
  findCalendarDate,
  findPeriod,
  findEra,
  findHoliday,
  findRelativeDate,
  findTonight,
  findDayPart,
  findSet,
  findDuration,
  findReference,
];

/** Adds `times`: the time expressions of the text, in order, none overlapping. */
export const timeStage: Stage = {
  name: 'times',
  requires: ['sentences', 'tokens'],
  adds: ['times'],
  run: (doc) => ({ times: findTimes(doc) }),
};

/** Whether a word can start a time expression: listed in START_WORDS, or a number or decade ("21", "1990s", "7th", "'80s"). */
function mayStartTime(key: string): boolean {
  const c = key.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  if (c === 39 && key.length > 1) return true; // the view's keys have straight apostrophes
  return START_WORDS.has(key);
}

function findTimes(doc: Doc): TimeExpression[] {
  const view = buildTimeWordView(doc.text, doc.layers.tokens ?? [], doc.layers.sentences ?? []);
  const candidates: RankedCandidate[] = [];
  for (let i = 0; i < view.words.length; i++) {
    if (!mayStartTime(view.words[i]!.key)) continue;
    for (let rank = 0; rank < FINDERS.length; rank++) {
      const found = FINDERS[rank]!(view, i);
      if (found) candidates.push({ ...found, rank });
    }
  }
  const kept = dropOverlaps(view, extendOverModifiers(view, candidates));
  const reference = parseDay(doc.meta.published.date);
  const resolved = kept.map((c) => resolveTime(c.meaning, reference, clauseTense(view, c.first, c.end), afterDeadlineWord(view, c.first)));
  const values = resolveAnaphors(view, kept, anchorYearAgoOnQuarters(view, kept, resolved.map((r) => r.value)), reference);
  return kept.map((c, k) => ({
    ...textSpan(doc.text, view.words[c.first]!.start, view.words[c.end - 1]!.end),
    type: resolved[k]!.type,
    value: values[k]!,
  }));
}
