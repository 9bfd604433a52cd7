// Finder: places, nationalities and organisations the gazetteer lists ("Hamas", "Doha", "Israeli",
// "International Court of Justice"), including the parts of hyphenated compounds ("Israel-Hamas
// ceasefire" mentions Israel and Hamas), and capitalised names ending in an organisation head
// ("Israeli Cabinet", "Foreign Ministry") that the lists do not hold.
import { byPosition, type Candidate } from './mention-candidate.ts';
import type { WordIndex } from './word-index.ts';
import { gazetteerMatches, gazetteerTypeOf, isListedName } from './gazetteer.ts';

/** Gazetteer mentions of the indexed text, sentence by sentence, none overlapping. */
export function findGazetteerMentions(index: WordIndex): Candidate[] {
  const { words, sentenceFirstWord } = index;
  const out: Candidate[] = [];
  for (let s = 0; s < sentenceFirstWord.length; s++) {
    const from = sentenceFirstWord[s]!;
    const to = s + 1 < sentenceFirstWord.length ? sentenceFirstWord[s + 1]! : words.length;
    if (to <= from) continue;
    const texts: string[] = [];
    for (let i = from; i < to; i++) texts.push(words[i]!.text);
    const covered = new Array<boolean>(to - from).fill(false);
    for (const m of gazetteerMatches(texts)) {
      const first = words[from + m.start]!;
      const last = words[from + m.end - 1]!;
      // A listed name that is only a piece of a hyphenated word ("Gaza-based") is taken below, part by part.
      out.push({ start: first.start, end: last.end, type: m.type, source: 'gazetteer' });
      for (let k = m.start; k < m.end; k++) covered[k] = true;
    }
    for (let i = from; i < to; i++) {
      const w = words[i]!;
      if (covered[i - from] || !w.alpha || !w.text.includes('-')) continue;
      findHyphenParts(w.text, w.start, out);
    }
    findOrganisationRuns(index, from, to, covered, out);
  }
  return out.sort(byPosition);
}

function findHyphenParts(text: string, offset: number, out: Candidate[]): void {
  let at = 0;
  for (const part of text.split('-')) {
    // "al-Qaeda" and "Jean-Pierre" are single names: only capitalised parts that are listed count.
    if (/^\p{Lu}/u.test(part)) {
      const type = gazetteerTypeOf(part);
      if (type) out.push({ start: offset + at, end: offset + at + part.length, type, source: 'gazetteer' });
    }
    at += part.length + 1;
  }
}

/** Capitalised runs ("Israeli Cabinet", "Ministry of Health") the gazetteer's organisation patterns accept. */
function findOrganisationRuns(index: WordIndex, from: number, to: number, covered: boolean[], out: Candidate[]): void {
  const { words } = index;
  let i = from;
  while (i < to) {
    const w = words[i]!;
    if (!w.capital || !w.alpha) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < to) {
      const next = words[j + 1]!;
      if (next.capital && next.alpha) j++;
      else if (/^(of|for|and)$/.test(next.text) && j + 2 < to && words[j + 2]!.capital) j += 2;
      else break;
    }
    if (j > i && !covered.slice(i - from, j - from + 1).every(Boolean)) {
      // The longest suffix that names an organisation: "Israeli Cabinet" in "Israeli Cabinet".
      for (let k = i; k < j; k++) {
        if (words[k]!.text === 'of' || words[k]!.text === 'for' || words[k]!.text === 'and') continue;
        const phrase = index.text.slice(words[k]!.start, words[j]!.end);
        // A run across "and" is two names more often than one ("Kestria and Ridgeline Front"):
        // take the part after it, unless the gazetteer lists the whole.
        if (/ and /.test(phrase) && !isListedName(phrase)) continue;
        if (gazetteerTypeOf(phrase) === 'ORG') {
          out.push({ start: words[k]!.start, end: words[j]!.end, type: 'ORG', source: 'gazetteer' });
          break;
        }
      }
    }
    i = j + 1;
  }
}
