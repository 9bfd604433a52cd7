// Resolver: the day a statement was made, when the text says so next to its cue ("said
// Wednesday", "on Tuesday told reporters", "said today"). The times layer has resolved that
// expression already (with the tense of its clause): its value is taken when it names a day.
// Without it, a weekday is the last such day on or before the publication date (news reports what
// was said, not what will be); without a publication date no day can be known and the date stays null.
import { firstAtLeast, type Span } from '../../model/span.ts';
import type { TimeExpression } from '../../model/layers.ts';
import { dayNumber, dayOf, formatDay, isoWeekday, parseDay } from '../times/calendar-math.ts';

/** Weekdays in ISO order: index + 1 is the ISO day of the week. */
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const NEAR_CUE = /^(?:\s+(?:on|late|early|this))?\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)\b/i;
const BEFORE_CUE = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)(?:\s*,)?\s+(?:\S+\s+){0,3}$/i;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day of the statement whose cue is `cue`, or null; `times` is the document's times layer, when it has one. */
export function quoteDate(text: string, cue: Span, published: string | null, times: readonly TimeExpression[] = []): string | null {
  // A day the times layer resolved right after the cue ("said on March 3", "said Wednesday") or
  // just before it ("on Tuesday told reporters").
  let resolved: TimeExpression | undefined;
  // The times layer is in text order: look only at the expressions near the cue.
  for (let k = firstAtLeast(times, (t) => t.end, cue.start - 60); k < times.length && times[k]!.start <= cue.end + 30; k++) {
    const t = times[k]!;
    if (t.value === null || !DAY.test(t.value)) continue;
    const after = t.start >= cue.end && /^(?:\s+(?:on|late|early|this))?\s+$/i.test(text.slice(cue.end, t.start));
    const before = t.end <= cue.start && /^(?:\s*,)?\s+(?:\S+\s+){0,3}$/.test(text.slice(t.end, cue.start));
    if (after || before) {
      resolved = t;
      break;
    }
  }
  if (resolved) return resolved.value;
  const after = NEAR_CUE.exec(text.slice(cue.end, cue.end + 30));
  const before = after ? null : BEFORE_CUE.exec(text.slice(Math.max(0, cue.start - 40), cue.start));
  if ((!after && !before) || !published) return null;
  const word = (after ?? before)?.[1]?.toLowerCase();
  if (!word) return null;
  const reference = parseDay(published);
  if (!reference) return null;
  let n = dayNumber(reference);
  if (word === 'yesterday') n -= 1;
  else if (word !== 'today' && word !== 'tonight') n -= (isoWeekday(n) - (WEEKDAYS.indexOf(word) + 1) + 7) % 7;
  return formatDay(dayOf(n));
}
