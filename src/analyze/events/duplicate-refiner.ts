// Refiner: one event per thing that happened, where the text names it with several trigger words.
//   "ceasefire talks", "ceasefire proposal": a noun compound is one event of its head's type; a weak
//     head takes the type of the trigger before it ("hostage release deal" is a release).
//   "talks and discussions": two nouns of one type joined by "and" are one event; the phrase runs on
//     to the second (what follows it is read for participants).
//   "released a statement", "announced a ceasefire": a verb trigger that is only the light verb of a
//     noun trigger after it gives way to the noun's event.
import type { EventDocument } from './event-document.ts';
import { LIGHT_VERBS, WEAK_HEADS } from './event-lexicon.ts';
import { premodifiers } from './noun-phrase.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';

/** The candidates (in text order) with compounds, coordinations and light verbs merged. */
export function mergeDuplicates(doc: EventDocument, candidates: readonly TriggerCandidate[]): TriggerCandidate[] {
  const { words } = doc.index;
  const out: TriggerCandidate[] = [];
  for (const c of candidates) {
    const previous = out[out.length - 1];
    if (previous && previous.sentence === c.sentence && previous.form === 'noun' && c.form === 'noun') {
      if (previous.last + 1 === c.first) {
        const weak = WEAK_HEADS.has(words[c.last]!.lower);
        out[out.length - 1] = { ...c, type: weak ? previous.type : c.type, first: previous.first, lemma: weak ? previous.lemma : c.lemma };
        continue;
      }
      if (previous.type === c.type && previous.reach + 2 === c.first && /^(?:and|or)$/.test(words[c.first - 1]!.lower)) {
        out[out.length - 1] = { ...previous, reach: c.last };
        continue;
      }
    }
    if (c.form === 'noun') {
      const lead = premodifiers(doc, c.first, doc.index.sentenceFirstWord[c.sentence]!).lead;
      const light = previous && previous.form !== 'noun' && previous.last === lead && LIGHT_VERBS.has(words[lead]!.lower);
      if (light) out.pop();
    }
    out.push(c);
  }
  return out;
}
