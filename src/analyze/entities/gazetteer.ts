// Gazetteers for named-entity work: countries, cities, US states, regions, nationalities and
// groups, news organisations and institutions, and title words. The lists are data files in
// ./data (places.json is built by scripts/build-gazetteers.ts; hand-lists.json is written by
// hand; see data/README.md for sources and licences). Lookups are case-insensitive but a phrase
// must start with a capital letter or a digit, so "turkey" and "chad" in running text are not places.
import places from './data/places.json' with { type: 'json' };
import hand from './data/hand-lists.json' with { type: 'json' };

/** What a gazetteer phrase names: a country, city or state (GPE), another place (LOC), a nationality or group (NORP), an organisation (ORG). */
export type GazetteerType = 'GPE' | 'LOC' | 'NORP' | 'ORG';

/** A gazetteer phrase found in a token sequence: tokens `[start, end)`. */
export interface GazetteerMatch {
  start: number;
  end: number;
  type: GazetteerType;
}

/**
 * The key of a phrase: lower case, curly apostrophes straightened, white space removed, so that
 * "Washington, D.C.", the tokens "Washington" "," "D.C." and "People's" / "People" "'s" all meet.
 */
function keyOf(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, '');
}

const TYPES = new Map<string, GazetteerType>();
// Later lists win: an organisation name beats a place of the same spelling ("Hamas" is no city).
const add = (list: readonly string[], type: GazetteerType) => {
  for (const p of list) TYPES.set(keyOf(p), type);
};
add(places.demonyms, 'NORP');
add(hand.norp, 'NORP');
add(places.cities, 'GPE');
add(hand.loc, 'LOC');
add(places.countries, 'GPE');
add(hand.usStates, 'GPE');
add(hand.gpe, 'GPE');
add(hand.org, 'ORG');

// Every prefix of every key, so that a scan over tokens stops as soon as no phrase can match.
const PREFIXES = new Set<string>();
for (const k of TYPES.keys()) for (let i = 1; i <= k.length; i++) PREFIXES.add(k.slice(0, i));

const TITLES = new Set(hand.titles.map((t) => t.toLowerCase()));
const ORG_HEADS = new Set(hand.orgHeads);
const ORG_OF_HEADS = new Set(hand.orgOfHeads);

const startsCapital = (s: string) => /^[\p{Lu}\d]/u.test(s);

/**
 * The gazetteer type of a whole phrase (a string, or its tokens), or null. Beside the lists,
 * two patterns name organisations: capitalised words ending in an organisation head ("Foreign
 * Ministry", "Qatari Foreign Ministry") and "Ministry of …" / "University of …".
 * A leading "the" is ignored when the phrase with it is not listed ("the United Nations").
 */
export function gazetteerTypeOf(phrase: string | readonly string[]): GazetteerType | null {
  const text = typeof phrase === 'string' ? phrase.trim() : phrase.join(' ');
  if (!startsCapital(text) && !/^the\s/i.test(text)) return null;
  const listed = TYPES.get(keyOf(text));
  if (listed && startsCapital(text)) return listed;
  const bare = text.replace(/^the\s+/i, '');
  if (bare !== text) return startsCapital(bare) ? gazetteerTypeOf(bare) : null;
  const words = text.split(/\s+/);
  const first = words[0]!.toLowerCase();
  const last = words[words.length - 1]!;
  if (words.length >= 2 && words.every((w) => startsCapital(w) || /^(of|and|for|the|on|de|al|el|-|&)$/i.test(w))) {
    if (ORG_HEADS.has(last.toLowerCase())) return 'ORG';
    if (ORG_OF_HEADS.has(first) && words[1]!.toLowerCase() === 'of') return 'ORG';
  }
  return null;
}

/** True when the lists hold the phrase itself (not only a pattern that fits it). */
export function isListedName(phrase: string): boolean {
  return TYPES.has(keyOf(phrase.trim()));
}

/** True for a word that names a title or role before a name ("minister", "Spokeswoman", "Gen."). */
export function isTitleWord(word: string): boolean {
  return TITLES.has(word.toLowerCase());
}

/** True for a word that ends an organisation's name ("Ministry", "Party", "Corp."). */
export function isOrgHeadWord(word: string): boolean {
  return ORG_HEADS.has(word.toLowerCase());
}

/** Longest listed phrases in a token sequence, left to right, none overlapping (list lookups only, no patterns). */
export function gazetteerMatches(words: readonly string[]): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  let i = 0;
  while (i < words.length) {
    let best: GazetteerMatch | null = null;
    if (startsCapital(words[i]!)) {
      let key = '';
      for (let j = i; j < words.length && j - i < 8; j++) {
        key += keyOf(words[j]!);
        if (!PREFIXES.has(key)) break;
        const type = TYPES.get(key);
        if (type) best = { start: i, end: j + 1, type };
      }
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else i++;
  }
  return out;
}
