// Finder: titles and roles the text states for a person, kept out of the name. Two patterns:
//   before the name:  "White House press secretary | Karoline Leavitt", "his former Defense Minister | Yoav Gallant",
//                     "Secretary of State | Marco Rubio"
//   before a comma:   "The Front’s spokesman, | Arvid Solenne, said"
//   an appositive:    "Steve Witkoff, US President Donald Trump’s | special envoy for the Middle East, …",
//                     "Adam Boehler, Trump’s | nominee to be special envoy for hostage affairs, …"
import type { Span } from '../../model/span.ts';
import { wordRange, type Word, type WordIndex } from './word-index.ts';
import { isTitleHead, isTitleLeadIn } from './title-lexicon.ts';
import { isCalendarWord, isFunctionWord } from './word-classes.ts';

const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their']);
const APPOSITIVE_ENDS = new Set([',', '—', '–', ';', '(', ')', '"', '“', '”']);
const MAX_APPOSITIVE_WORDS = 14;

/** The titles the text states for the person named at `mention` (a name span, titles excluded). */
export function findTitles(index: WordIndex, mention: Span, isOtherName: (word: number) => boolean): string[] {
  const range = wordRange(index, mention);
  if (!range) return [];
  const titles: string[] = [];
  const before = titleBefore(index, range.first, isOtherName) ?? titleBeforeComma(index, range.first, range.last, isOtherName);
  if (before) titles.push(before);
  const after = appositiveTitle(index, range.last);
  if (after) titles.push(after);
  return titles;
}

/** Can this word be part of a title before a name: a title word, or a capitalised word of an office or place ("White House", "Israeli", "U.S.")? */
function titleWord(w: Word, i: number, isOtherName: (word: number) => boolean): boolean {
  if (!w.alpha || isOtherName(i)) return false;
  if (w.capital && isCalendarWord(w.lower.replace(/\.$/, ''))) return false;
  if (w.initial && isFunctionWord(w.lower) && !w.allCaps) return false;
  return w.titlePart || w.capital;
}

function titleBefore(index: WordIndex, first: number, isOtherName: (word: number) => boolean): string | null {
  const { words } = index;
  const sentence = words[first]!.sentence;
  const inSentence = (k: number) => k >= 0 && words[k]!.sentence === sentence;
  let head = first - 1;
  if (!inSentence(head)) return null;
  if (!isTitleHead(words[head]!.text) || words[head]!.allCaps) {
    // "Secretary of State Marco Rubio", "Minister of Foreign Affairs Ayman Safadi".
    // At least one capitalised word stands between "of" and the name: "founder of Apple" is no title of Apple.
    let k = head;
    while (inSentence(k) && head - k < 3 && words[k]!.capital && words[k]!.alpha && !isTitleHead(words[k]!.text)) k--;
    if (k === head || !inSentence(k - 1) || words[k]!.text !== 'of' || !isTitleHead(words[k - 1]!.text)) return null;
    head = k - 1;
  }
  let start = head;
  for (let k = head - 1; inSentence(k) && titleWord(words[k]!, k, isOtherName); k--) start = k;
  // An "of" phrase cannot open the title: "… of State" is kept only with its head.
  const end = first - 1;
  return index.text.slice(words[start]!.start, words[end]!.end);
}

/** "The Front's spokesman, Arvid Solenne, said": a title ending right before a comma and a name set off by commas. */
function titleBeforeComma(index: WordIndex, first: number, last: number, isOtherName: (word: number) => boolean): string | null {
  const { words } = index;
  const comma = words[first - 1];
  const head = words[first - 2];
  const after = words[last + 1];
  if (!comma || !head || comma.text !== ',' || head.sentence !== words[first]!.sentence) return null;
  if (!isTitleHead(head.text) || head.allCaps) return null;
  if (after && after.sentence === head.sentence && after.text !== ',' && after.text !== '.') return null;
  let start = first - 2;
  for (let k = start - 1; k >= 0 && words[k]!.sentence === head.sentence && !words[k]!.possessive && titleWord(words[k]!, k, isOtherName); k--) {
    if (APPOSITIVE_OPENERS.has(words[k]!.lower)) break;
    start = k;
  }
  return index.text.slice(words[start]!.start, head.end);
}

function appositiveTitle(index: WordIndex, last: number): string | null {
  const { words } = index;
  const comma = words[last + 1];
  if (!comma || comma.text !== ',' || comma.sentence !== words[last]!.sentence) return null;
  const sentence = comma.sentence;
  let end = last + 2;
  while (end < words.length && words[end]!.sentence === sentence && !APPOSITIVE_ENDS.has(words[end]!.text)) end++;
  const closedByComma = end < words.length && words[end]!.sentence === sentence && (words[end]!.text === ',' || words[end]!.text === '—' || words[end]!.text === '–');
  const endsSentence = end >= words.length || words[end]!.sentence !== sentence;
  if (!closedByComma && !endsSentence) return null;
  let segmentEnd = end - 1;
  while (segmentEnd > last + 1 && !words[segmentEnd]!.alpha) segmentEnd--;
  if (segmentEnd - (last + 2) + 1 > MAX_APPOSITIVE_WORDS || segmentEnd < last + 2) return null;
  // The title starts after the last possessive ("US President Donald Trump’s | special envoy") or the determiner.
  let start = last + 2;
  for (let k = start; k <= segmentEnd; k++) if (words[k]!.possessive) start = k + 1;
  if (start <= segmentEnd && APPOSITIVE_OPENERS.has(words[start]!.lower)) start++;
  if (start > segmentEnd) return null;
  // From there: title words or capitalised words up to a head ("special envoy", "White House spokeswoman", "nominee").
  for (let k = start; k <= segmentEnd; k++) {
    const w = words[k]!;
    if (isTitleHead(w.text) || isTitleLeadIn(w.text)) return index.text.slice(words[start]!.start, words[segmentEnd]!.end);
    if (!w.alpha || !(w.titlePart || (w.capital && !isFunctionWord(w.lower)))) return null;
  }
  return null;
}
