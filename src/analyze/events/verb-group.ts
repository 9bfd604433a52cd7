// Resolver helper: the verb group before a verb, the auxiliaries, modals, negation, adverbs and
// infinitive governors between its subject and it ("would", "did not", "is expected to", "has
// repeatedly", "refused to"), which carry the verb's tense, aspect and modality.
import type { EventDocument } from './event-document.ts';
import { AUXILIARIES } from './event-lexicon.ts';

/** Words `[first, verb)` before a verb, lower case in text order. */
export interface VerbGroup {
  first: number;
  words: string[];
}

/** The light verb of a noun event ("held talks", "carried out strikes"): the verb's word index and its verb group. */
export interface LightVerb {
  verb: number;
  group: VerbGroup;
}

/** The verb group before word `verb`, not reaching before word `from`. */
export function verbGroupBefore(doc: EventDocument, verb: number, from: number): VerbGroup {
  const { words } = doc.index;
  let k = verb - 1;
  while (k >= from) {
    const w = words[k]!;
    if (AUXILIARIES.has(w.lower) || (/^\p{Ll}+ly$/u.test(w.text) && w.lower !== 'only')) k--;
    else break;
  }
  return { first: k + 1, words: words.slice(k + 1, verb).map((w) => w.lower) };
}
