// Helpers that read noun phrases without a parser, over the word index: the modifiers before a noun
// trigger ("the direct talks", "a cross-border attack", "Trump’s nominee", "the Israel-Hamas
// ceasefire"), and the heads of the noun phrase after a word ("for Israeli Prime Minister Benjamin
// Netanyahu and his former Defense Minister Yoav Gallant" -> two heads). A head is the entity mention
// that ends a conjunct, or, when the conjunct ends in a group noun, the named entity that modifies
// it ("Hamas officials" -> Hamas, "Palestinian prisoners" -> Palestinians).
import type { EventDocument } from './event-document.ts';
import { isQuoteMark } from './event-document.ts';
import type { MentionRef } from './mention-lookup.ts';
import { AUXILIARIES, DETERMINERS, GROUP_NOUNS, LIGHT_VERBS, QUANTITY_LEADS, STOP_WORDS, isPastForm } from './event-lexicon.ts';

/** How many modifier words may stand before a noun trigger ("very sensitive", "his former"). */
const MAX_MODIFIERS = 5;
/** How many words a noun phrase read after a trigger may have. */
const MAX_PHRASE_WORDS = 25;

/** The modifiers of a noun at word `first`: words `[start, first)`, and the possessor ("Trump" in "Trump’s nominee"), if any. */
export interface Premodifiers {
  start: number;
  /** The word right before the modifiers (a light verb, a preposition, a verb), or -1. */
  lead: number;
  possessor: MentionRef | null;
}

/**
 * Walks back from a noun over its modifiers: lower-case words that are neither auxiliaries, light
 * verbs nor clause or preposition words, names ("Gaza", "Israel-Hamas"), quotation marks, numbers,
 * up to and including a determiner or a possessive. Stops at `from` (the clause start).
 */
export function premodifiers(doc: EventDocument, first: number, from: number): Premodifiers {
  const { words } = doc.index;
  let k = first - 1;
  let possessor: MentionRef | null = null;
  let count = 0;
  while (k >= from && count < MAX_MODIFIERS) {
    const w = words[k]!;
    if (w.possessive) {
      possessor = doc.mentions.endingAt(k - 1);
      k -= 2;
      break;
    }
    if (DETERMINERS.has(w.lower)) {
      k--;
      break;
    }
    if (isQuoteMark(w.text)) {
      k--;
      continue;
    }
    if (!w.alpha || STOP_WORDS.has(w.lower) || AUXILIARIES.has(w.lower) || LIGHT_VERBS.has(w.lower) || w.lower === 'and' || w.lower === 'of') break;
    k--;
    count++;
  }
  return { start: k + 1, lead: k >= from ? k : -1, possessor };
}

/** The heads of a noun phrase read from word `k` up to (not including) word `to`, and the word where it stopped. */
export function phraseHeads(doc: EventDocument, k: number, to: number): { heads: MentionRef[]; end: number } {
  const { words } = doc.index;
  const heads: MentionRef[] = [];
  let start = k;
  let j = k;
  const limit = Math.min(to, k + MAX_PHRASE_WORDS);
  // Closes the conjunct [start, end): false when it has no head, which ends the phrase
  // ("Palestinians, most of them women and children" stops after "Palestinians").
  const close = (end: number): boolean => {
    let last = end - 1;
    while (last >= start && (!words[last]!.alpha || isQuoteMark(words[last]!.text))) last--;
    if (last < start) return true;
    const head = conjunctHead(doc, start, last);
    if (head) heads.push(head);
    return head !== null;
  };
  for (; j < limit; j++) {
    const w = words[j]!;
    if (w.text === ',' || w.lower === 'and' || w.lower === 'or') {
      if (!close(j)) return { heads, end: j };
      start = j + 1;
      continue;
    }
    if (isQuoteMark(w.text) || w.possessive || w.text === '.' || w.text === '-') continue;
    // "over 59,000 Palestinians", "at least 35 others": a hedge before a number is no preposition.
    if (QUANTITY_LEADS.has(w.lower) && quantityFollows(doc, j)) continue;
    if (STOP_WORDS.has(w.lower) || !w.alpha) break;
    // "mediated by Qatar and Egypt resumed talks": a past-tense verb ends the phrase ("the killed" aside).
    if (!w.capital && isPastForm(w.lower) && !DETERMINERS.has(words[j - 1]?.lower ?? '')) break;
  }
  close(j);
  return { heads, end: j };
}

/** The entity a conjunct `[start, last]` names: the mention ending it, or the named modifier of a group noun ending it. */
function conjunctHead(doc: EventDocument, start: number, last: number): MentionRef | null {
  const { words } = doc.index;
  const m = doc.mentions.endingAt(last);
  if (m && m.start >= words[start]!.start) return m;
  if (!GROUP_NOUNS.has(words[last]!.lower)) return null;
  const inside = doc.mentions.inside(words[start]!.start, words[last]!.start).filter((x) => x.named && x.type !== 'PERSON' && x.type !== 'LOC');
  return inside[inside.length - 1] ?? null;
}

/** Whether a noun phrase can start at word `j`: a word that is no clause or preposition word, or a hedge before a number ("killed over 59,000 Palestinians"). */
export function startsPhrase(doc: EventDocument, j: number): boolean {
  const w = doc.index.words[j];
  if (!w || !w.alpha) return false;
  return !STOP_WORDS.has(w.lower) || (QUANTITY_LEADS.has(w.lower) && quantityFollows(doc, j));
}

/** Whether a number comes within the next three words ("over 59,000", "at least 35", "more than 1,200"). */
function quantityFollows(doc: EventDocument, j: number): boolean {
  const { words } = doc.index;
  for (let k = j + 1; k <= j + 3 && k < words.length; k++) {
    if (/^\d/.test(words[k]!.text)) return true;
    if (!QUANTITY_LEADS.has(words[k]!.lower)) return false;
  }
  return false;
}
