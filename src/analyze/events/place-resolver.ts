// Resolver: where an event takes place, as an entity of type GPE or LOC. Travel goes to its
// destination ("heading to Europe", "a trip to Doha", "visited Cairo"); any other event is placed by
// "in X"/"at X" after its trigger in the clause ("remain ongoing in Doha, Qatar", "would meet … in Rome
// on Thursday"), by an "In X," opening the clause, or, for the types the data marks, by a place
// naming the event ("the Gaza ceasefire"; not "Gaza ceasefire talks", which are about Gaza). An event that belongs to another ("negotiations over a Gaza ceasefire") is placed only
// by its own words.
import type { EventDocument } from './event-document.ts';
import type { MentionRef } from './mention-lookup.ts';
import { phraseHeads, type Premodifiers } from './noun-phrase.ts';
import { DESTINATION_PREPOSITIONS, PLACE_PREPOSITIONS, TYPE_INFO } from './event-lexicon.ts';
import type { Clause } from './event-clause.ts';
import type { Following } from './phrase-reader.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';

/** How many words after the trigger a place may stand in its clause. */
const PLACE_WINDOW = 20;

const isPlace = (m: MentionRef) => m.type === 'GPE' || m.type === 'LOC';

/** The place of a trigger, or null. */
export function resolvePlace(doc: EventDocument, c: TriggerCandidate, clause: Clause, following: Following, premods: Premodifiers | null, governed: boolean): { entity: string } | null {
  const { words } = doc.index;
  const found = (m: MentionRef | undefined) => (m ? { entity: m.entity } : null);
  if (c.type === 'TRAVEL') {
    const destination = following.phrases.find((p) => DESTINATION_PREPOSITIONS.has(p.preposition) && p.heads.some(isPlace));
    const place = destination?.heads.find(isPlace) ?? following.object.find(isPlace);
    if (place) return found(place);
  }
  // Any place inside a place phrase counts, not only its head: "in the Qatari capital of Doha", "at a Gaza hospital".
  for (const p of following.phrases) {
    if (!PLACE_PREPOSITIONS.has(p.preposition) || p.end <= p.start) continue;
    const place = doc.mentions.inside(words[p.start]!.start, words[p.end - 1]!.end).find(isPlace);
    if (place) return found(place);
  }
  if (!governed) {
    const end = Math.min(clause.to, c.reach + 1 + PLACE_WINDOW);
    for (let j = c.reach + 1; j < end; j++) {
      if (!PLACE_PREPOSITIONS.has(words[j]!.lower)) continue;
      const place = phraseHeads(doc, j + 1, clause.to).heads.find(isPlace);
      if (place) return found(place);
    }
    // "In Doha, negotiators met …"
    if (PLACE_PREPOSITIONS.has(words[clause.from]?.lower ?? '') && clause.from < c.first) {
      const place = phraseHeads(doc, clause.from + 1, c.first).heads.find(isPlace);
      if (place) return found(place);
    }
  }
  if (premods && premods.start < c.first && TYPE_INFO.get(c.type)?.placeFromModifier) {
    const modifiers = doc.mentions.inside(words[premods.start]!.start, words[c.first]!.start).filter((m) => m.named);
    if (modifiers.length === 1 && isPlace(modifiers[0]!)) return found(modifiers[0]);
  }
  return null;
}
