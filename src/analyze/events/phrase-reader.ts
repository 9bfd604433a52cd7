// Resolver helper: what follows a trigger inside its clause, read without a parser. A verb's direct
// object ("killed over 59,000 Palestinians", "visited Doha"), then up to three prepositional phrases
// in a row ("negotiations between Israel and Hamas over the Gaza ceasefire … in Doha", "warrants for
// Netanyahu and Gallant for war crimes"), each with the entities heading it.
import type { EventDocument } from './event-document.ts';
import { isQuoteMark } from './event-document.ts';
import type { MentionRef } from './mention-lookup.ts';
import { phraseHeads, startsPhrase } from './noun-phrase.ts';
import { PREPOSITIONS } from './event-lexicon.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';
import type { Clause } from './event-clause.ts';

/** A prepositional phrase after a trigger: the preposition, lower case, the entities heading its noun phrase, and the words `[start, end)` of that phrase. */
export interface FollowingPhrase {
  preposition: string;
  heads: MentionRef[];
  start: number;
  end: number;
}

/** What follows a trigger in its clause. */
export interface Following {
  /** The heads of a verb's direct object. */
  object: MentionRef[];
  phrases: FollowingPhrase[];
}

const MAX_PHRASES = 3;

/** The direct object (verbs only) and the prepositional phrases after `c`, inside `clause`. */
export function readFollowing(doc: EventDocument, c: TriggerCandidate, clause: Clause): Following {
  const { words } = doc.index;
  let j = c.reach + 1;
  while (j < clause.to && isQuoteMark(words[j]!.text)) j++;
  let object: MentionRef[] = [];
  if (c.form !== 'noun' && j < clause.to && startsPhrase(doc, j)) {
    const read = phraseHeads(doc, j, clause.to);
    object = read.heads;
    j = read.end;
  }
  const phrases: FollowingPhrase[] = [];
  while (phrases.length < MAX_PHRASES && j < clause.to) {
    while (j < clause.to && (isQuoteMark(words[j]!.text) || words[j]!.text === ',')) j++;
    const w = words[j];
    if (!w || j >= clause.to || !PREPOSITIONS.has(w.lower)) break;
    const read = phraseHeads(doc, j + 1, clause.to);
    phrases.push({ preposition: w.lower, heads: read.heads, start: j + 1, end: read.end });
    if (read.end <= j + 1) break;
    j = read.end;
  }
  return { object, phrases };
}
