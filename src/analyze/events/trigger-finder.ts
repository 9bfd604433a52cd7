// Finder: trigger words and phrases in every sentence, read off the word index. Multiword triggers
// ("arrest warrants", "shot dead") are matched first and take their words. A word that is both a
// noun and a verb ("attack", "meeting", "strikes") is read as a noun after a determiner, possessive,
// number or listed modifier, as a verb after an auxiliary, a pronoun or a name. Capitalised words
// inside a sentence are parts of names ("the James Brady Press Briefing Room"), never triggers.
import type { EventDocument } from './event-document.ts';
import { TRIGGER_PHRASES, TRIGGER_WORDS, type TriggerReading } from './event-lexicon.ts';
import { afterNounLead, afterVerbLead } from './word-position.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';

/** Every trigger of the document, in text order, none overlapping. */
export function findTriggers(doc: EventDocument): TriggerCandidate[] {
  const { words } = doc.index;
  const out: TriggerCandidate[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.alpha || (w.capital && !w.initial)) continue;
    const phrase = TRIGGER_PHRASES.get(w.lower)?.find((p) => p.words.every((part, k) => words[i + k]?.lower === part && words[i + k]!.sentence === w.sentence));
    if (phrase) {
      const last = i + phrase.words.length - 1;
      if (!doc.mentions.overlapsName(w.start, words[last]!.end)) out.push({ type: phrase.type, first: i, last, reach: last, form: phrase.form, lemma: phrase.words.join(' '), sentence: w.sentence });
      i = last;
      continue;
    }
    const readings = TRIGGER_WORDS.get(w.lower);
    if (!readings || doc.mentions.overlapsName(w.start, w.end)) continue;
    const reading = chooseReading(doc, i, readings);
    out.push({ type: reading.type, first: i, last: i, reach: i, form: reading.form, lemma: reading.lemma, sentence: w.sentence });
  }
  return out;
}

/** The noun or the verb reading of word `i`, by the word before it. */
function chooseReading(doc: EventDocument, i: number, readings: readonly TriggerReading[]): TriggerReading {
  const noun = readings.find((r) => r.form === 'noun');
  const verb = readings.find((r) => r.form !== 'noun');
  if (!noun || !verb) return (noun ?? verb)!;
  const previous = doc.index.words[i - 1];
  if (!previous || previous.sentence !== doc.index.words[i]!.sentence) return verb.form === 'ing' ? noun : verb;
  if (afterNounLead(doc, i)) return noun;
  if (afterVerbLead(doc, i)) return verb;
  // After anything else ("a cross-border attack", "Israeli airstrikes") a base or -s form is a noun more
  // often than a verb; an -ing form stays a verb ("…, killing three").
  return verb.form === 'ing' ? verb : noun;
}
