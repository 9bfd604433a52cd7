// Resolver: the day a statement was made, when the text says so next to its cue ("said
// Wednesday", "on Tuesday told reporters", "said today"). A weekday is the last such day on or
// before the publication date (news reports what was said, not what will be); without a
// publication date no day can be known and the date stays null.
import type { Span } from '../../model/span.ts';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NEAR_CUE = /^(?:\s+(?:on|late|early|this))?\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)\b/i;
const BEFORE_CUE = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)(?:\s*,)?\s+(?:\S+\s+){0,3}$/i;

/** The day of the statement whose cue is `cue`, or null. */
export function quoteDate(text: string, cue: Span, published: string | null): string | null {
  if (!published) return null;
  const after = NEAR_CUE.exec(text.slice(cue.end, cue.end + 30));
  const before = after ? null : BEFORE_CUE.exec(text.slice(Math.max(0, cue.start - 40), cue.start));
  const word = (after ?? before)?.[1]?.toLowerCase();
  if (!word) return null;
  const day = new Date(`${published}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return null;
  if (word === 'yesterday') day.setUTCDate(day.getUTCDate() - 1);
  else if (word !== 'today' && word !== 'tonight') {
    const target = WEEKDAYS.indexOf(word);
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() - target + 7) % 7));
  }
  return day.toISOString().slice(0, 10);
}
