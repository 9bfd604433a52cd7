// Resolver helper: the entities of a verb's subject. The subject phrase is the quotes stage's
// speaker phrase before the verb group (speakerBefore: auxiliaries skipped, an appositive's commas
// crossed: "Steve Witkoff, … special envoy for the Middle East, is heading"); its heads are read as
// noun-phrase heads of its first part ("U.S. officials" -> U.S., "she" -> her resolved entity).
// An infinitive's subject is the noun before "to" ("require Hamas to release"), the possessor of a
// noun that takes it ("its willingness to release" -> Hamas), or the subject of the verb that does
// ("Hamas agreed to release"); a relative clause's is the name before "who".
import type { EventDocument } from './event-document.ts';
import { isQuoteMark } from './event-document.ts';
import type { MentionRef } from './mention-lookup.ts';
import { phraseHeads } from './noun-phrase.ts';
import { speakerBefore } from '../quotes/speaker-phrase.ts';
import { GOVERNORS, RELATIVE_BREAKS } from './event-lexicon.ts';
import { verbGroupBefore, type VerbGroup } from './verb-group.ts';
import type { Clause } from './event-clause.ts';

/** The entities of the subject of the verb whose group is `group`, inside `clause` (or before its relative pronoun). */
export function subjectOf(doc: EventDocument, group: VerbGroup, clause: Clause): MentionRef[] {
  const { words } = doc.index;
  if (group.words[0] === 'to') return infinitiveSubject(doc, group.first, clause);
  let k = group.first;
  while (k - 1 >= clause.from && isQuoteMark(words[k - 1]!.text)) k--;
  if (k <= clause.from) return relativeAntecedent(doc, clause);
  const phrase = speakerBefore(doc.index, k);
  if (!phrase || phrase.start < words[clause.from]!.start) return [];
  const first = doc.index.startsAt[phrase.start] ?? -1;
  if (first < 0) return [];
  // The first part of an appositive phrase names the subject: "Adam Boehler, Trump’s nominee …".
  let end = first;
  while (end < k && words[end]!.end <= phrase.end && words[end]!.text !== ',') end++;
  return phraseHeads(doc, first, end).heads;
}

/** The subject of the infinitive whose "to" is word `to`. */
function infinitiveSubject(doc: EventDocument, to: number, clause: Clause): MentionRef[] {
  const { words } = doc.index;
  const before = to - 1;
  if (before < clause.from) return [];
  const m = doc.mentions.endingAt(before);
  if (m) return [m];
  const governor = GOVERNORS.has(words[before]!.lower);
  if (!governor) return [];
  // "its willingness to", "Hamas's readiness to": the possessor of a governing noun.
  const owner = words[before - 1]?.possessive ? doc.mentions.endingAt(before - 2) : doc.mentions.endingAt(before - 1);
  if (owner && !owner.named) return [owner];
  if (owner && words[before - 1]?.possessive) return [owner];
  // "Hamas agreed to": the governing verb's own subject.
  return subjectOf(doc, verbGroupBefore(doc, before, clause.from), clause);
}

/** "Boehler, who met …": the name before the relative pronoun that opens the clause. */
function relativeAntecedent(doc: EventDocument, clause: Clause): MentionRef[] {
  if (clause.opener < 0 || !RELATIVE_BREAKS.has(doc.index.words[clause.opener]!.lower)) return [];
  let k = clause.opener - 1;
  if (doc.index.words[k]?.text === ',') k--;
  const m = k >= 0 ? doc.mentions.endingAt(k) : null;
  return m ? [m] : [];
}
