// A short human label for a story: its most characteristic entities, then terms, from the
// heaviest features of its centroid ("Wladimir Klitschko, Tony Thompson, Bern: heavyweight, round").
import { LABEL_ENTITIES, LABEL_TERMS } from './story-settings.ts';
import type { Centroid } from './story-vectors.ts';
import { stemWord } from './article-profile.ts';

/** The label of a centroid; `names` maps entity keys to display names. "" when the centroid has no entity or term. */
export function storyLabel(centroid: Centroid, names: ReadonlyMap<string, string>): string {
  const entities: string[] = [];
  const entityWords = new Set<string>();
  for (const [k] of centroid) {
    if (entities.length >= LABEL_ENTITIES) break;
    if (!k.startsWith('e:')) continue;
    const words = k.slice(2).split(' ');
    // "Klitschko" after "Wladimir Klitschko" says nothing new.
    if (words.every((w) => entityWords.has(w))) continue;
    entities.push(names.get(k) ?? k.slice(2));
    // Terms are stemmed: "siemen" is the word of "Siemens".
    for (const w of words) entityWords.add(w).add(stemWord(w));
  }
  const terms: string[] = [];
  const termWords = new Set<string>();
  for (const [k] of centroid) {
    if (terms.length >= LABEL_TERMS) break;
    // Single words: a pair ("arsenal beat") reads as a fragment more often than as a phrase.
    if (!k.startsWith('w:')) continue;
    const word = k.slice(2);
    if (entityWords.has(word) || termWords.has(word)) continue;
    terms.push(word);
    termWords.add(word);
  }
  if (entities.length === 0) return terms.join(', ');
  return terms.length === 0 ? entities.join(', ') : `${entities.join(', ')}: ${terms.join(', ')}`;
}
