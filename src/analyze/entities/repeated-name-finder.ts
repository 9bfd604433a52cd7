// Finder: names the tagger has not learnt, by how the article writes them. A word the article
// capitalises in the middle of a sentence, never writes in lower case, and uses more than once is
// a name ("Apple" in "the Apple Chief Executive Officer" and in "Apple has claimed …"), even where
// it opens a sentence. Companies and groups the training text never showed are found this way;
// the type comes later (type-refiner.ts: a person only with evidence in the text).
import type { Candidate } from './mention-candidate.ts';
import type { Word, WordIndex } from './word-index.ts';
import { gazetteerTypeOf, isOrgHeadWord } from './gazetteer.ts';
import { isModelCode } from './model-code.ts';
import { isCalendarWord, isFunctionWord } from './word-classes.ts';


const DEMONYM_ENDING = /(?:ian|ean|an|ese|ish|i)$/;

/** A word that could be a name on its own: capitalised, mixed case, no title, calendar or function word, not listed. */
function nameLike(w: Word, lowerForms: ReadonlySet<string>): boolean {
  return (
    w.capital && w.alpha && !w.allCaps && !w.titlePart && !w.possessive && /^\p{Lu}\p{Ll}[\p{L}’']*$/u.test(w.text) &&
    !isFunctionWord(w.lower) && !isCalendarWord(w.lower) && !lowerForms.has(w.lower) && !isOrgHeadWord(w.text) && gazetteerTypeOf(w.text) === null
  );
}

/** One-word candidates (type unknown) at every occurrence of a word the article writes as a name at least twice, once mid-sentence. */
export function findRepeatedNames(index: WordIndex): Candidate[] {
  const { words, lowerForms } = index;
  const seen = new Map<string, { count: number; midSentence: boolean }>();
  for (const w of words) {
    if (!nameLike(w, lowerForms)) continue;
    const s = seen.get(w.text) ?? { count: 0, midSentence: false };
    s.count++;
    if (!w.initial) s.midSentence = true;
    seen.set(w.text, s);
  }
  const qualifies = (w: Word) => {
    const s = seen.get(w.text);
    return s !== undefined && s.count >= 2 && s.midSentence;
  };
  // A word shaped like a nationality ("Kestrian", "Lorvandi") that only ever stands before another
  // word is an adjective ("Kestrian officials"), not a name, even if no list knows the country.
  const asModifierOnly = new Map<string, boolean>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!DEMONYM_ENDING.test(w.text) || !seen.has(w.text)) continue;
    const next = words[i + 1];
    const modifies = next !== undefined && next.alpha && next.sentence === w.sentence && next.start === w.end + 1;
    asModifierOnly.set(w.text, (asModifierOnly.get(w.text) ?? true) && modifies);
  }
  for (const [word, modifier] of asModifierOnly) if (modifier) seen.delete(word);
  // Runs of name-like words: "Apple Computer" is one candidate, not "Apple" and "Computer".
  const runs: [number, number][] = [];
  const alone = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    if (!nameLike(words[i]!, lowerForms)) continue;
    let j = i;
    while (j + 1 < words.length && words[j + 1]!.sentence === words[i]!.sentence && words[j + 1]!.start === words[j]!.end + 1 && nameLike(words[j + 1]!, lowerForms)) j++;
    runs.push([i, j]);
    const after = words[j + 1];
    const joined = after !== undefined && after.capital && after.sentence === words[j]!.sentence && after.start === words[j]!.end + 1;
    if (i === j && !joined) alone.set(words[i]!.text, (alone.get(words[i]!.text) ?? 0) + 1);
    i = j;
  }
  const out: Candidate[] = [];
  for (const [i, j] of runs) {
    // A longer run holds a qualifying word; a single word must also stand alone twice, so that
    // "Ridgeline" in "Ridgeline villages" is not taken for a name because "Ridgeline Front" is one.
    let any = false;
    for (let k = i; k <= j; k++) if (qualifies(words[k]!)) any = true;
    if (i === j && (alone.get(words[i]!.text) ?? 0) < 2) any = false;
    // A maker's name in a product's ("Airbus A380") is no mention (see model-code.ts).
    const next = words[j + 1];
    if (next && next.start === words[j]!.end + 1 && isModelCode(next.text)) any = false;
    if (any) out.push({ start: words[i]!.start, end: words[j]!.end, type: null, source: 'repeat' });
  }
  return out;
}
