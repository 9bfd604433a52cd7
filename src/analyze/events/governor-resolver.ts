// Resolver: which other event a noun trigger belongs to, when it is no event the text reports in its
// own right but the object, topic or purpose of another: "negotiations over a Gaza ceasefire" (the
// ceasefire is what is negotiated), "heading to Europe for negotiations" (the talks are the trip's
// purpose), "to negotiate a lasting truce", "in exchange for a ceasefire extension". Such a noun takes
// its status from that event and no place or time from the clause around it.
import type { EventDocument } from './event-document.ts';
import { TOPIC_PREPOSITIONS } from './event-lexicon.ts';
import type { Premodifiers } from './noun-phrase.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';
import type { Clause } from './event-clause.ts';

/** How a noun trigger belongs to another event. */
export type Relation = 'object' | 'topic' | 'purpose';

/** The event (an index into the candidates) a noun trigger belongs to, and how. */
export interface Governor {
  index: number;
  relation: Relation;
}

/**
 * The governor of candidate `i` (a noun with modifiers `premods` in `clause`), given the governors of
 * the candidates before it, or null.
 */
export function governorOf(doc: EventDocument, candidates: readonly TriggerCandidate[], i: number, premods: Premodifiers, clause: Clause, earlier: readonly (Governor | null)[]): Governor | null {
  const { words } = doc.index;
  const c = candidates[i]!;
  const lead = premods.lead;
  if (c.form !== 'noun' || lead < clause.from || lead < 0) return null;
  const before = candidates[i - 1];
  const inClause = before !== undefined && before.sentence === c.sentence && before.first >= clause.from;
  if (!inClause) return null;
  const leadWord = words[lead]!.lower;
  // "to negotiate a lasting truce": the object of a verb trigger.
  if (before.form !== 'noun' && before.last === lead) return { index: i - 1, relation: 'object' };
  if (TOPIC_PREPOSITIONS.has(leadWord)) {
    // The nearest earlier event of the clause heads the phrase ("negotiations over a Gaza ceasefire").
    return { index: i - 1, relation: leadWord === 'for' && before.type === 'TRAVEL' ? 'purpose' : 'topic' };
  }
  // "over a Gaza ceasefire and hostage release deal": a conjunct of a topic shares its governor.
  if ((leadWord === 'and' || leadWord === 'or' || leadWord === ',') && earlier[i - 1] && lead - before.reach <= 2) return earlier[i - 1]!;
  return null;
}
