// Refiner input: does the text say that a name is an organisation's? Companies and groups the
// tagger has not seen are often taken for people ("Northrop Grumman", "Apple": capitalised words,
// sometimes a rare given name, as in the name lists' "Northrop"), but news prose gives them away:
// a describing noun before the name ("aircraft manufacturer Boeing", "our prime contractor,
// Northrop Grumman"), something only an organisation has after it ("Ryanair CEO Michael O'Leary",
// "Apple's board of directors"), a role in it ("founder of Apple"), or an appositive ("AirTanker
// Ltd., an EADS-led consortium,"). A person has none of these.
import type { Span } from '../../model/span.ts';
import cues from './data/organisation-cues.json' with { type: 'json' };

const words = (list: string[]) => list.map((w) => w.replace(/[.]/g, '\\.').replace(/ /g, '\\s+')).join('|');
const DESCRIPTOR_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${words(cues.descriptors)})\\s*$`, 'iu');
const DESCRIPTOR_COMMA_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${words(cues.descriptors)}),\\s*$`, 'iu');
const POSSESSION_AFTER = new RegExp(`^(?:['’]s)?\\s+(?:${words(cues.possessions)})\\b(?!\\s+(?:order|orders|branch|power|privilege))`, 'iu');
const ROLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${words(cues.roles)})\\s+(?:of|at)\\s+(?:the\\s+)?$`, 'iu');
const APPOSITIVE_AFTER = new RegExp(
  `^,\\s+(?:an?|the|its)\\s+(?:[\\p{L}\\d’'-]+\\s+){0,3}(?:${words(cues.descriptors)})\\b`,
  'iu',
);

/** True when some mention of the entity comes with a sign that it names an organisation. */
export function hasOrganisationEvidence(text: string, mentions: readonly Span[]): boolean {
  for (const m of mentions) {
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const after = text.slice(m.end, m.end + 60);
    if (DESCRIPTOR_BEFORE.test(before) || ROLE_BEFORE.test(before)) return true;
    // "our prime contractor, Northrop Grumman." but not "the company, Jobs said".
    if (DESCRIPTOR_COMMA_BEFORE.test(before) && /^\s*[,.;)]/.test(after)) return true;
    if (POSSESSION_AFTER.test(after) || APPOSITIVE_AFTER.test(after)) return true;
  }
  return false;
}
