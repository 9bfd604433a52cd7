// Refiner: one type per entity. The gazetteer's word on the entity's name comes first (Israel is a
// GPE, Hamas an ORG, "Israeli" NORP); otherwise its mentions vote, a stated title counts for PERSON,
// and a place the tagger found but no list holds is a LOC when its name ends in a geographic
// feature ("… Strip", "… Valley") and a GPE otherwise (news places are mostly towns and countries).
// A person the tagger proposed but the text gives no sign of (person-evidence.ts) becomes an ORG.
import type { EntityType } from '../../model/layers.ts';
import type { Candidate } from './mention-candidate.ts';
import { gazetteerTypeOf } from './gazetteer.ts';
import { hasPersonEvidence } from './person-evidence.ts';
import data from './data/place-words.json' with { type: 'json' };

const LOC_HEADS = new Set(data.locHeads);
const PRIORITY: EntityType[] = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'OTHER'];

/** The type of the entity named `name` whose mentions are `mentions`. */
export function entityTypeOf(text: string, name: string, mentions: readonly Candidate[], hasTitles: boolean): EntityType {
  const listed = gazetteerTypeOf(name);
  if (listed) return listed;
  for (const m of mentions) {
    if (m.source === 'gazetteer' && m.type) return m.type;
  }
  if (hasTitles) return 'PERSON';
  const votes = new Map<EntityType, number>();
  for (const m of mentions) if (m.type) votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
  let best: EntityType = 'OTHER';
  let bestVotes = 0;
  for (const type of PRIORITY) {
    const v = votes.get(type) ?? 0;
    if (v > bestVotes) {
      best = type;
      bestVotes = v;
    }
  }
  // A person with nothing in the text that says so is taken for the organisation it usually is;
  // a name only the article's own writing found (repeated-name-finder.ts) likewise, unless the text says person.
  if (best === 'PERSON' && !hasPersonEvidence(text, mentions)) return 'ORG';
  if (best === 'OTHER' && mentions.length > 0 && mentions.every((m) => m.source === 'repeat' || m.source === 'sweep')) {
    return hasPersonEvidence(text, mentions) ? 'PERSON' : 'ORG';
  }
  if (best === 'LOC') {
    const last = name.split(/\s+/).pop()!.toLowerCase();
    return LOC_HEADS.has(last) ? 'LOC' : 'GPE';
  }
  return best;
}
