// Finder, second round: further mentions of names the article has already introduced, which the
// tagger missed ("Leavitt" in a sentence it tagged nothing in, "Hamas" inside "Israel-Hamas").
// Matches are exact (case included), so the verb "trump" is never Trump. One pass over the words.
import type { Candidate } from './mention-candidate.ts';
import { wordRange, type WordIndex } from './word-index.ts';
import { wordsOf } from './entity-grouping.ts';
import { isModelCode } from './model-code.ts';

/** A further mention of the entity at `group` (an index into the groups given). */
export interface SweptMention extends Candidate {
  group: number;
}

const normalise = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

/** Mentions of the groups' names that no group holds yet, none overlapping a known mention. */
export function sweepMentions(index: WordIndex, groups: readonly (readonly Candidate[])[]): SweptMention[] {
  const { text, words } = index;
  const variants = new Map<string, number>();
  const ambiguous = new Set<string>();
  const claim = (name: string, g: number) => {
    const key = normalise(name);
    const owner = variants.get(key);
    if (owner !== undefined && owner !== g) ambiguous.add(key);
    else variants.set(key, g);
  };
  let longest = 1;
  const covered = new Uint8Array(words.length);
  groups.forEach((group, g) => {
    const person = group.some((m) => m.type === 'PERSON');
    for (const m of group) {
      const name = text.slice(m.start, m.end);
      claim(name, g);
      const parts = wordsOf(text, m);
      longest = Math.max(longest, parts.length);
      if (person && parts.length > 1) claim(parts[parts.length - 1]!, g);
      const range = wordRange(index, m);
      if (range) for (let k = range.first; k <= range.last; k++) covered[k] = 1;
    }
  });
  for (const key of ambiguous) variants.delete(key);

  const out: SweptMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (covered[i] || !w.alpha || !/^\p{Lu}/u.test(w.text)) continue;
    let found = false;
    for (let n = Math.min(longest, words.length - i); n >= 1 && !found; n--) {
      const last = words[i + n - 1]!;
      if (last.sentence !== w.sentence || covered[i + n - 1]) continue;
      const g = variants.get(normalise(text.slice(w.start, last.end)));
      if (g === undefined) continue;
      // The next word must not continue the name: "Trump" is not a mention inside "Trump Tower".
      const next = words[i + n];
      if (next && next.capital && next.alpha && next.sentence === w.sentence && next.start === last.end + 1) continue;
      // Nor a maker's name in a product's: "Airbus" in "Airbus A380".
      if (next && next.sentence === w.sentence && next.start === last.end + 1 && isModelCode(next.text)) continue;
      out.push({ start: w.start, end: last.end, type: groups[g]![0]!.type, source: 'sweep', group: g });
      i += n - 1;
      found = true;
    }
    if (!found && w.text.includes('-')) {
      let at = 0;
      for (const part of w.text.split('-')) {
        const g = variants.get(part);
        if (g !== undefined) out.push({ start: w.start + at, end: w.start + at + part.length, type: groups[g]![0]!.type, source: 'sweep', group: g });
        at += part.length + 1;
      }
    }
  }
  return out;
}
