// The title words of the entity stage: the gazetteer's (isTitleWord) and ours (data/title-words.json),
// split into heads that may stand right before a name and modifiers that only precede a head.
import { isTitleWord } from './gazetteer.ts';
import data from './data/title-words.json' with { type: 'json' };

const HEADS = new Set(data.heads);
const MODIFIERS_ONLY = new Set(data.modifiersOnly);
const LEAD_INS = new Set(data.leadIns);
const FEMALE = new Set(data.female);
const MALE = new Set(data.male);

/** A word of a title: "former", "Defense", "Minister", "press", "secretary", "envoy". */
export function isTitlePart(word: string): boolean {
  const lower = word.toLowerCase();
  return isTitleWord(lower) || HEADS.has(lower) || MODIFIERS_ONLY.has(lower);
}

/** A title word that can stand right before a name ("secretary", "Minister", "envoy"), not a modifier ("former", "press") nor a plural ("officials"). */
export function isTitleHead(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.endsWith('s') && (isTitleWord(lower.slice(0, -1)) || HEADS.has(lower.slice(0, -1)))) return false;
  return (isTitleWord(lower) || HEADS.has(lower)) && !MODIFIERS_ONLY.has(lower);
}

/** A word that may open an appositive title after the possessor: "(Trump's) nominee to be special envoy". */
export function isTitleLeadIn(word: string): boolean {
  return LEAD_INS.has(word.toLowerCase());
}

/** The gender a title or honorific states ("spokeswoman", "Mr."), or null. */
export function genderOfTitle(title: string): 'female' | 'male' | null {
  let gender: 'female' | 'male' | null = null;
  for (const word of title.toLowerCase().split(/\s+/)) {
    if (FEMALE.has(word)) gender = 'female';
    else if (MALE.has(word)) gender = 'male';
  }
  return gender;
}
