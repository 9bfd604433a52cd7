// Resolver: when an event takes place, as the value of a time expression of the times layer in the
// trigger's clause ("would meet … in Rome on Thursday" -> the Thursday after publication; "Last
// November, the ICC issued arrest warrants"). The nearest one after the trigger wins, else the
// nearest before. Only dates and clock times place an event; durations and sets do not ("for three
// days", "every week"). An event that belongs to another takes no time from the clause.
import type { TimeExpression } from '../../model/layers.ts';
import { firstAtLeast } from '../../model/span.ts';
import type { EventDocument } from './event-document.ts';
import type { Clause } from './event-clause.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';

const placesEvent = (t: TimeExpression) => (t.type === 'DATE' || t.type === 'TIME') && t.value !== null;

/** The time value of a trigger in `clause`, or null. */
export function resolveTime(doc: EventDocument, c: TriggerCandidate, clause: Clause, governed: boolean): string | null {
  if (governed || clause.to <= clause.from) return null;
  const { words } = doc.index;
  const { times } = doc;
  const from = words[clause.from]!.start;
  const to = words[clause.to - 1]!.end;
  const triggerEnd = words[c.last]!.end;
  const triggerStart = words[c.first]!.start;
  for (let i = firstAtLeast(times, (t) => t.start, triggerEnd); i < times.length && times[i]!.end <= to; i++) if (placesEvent(times[i]!)) return times[i]!.value;
  for (let i = firstAtLeast(times, (t) => t.start, triggerStart) - 1; i >= 0 && times[i]!.start >= from; i--) if (placesEvent(times[i]!) && times[i]!.end <= triggerStart) return times[i]!.value;
  return null;
}
