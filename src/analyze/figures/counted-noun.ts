// Finder: what a figure counts, in the text's own words. After the number and its unit, the noun
// phrase up to its first plural noun ("about 24 living hostages", "7 European countries"), or
// after "of" ("60% of the uaw workers", "one of the students"); a pronoun or "others" there
// ("half of them", "at least 35 others") is an anaphor the fraction resolver follows back. Before
// the number, "X of" names what an anaphoric number counts ("the bodies of at least 35 others").
import type { Span } from '../../model/span.ts';
import abbreviations from '../sentences/abbreviations.json' with { type: 'json' };
import { ADDITIVE, ANAPHORIC_HEADS, ANAPHORIC_PRONOUNS, DENOMINATORS, IRREGULAR_PLURALS, NOT_COUNTED, ONES, PERSON_NOUNS, PREDICATE_VERBS, SCALES, STOP_WORDS, TENS, VAGUE } from './figure-lexicon.ts';

/** The counted noun phrase of a figure, or the anaphor standing for it. */
export interface Counted extends Span {
  /** The counted words ("living hostages"), or the anaphor itself ("them", "others"). */
  text: string;
  /** True when `text` points back to something counted before ("them", "others"). */
  anaphoric: boolean;
  /** After an anaphoric "of them": the predicate that says which of them ("being dead"). */
  predicate: string | null;
}

interface Word extends Span {
  text: string;
  lower: string;
  /** Written with a possessive ending ("Clinton’s"): it names an owner, not what is counted. */
  possessive: boolean;
}

const GAP = /[ \t\u00a0]+/y;
const WORD = /[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*/uy;
const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'this', 'that', 'these', 'those', 'a', 'an', 'all']);
const MAX_WORDS = 4;
/** Titles written with a period before a name ("Mr.", "Gen."): the period does not end the phrase. */
const TITLE_ABBREVIATIONS = new Set(abbreviations.titles);

