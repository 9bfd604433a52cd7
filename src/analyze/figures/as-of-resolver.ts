// Resolver: the date a figure describes. A full date the sentence gives as the figure's date
// ("as of March 19, 2025", "by Dec. 31, 2024", a sentence opening "On March 5, 2025,", "the
// ministry said on March 3, 2025 that"); else the
// day the statement holding it was made, when the quotes stage resolved it ("officials said
// Wednesday"); else the publication date; else null. A date that dates something else in the
// sentence ("since Hamas led an attack on Oct. 7, 2023") is not the figure's.
import type { Span } from '../../model/span.ts';
import { textDates } from '../../read/dates/date-patterns.ts';
import { alternation, AS_OF_CUES } from './figure-lexicon.ts';
import cueWords from '../quotes/data/cue-words.json' with { type: 'json' };

const AS_OF_BEFORE = new RegExp(`(?<![\\p{L}])(?:${alternation(AS_OF_CUES)})[ \\t\\u00a0]+$`, 'iu');
// "the ministry said on March 3, 2025 that …": the day a statement was made is the day its figures describe.
const STATED_ON = new RegExp(`(?<![\\p{L}])(?:${alternation([...cueWords.speech, ...cueWords.belief])})[ \\t\\u00a0]+on[ \\t\\u00a0]+$`, 'iu');
const OPENING = /^[ \t\u00a0]*(?:(?:on|as of|as at|by)[ \t\u00a0]+)?$/i;

/** The date a sentence states as the date of its figures ("as of March 19, 2025"), or null. */
export function statedAsOf(text: string, sentence: Span): string | null {
  const piece = text.slice(sentence.start, sentence.end);
  if (!/\d{4}/.test(piece)) return null;
  for (const d of textDates(piece, 'mdy')) {
    const before = piece.slice(0, d.index);
    if (AS_OF_BEFORE.test(before) || OPENING.test(before) || STATED_ON.test(before)) return d.date;
  }
  return null;
}

/** The as-of date of a figure: stated in its sentence, else when its statement was made, else the publication date. */
export function asOfDate(stated: string | null, statementDate: string | null, published: string | null): string | null {
  return stated ?? statementDate ?? published;
}
