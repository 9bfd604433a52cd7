// Refiner input: does the text say that an entity the tagger took for a person is one? News
// introduces people with a given name, a title, an honorific, an age or a describing appositive;
// a capitalised word or pair with none of these is, in news, mostly a company or a group that the
// tagger has not seen ("Boeing", "Aer Lingus", "Ryanair": its training text is mostly about people).
import type { Span } from '../../model/span.ts';
import givenNames from './data/given-names.json' with { type: 'json' };
import personNames from './data/person-names.json' with { type: 'json' };
import personNouns from './data/person-nouns.json' with { type: 'json' };
import { isTitleWord } from './gazetteer.ts';

const GIVEN = new Set([...givenNames.names, ...personNames.female, ...personNames.male]);
const HONORIFIC_BEFORE = /\b(?:Mr|Mrs|Ms|Mx|Dr|Sir|Dame|Lady|Lord|Rev|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt)\.?\s+$/;
const AGE_AFTER = /^,\s*\d{1,3}\s*,/;
const APPOSITIVE_AFTER = new RegExp(
  `^,\\s+(?:(?:a|an|the|his|her|their)\\s+)?(?:[\\p{L}\\d-]+\\s+){0,3}(?:${personNouns.nouns.join('|')})\\b`,
  'iu',
);

const ROLE_BEFORE = /([\p{L}-]+)\s*,\s*$/u;
const APPOSITIVE_WORDS = /^,\s+((?:[\p{L}’'.-]+\s+){0,4}[\p{L}-]+)\s*[,.;]/u;

const COMMON_GIVEN = new Set([...personNames.female, ...personNames.male]);

/** True when the name's first word is a common given name ("Steve Jobs"; not the rare "Northrop" of the long lists). */
export function opensWithCommonGivenName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length >= 2 && COMMON_GIVEN.has(words[0]!.toLowerCase());
}

/** True when some mention of the entity comes with a sign that it names a person. */
export function hasPersonEvidence(text: string, mentions: readonly Span[]): boolean {
  for (const m of mentions) {
    const words = text.slice(m.start, m.end).split(/\s+/);
    if (words.length >= 2 && GIVEN.has(words[0]!.toLowerCase().replace(/[.’']$/, ''))) return true;
    if (HONORIFIC_BEFORE.test(text.slice(Math.max(0, m.start - 8), m.start))) return true;
    const after = text.slice(m.end, m.end + 60);
    if (AGE_AFTER.test(after) || APPOSITIVE_AFTER.test(after)) return true;
    // A role right before the name and a comma ("The Front's spokesman, Arvid Solenne"), or in an
    // appositive right after it ("Mirela Dovan, Kestria's chief negotiator,").
    const roleBefore = ROLE_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (roleBefore && isTitleWord(roleBefore[1]!)) return true;
    const appositive = APPOSITIVE_WORDS.exec(after);
    if (appositive && appositive[1]!.split(/\s+/).some((w) => isTitleWord(w.replace(/[’']s$/, '')))) return true;
  }
  return false;
}
