// Refiner: drops triggers their context rules out, by the filters of data/event-triggers.json:
// "strike a balance", "heart attack", "in exchange for", "plans to", "did not offer", "demands were
// met", a "case" that is no court case. Filters are looked up by the trigger's lemma (verbs) or
// written form (nouns), so that "strike" the verb and "strike" the noun share theirs.
import type { EventDocument } from './event-document.ts';
import { BE_FORMS, DETERMINERS, FILTERS, type TriggerFilter } from './event-lexicon.ts';
import { afterNounLead, afterVerbLead } from './word-position.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';

/** How many words after a trigger are read for a ruled-out object ("strike a fine balance"). */
const OBJECT_WINDOW = 3;

/** The candidates their context does not rule out. */
export function filterTriggers(doc: EventDocument, candidates: readonly TriggerCandidate[]): TriggerCandidate[] {
  return candidates.filter((c) => {
    const written = doc.index.words[c.first]!.lower;
    const filters = [FILTERS.get(c.lemma), written !== c.lemma ? FILTERS.get(written) : undefined].filter((f): f is TriggerFilter => f !== undefined);
    return filters.every((f) => passes(doc, c, f));
  });
}

function passes(doc: EventDocument, c: TriggerCandidate, f: TriggerFilter): boolean {
  const { words } = doc.index;
  const sentence = c.sentence;
  const at = (k: number) => (words[k] && words[k]!.sentence === sentence ? words[k]!.lower : '');
  const before = at(c.first - 1);
  const after = at(c.last + 1);
  if (f.notBefore?.has(before) || f.notAfter?.has(after)) return false;
  // Where both are given, either suffices ("genocide case", "a case against").
  const required = [f.requiresBefore?.has(before), f.requiresAfter?.has(after)].filter((x) => x !== undefined);
  if (required.length > 0 && !required.some(Boolean)) return false;
  if (f.notObjects) {
    for (let k = c.last + 1, n = 0; n < OBJECT_WINDOW && at(k) !== ''; k++) {
      const word = at(k);
      if (f.notObjects.has(word)) return false;
      if (!DETERMINERS.has(word)) n++;
    }
  }
  if (f.nounOnly && !afterNounLead(doc, c.first) && afterVerbLead(doc, c.first)) return false;
  if (f.notPassive) {
    let k = c.first - 1;
    while (k >= 0 && /^\p{Ll}+ly$/u.test(words[k]!.text)) k--;
    if (BE_FORMS.has(at(k))) return false;
  }
  return true;
}
