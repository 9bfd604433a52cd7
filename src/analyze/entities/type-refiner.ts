// Refiner: one type per entity. The gazetteer's word on the entity's name comes first (Israel is a
// GPE, Hamas an ORG, "Israeli" NORP); otherwise its mentions vote, a stated title counts for PERSON,
// and a place the tagger found but no list holds is a LOC when its name ends in a geographic
// feature ("… Strip", "… Valley") and a GPE otherwise (news places are mostly towns and countries).
// A name the text marks as a product's (product-evidence.ts) is OTHER.
// A person the tagger proposed but the text gives no sign of (person-evidence.ts) becomes an ORG,
// and so does one the text shows to be an organisation (organisation-evidence.ts) unless a common
// given name opens it ("the company Steve Jobs founded" says nothing about Steve Jobs).
import type { EntityType } from '../../model/layers.ts';
import type { Candidate } from './mention-candidate.ts';
import { gazetteerTypeOf } from './gazetteer.ts';
import { hasPersonEvidence, opensWithCommonGivenName } from './person-evidence.ts';
import { hasOrganisationEvidence } from './organisation-evidence.ts';
import { hasProductEvidence, productLinesOf } from './product-evidence.ts';
import data from './data/place-words.json' with { type: 'json' };
import heads from './data/name-heads.json' with { type: 'json' };

const LOC_HEADS = new Set(data.locHeads);
const ORG_ENDS = new Set(heads.organisation);
const EVENT_ENDS = new Set(heads.event);
const PRIORITY: EntityType[] = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'OTHER'];

/**
 * The type of the entity named `name` whose mentions are `mentions`. `productLines` are the text's
 * product lines (productLinesOf), read once per document by the caller that types many entities.
 */
export function entityTypeOf(
  text: string,
  name: string,
  mentions: readonly Candidate[],
  hasTitles: boolean,
  productLines: ReadonlySet<string> = productLinesOf(text),
): EntityType {
  const listed = gazetteerTypeOf(name);
  if (listed) return listed;
  for (const m of mentions) {
    if (m.source === 'gazetteer' && m.type) return m.type;
  }
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!.toLowerCase();
  if (words.length > 1 && EVENT_ENDS.has(last)) return 'EVENT';
  if (hasTitles) return 'PERSON';
  // A product ("MacBook Air laptops", "787 Dreamliner") unless the text also shows an organisation.
  if (hasProductEvidence(text, mentions, productLines) && !hasOrganisationEvidence(text, mentions)) return 'OTHER';
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
  // A person with nothing in the text that says so, or whose name ends like a company's ("Douglas
  // Aircraft"), is taken for the organisation it usually is;
  // a name only the article's own writing found (repeated-name-finder.ts) likewise, unless the text says person.
  if (best === 'PERSON' && (!hasPersonEvidence(text, mentions) || (words.length > 1 && ORG_ENDS.has(last)))) return 'ORG';
  // An organisation the text shows as one, that the tagger took for a person or an unlisted place ("engine maker Europrop").
  if ((best === 'PERSON' || best === 'LOC' || best === 'GPE') && !opensWithCommonGivenName(name) && hasOrganisationEvidence(text, mentions)) return 'ORG';
  if (best === 'OTHER' && mentions.length > 0 && mentions.every((m) => m.source === 'repeat' || m.source === 'sweep')) {
    return hasPersonEvidence(text, mentions) ? 'PERSON' : 'ORG';
  }
  if (best === 'LOC') {
    return LOC_HEADS.has(last) ? 'LOC' : 'GPE';
  }
  return best;
}