/** Up to `limit` words from `at`, separated by spaces only; stops at punctuation, digits or a line break. */
function wordsFrom(text: string, at: number, to: number, limit: number): Word[] {
  const out: Word[] = [];
  let i = at;
  while (out.length < limit && i < to) {
    GAP.lastIndex = i;
    if (!GAP.exec(text) && out.length > 0) break;
    const start = GAP.lastIndex > i ? GAP.lastIndex : i;
    WORD.lastIndex = start;
    const w = WORD.exec(text);
    if (!w || WORD.lastIndex > to) break;
    let end = WORD.lastIndex;
    let word = w[0];
    // "Palestinians’ homes", "Clinton’s donors": the possessive ending is no part of the word.
    const possessive = /['’]s?$/.exec(word);
    if (possessive) {
      word = word.slice(0, possessive.index);
      end -= possessive[0].length;
    }
    if (word === '') break;
    const lower = word.toLowerCase();
    // "one of Mr. Obama's climate advisers": a title is part of the owner's name.
    const title = !possessive && text[end] === '.' && TITLE_ABBREVIATIONS.has(lower);
    out.push({ start, end, text: word, lower, possessive: possessive !== null || title });
    i = title ? end + 1 : WORD.lastIndex;
  }
  return out;
}

/** A plural noun by its form ("hostages", "countries") or one of the irregular plurals ("people", "dead"). */
export function looksPlural(lower: string): boolean {
  return IRREGULAR_PLURALS.has(lower) || (lower.length > 3 && /[^su'’]s$/.test(lower) && !/(?:ss|us|is)$/.test(lower));
}

/** True when a counted head noun counts people ("hostages", "Palestinians", "bodies"). */
export function countsPeople(head: string): boolean {
  const lower = head.toLowerCase();
  if (PERSON_NOUNS.has(lower)) return true;
  // Plural nationality words: "Palestinians", "Israelis", "Americans".
  return /^\p{Lu}/u.test(head) && /(?:ians|ans|is|ese)$/.test(lower) && lower.length > 4;
}

const VAGUE_WORDS = new Set(VAGUE.map((v) => v.phrase.split(' ', 1)[0]!));
const isNumberWord = (lower: string) => ONES.has(lower) || TENS.has(lower) || SCALES.has(lower) || DENOMINATORS.has(lower) || VAGUE_WORDS.has(lower);

/** The noun phrase from word `k`: words up to and including the first plural, never a function word. */
function nounPhrase(words: readonly Word[], k: number, afterDeterminer = false): Word[] {
  const phrase: Word[] = [];
  for (let j = k; j < words.length && phrase.length < MAX_WORDS; j++) {
    const w = words[j]!;
    // "US" is a country, not the pronoun "us"; "four-cylinder" starts another figure.
    if ((STOP_WORDS.has(w.lower) && !(w.text.length > 1 && w.text === w.text.toUpperCase())) || isNumberWord(w.lower.split('-', 1)[0]!) || /n['’]t$/.test(w.lower) || w.text.length < 2) break;
    if (looksPlural(w.lower)) return [...phrase, w];
    // "24 percent of Hillary Clinton’s contributors": an owner before the counted noun is left out.
    if (w.possessive) {
      phrase.length = 0;
      continue;
    }
    phrase.push(w);
  }
  // Without a plural the phrase is a singular noun with its modifiers ("3 cylinder engine", "one
  // solution"): kept short, and never ending in a verb form ("around 73 raising the prospect").
  // After a determiner a participle is the noun ("of those screened", "of the injured").
  const kept = phrase.slice(0, 2);
  while (!afterDeterminer && kept.length > 0 && /(?:ing|ed)$/.test(kept[kept.length - 1]!.lower)) kept.pop();
  return kept;
}

/** What the number ending at `at` counts, read from the words after it (up to `to`), or null. */
export function countedAfter(text: string, at: number, to: number): Counted | null {
  // "four-cylinder engine": the noun may be glued to the number by a hyphen.
  if ((text[at] === '-' || text[at] === '‐') && /\p{L}/u.test(text[at + 1] ?? '')) at++;
  const words = wordsFrom(text, at, to, MAX_WORDS + 3);
  const first = words[0];
  if (!first) return null;
  if (first.lower === 'of') {
    let k = 1;
    const next = words[k];
    if (!next) return null;
    if (ANAPHORIC_PRONOUNS.has(next.lower) && !(DETERMINERS.has(next.lower) && words[k + 1] && !STOP_WORDS.has(words[k + 1]!.lower))) {
      return { start: first.start, end: next.end, text: next.lower, anaphoric: true, predicate: predicateAfter(words, k + 1) };
    }
    const determiner = DETERMINERS.has(next.lower);
    if (determiner) k++;
    const phrase = nounPhrase(words, k, determiner);
    const last = phrase[phrase.length - 1];
    if (!last) return null;
    return { start: first.start, end: last.end, text: text.slice(phrase[0]!.start, last.end), anaphoric: false, predicate: null };
  }
  if (ANAPHORIC_HEADS.has(first.lower)) return { start: first.start, end: first.end, text: first.lower, anaphoric: true, predicate: null };
  if (ADDITIVE.has(first.lower)) {
    // "eight more picks", "three other cases": the noun after says what is counted.
    const phrase = nounPhrase(words, 1);
    const last = phrase[phrase.length - 1];
    return last ? { start: first.start, end: last.end, text: text.slice(first.start, last.end), anaphoric: false, predicate: null } : null;
  }
  // "half its remaining hostages", "half the population": a fraction reads through a determiner.
  const phrase = nounPhrase(words, 0);
  const last = phrase[phrase.length - 1];
  if (!last) return null;
  return { start: first.start, end: last.end, text: text.slice(first.start, last.end), anaphoric: false, predicate: null };
}

/** After a fraction in words, the determiner before its noun ("half its hostages", "a third the size"). */
export function countedAfterDeterminer(text: string, at: number, to: number): Counted | null {
  const words = wordsFrom(text, at, to, MAX_WORDS + 2);
  const first = words[0];
  if (!first || !DETERMINERS.has(first.lower) || first.lower === 'a' || first.lower === 'an') return null;
  const phrase = nounPhrase(words, 1, true);
  const last = phrase[phrase.length - 1];
  if (!last) return null;
  return { start: first.start, end: last.end, text: text.slice(phrase[0]!.start, last.end), anaphoric: false, predicate: null };
}

/** "being dead", "were children": the predicate after an anaphoric "of them", up to four words. */
function predicateAfter(words: readonly Word[], k: number): string | null {
  const verb = words[k];
  if (!verb || !PREDICATE_VERBS.has(verb.lower)) return null;
  const taken = [verb];
  for (let j = k + 1; j < words.length && taken.length < 3; j++) {
    const w = words[j]!;
    if (['and', 'or', 'but', 'while', 'with', 'in', 'on', 'at', 'by', 'for', 'to'].includes(w.lower)) break;
    taken.push(w);
  }
  return taken.map((w) => w.text).join(' ');
}

/** "the bodies of" right before `at`: the noun an anaphoric number counts ("the bodies of at least 35 others"). */
export function countedBefore(text: string, at: number, from: number): Counted | null {
  const lead = text.slice(Math.max(from, at - 48), at);
  const m = /(?<![\p{L}])([\p{L}][\p{L}'’-]*)[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/u.exec(lead);
  if (!m) return null;
  const word = m[1]!;
  const lower = word.toLowerCase();
  if (STOP_WORDS.has(lower) || NOT_COUNTED.has(lower) || isNumberWord(lower)) return null;
  const start = at - lead.length + m.index;
  return { start, end: start + word.length, text: word, anaphoric: false, predicate: null };
}
