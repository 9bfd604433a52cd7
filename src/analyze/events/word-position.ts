// Finder helpers: whether a word stands where a noun stands or where a verb stands, read from the
// word before it, for words that are both ("attack", "plans", "offer"). No tagger: a determiner,
// possessive, number or listed modifier leads a noun ("the plan", "Trump’s offer", "$5.4 billion
// deal"); a subject pronoun, a name, an auxiliary, "to" or an adverb leads a verb ("Israel plans",
// "did not offer", "they deal").
import type { EventDocument } from './event-document.ts';
import { AUXILIARIES, NOUN_LEADS, SUBJECT_PRONOUNS } from './event-lexicon.ts';

/** Whether the word before word `k` (in its sentence) leads a noun. */
export function afterNounLead(doc: EventDocument, k: number): boolean {
  const previous = doc.index.words[k - 1];
  if (!previous || previous.sentence !== doc.index.words[k]!.sentence) return false;
  return NOUN_LEADS.has(previous.lower) || previous.possessive || /^\d/.test(previous.text);
}

/** Whether the word before word `k` (in its sentence) leads a verb. */
export function afterVerbLead(doc: EventDocument, k: number): boolean {
  const previous = doc.index.words[k - 1];
  if (!previous || previous.sentence !== doc.index.words[k]!.sentence) return false;
  if (AUXILIARIES.has(previous.lower) || SUBJECT_PRONOUNS.has(previous.lower) || /^\p{Ll}+ly$/u.test(previous.text)) return true;
  return doc.mentions.endingAt(k - 1)?.named === true;
}
