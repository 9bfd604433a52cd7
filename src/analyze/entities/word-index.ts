// One index of the words of a Doc, built once per document from its tokens and sentences, so that
// every finder, refiner and resolver of the entity stage looks words up by position instead of
// scanning the text again. Possessive endings are split off names ("Trump’s" -> "Trump" + "’s")
// whatever the tokenizer did with them, because entity mentions never include them.
import { firstAtLeast, type Span } from '../../model/span.ts';
import { isTitlePart } from './title-lexicon.ts';

/** One word (or punctuation token) of the text. */
export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Index of the sentence the word lies in. */
  sentence: number;
  /** Whether the word stands where any word is capitalised: first in its sentence, after an opening quote or bracket, or in a title-case headline. */
  initial: boolean;
  /** Starts with an upper-case letter. */
  capital: boolean;
  /** Has letters, all upper case ("ICC", "U.S.", "WASHINGTON"). */
  allCaps: boolean;
  /** Has a letter or digit (false for punctuation). */
  alpha: boolean;
  /** The possessive ending split off a name: "’s", "'s". */
  possessive: boolean;
  /** A word of a title ("former", "Defense", "Minister", "press", "secretary"), see title-lexicon.ts. */
  titlePart: boolean;
}

/** The words of a text with the lookups every part of the entity stage needs. */
export interface WordIndex {
  text: string;
  words: Word[];
  sentences: readonly Span[];
  /** Index of the first word of each sentence (words.length when a sentence has none). */
  sentenceFirstWord: number[];
  /** Lower-case forms the text writes in lower case somewhere (so "During" opening a sentence is an ordinary word). */
  lowerForms: Set<string>;
  /** Word index starting at a character offset, or -1. */
  startsAt: Int32Array;
  /** Word index ending at a character offset, or -1. */
  endsAt: Int32Array;
}

const POSSESSIVE = /^(.*\p{L})(['’]s)$/u;
const ALNUM = /[\p{L}\p{N}]/u;
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '—', '–', ':', '-']);

// The entity, quote and event stages each read a document's words through this index; the stages
// hand on the same tokens and sentences arrays (layers are never copied), so the index of one
// document is built once and shared. Nothing changes an index after it is built. Keyed weakly by the
// tokens array: a document's index goes when its layers go.
const built = new WeakMap<readonly Span[], WordIndex>();

/** The index of a document's words, built once per tokens layer (see above). `tokens` and `sentences` are the Doc's layers: sorted, non-overlapping spans. */
export function buildWordIndex(text: string, tokens: readonly Span[], sentences: readonly Span[]): WordIndex {
  const known = built.get(tokens);
  if (known && known.text === text && known.sentences === sentences) return known;
  const index = indexWords(text, tokens, sentences);
  built.set(tokens, index);
  return index;
}

function indexWords(text: string, tokens: readonly Span[], sentences: readonly Span[]): WordIndex {
  const words: Word[] = [];
  const sentenceFirstWord: number[] = new Array<number>(sentences.length).fill(-1);
  let s = 0;
  const push = (start: number, end: number, possessive: boolean) => {
    while (s < sentences.length && sentences[s]!.end <= start) s++;
    const wordText = text.slice(start, end);
    const lower = wordText.toLowerCase();
    const upper = wordText.toUpperCase();
    // Letters are what changes case; digits count as word characters too.
    const hasLetter = lower !== upper;
    const alpha = hasLetter || ALNUM.test(wordText);
    const index = Math.min(s, Math.max(0, sentences.length - 1));
    if (sentenceFirstWord[index] === -1) sentenceFirstWord[index] = words.length;
    words.push({
      start,
      end,
      text: wordText,
      lower,
      sentence: index,
      initial: false,
      capital: wordText[0] !== lower[0],
      allCaps: hasLetter && wordText === upper,
      alpha: alpha && !possessive,
      possessive,
      titlePart: alpha && !possessive && isTitlePart(lower),
    });
  };
  for (const token of tokens) {
    const tokenText = text.slice(token.start, token.end);
    if (/^['’]s$/.test(tokenText)) {
      push(token.start, token.end, true);
      continue;
    }
    const possessive = POSSESSIVE.exec(tokenText);
    if (possessive && possessive[1]!.length > 0) {
      const cut = token.start + possessive[1]!.length;
      push(token.start, cut, false);
      push(cut, token.end, true);
    } else {
      push(token.start, token.end, false);
    }
  }
  for (let i = sentenceFirstWord.length - 1, next = words.length; i >= 0; i--) {
    if (sentenceFirstWord[i] === -1) sentenceFirstWord[i] = next;
    else next = sentenceFirstWord[i]!;
  }
  markInitials(words, sentences.length);

  const lowerForms = new Set<string>();
  const startsAt = new Int32Array(text.length + 1).fill(-1);
  const endsAt = new Int32Array(text.length + 1).fill(-1);
  words.forEach((w, i) => {
    if (w.alpha && !w.capital && w.text[0] !== w.text[0]!.toUpperCase()) lowerForms.add(w.lower);
    startsAt[w.start] = i;
    endsAt[w.end] = i;
  });
  return { text, words, sentences, sentenceFirstWord, lowerForms, startsAt, endsAt };
}

function markInitials(words: Word[], sentenceCount: number): void {
  // A headline in title case ("Trump Says Hamas Must Free Hostages") says nothing by its capitals.
  const content = new Array<number>(sentenceCount).fill(0);
  const capitalised = new Array<number>(sentenceCount).fill(0);
  for (const w of words) {
    if (w.alpha && w.text.length > 3) {
      content[w.sentence]!++;
      if (w.capital) capitalised[w.sentence]!++;
    }
  }
  let previous: Word | undefined;
  for (const w of words) {
    const titleCase = content[w.sentence]! >= 3 && capitalised[w.sentence]! >= 0.7 * content[w.sentence]!;
    const first = !previous || previous.sentence !== w.sentence;
    w.initial = titleCase || first || (previous !== undefined && OPENERS.has(previous.text) && !previous.alpha);
    previous = w;
  }
}

/** Index of the word covering offset `at`, or -1 (binary search; words are sorted). */
export function wordAt(index: WordIndex, at: number): number {
  const { words } = index;
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid]!;
    if (at < w.start) hi = mid - 1;
    else if (at >= w.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The word range [first, last] a character span covers, or null when it covers no word. */
export function wordRange(index: WordIndex, span: Span): { first: number; last: number } | null {
  let first = index.startsAt[span.start] ?? -1;
  if (first < 0) first = wordAt(index, span.start);
  let last = index.endsAt[span.end] ?? -1;
  if (last < 0) last = wordAt(index, span.end - 1);
  if (first < 0) {
    first = firstWordFrom(index, span.start);
  }
  if (last < 0) last = lastWordBefore(index, span.end);
  if (first < 0 || last < 0 || last < first) return null;
  return { first, last };
}

function firstWordFrom(index: WordIndex, at: number): number {
  const first = firstAtLeast(index.words, (w) => w.start, at);
  return first < index.words.length ? first : -1;
}

function lastWordBefore(index: WordIndex, at: number): number {
  const from = firstWordFrom(index, at);
  const i = (from < 0 ? index.words.length : from) - 1;
  return i >= 0 && index.words[i]!.end <= at ? i : -1;
}
