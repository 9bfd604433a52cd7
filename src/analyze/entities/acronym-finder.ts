// Finder: acronyms the text defines in parentheses, "the International Criminal Court (ICC)":
// the long form and the acronym become candidates, the acronym linked to the long form so that
// grouping puts them in one entity.
import type { Candidate } from './mention-candidate.ts';
import type { WordIndex } from './word-index.ts';

const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', '&']);

/** Long forms and their acronyms defined as "Long Form Name (LFN)". */
export function findAcronyms(index: WordIndex): Candidate[] {
  const { words } = index;
  const out: Candidate[] = [];
  for (let i = 2; i + 2 < words.length; i++) {
    const open = words[i]!;
    const acronym = words[i + 1]!;
    if (open.text !== '(' || words[i + 2]!.text !== ')' || !acronym.allCaps) continue;
    const letters = acronym.text.replace(/[^\p{L}]/gu, '');
    if (letters.length < 2 || letters.length > 8) continue;
    const long = longFormBefore(index, i, letters);
    if (!long) continue;
    const expands = { start: long.start, end: long.end };
    out.push({ ...expands, type: null, source: 'acronym' });
    out.push({ start: acronym.start, end: acronym.end, type: null, source: 'acronym', expands });
  }
  return out;
}

/** The capitalised words right before word `open` whose initials spell `letters` (connectors may be skipped or counted). */
function longFormBefore(index: WordIndex, open: number, letters: string): { start: number; end: number } | null {
  const { words } = index;
  const last = open - 1;
  if (!words[last]?.capital) return null;
  const sentence = words[last]!.sentence;
  let initials = '';
  for (let k = last; k >= 0 && last - k < 12; k--) {
    const w = words[k]!;
    if (w.sentence !== sentence || !w.alpha) return null;
    if (CONNECTORS.has(w.text)) continue;
    if (!w.capital) return null;
    initials = w.text[0]! + initials;
    if (initials.length === letters.length) {
      return initials.toUpperCase() === letters.toUpperCase() ? { start: w.start, end: words[last]!.end } : null;
    }
  }
  return null;
}
