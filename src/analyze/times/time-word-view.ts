// The words the times finders read: the Doc's tokens, with hyphenated words that hold letters split
// into their parts ("five-year" -> "five" "year", "third-quarter", "mid-1990s", "twenty-four"),
// because time grammar reads those parts as words of their own. Numbers joined by hyphens stay
// whole ("2023-10-07", "555-0123"): a phone number must not fall apart into a year. The entity
// stage's word index keeps hyphenated names whole and carries name features the times stage does
// not need, hence a view of its own.
import type { Span } from '../../model/span.ts';

/** One word of the view: a token or a part of a hyphenated token. */
export interface TimeWord {
  start: number;
  end: number;
  text: string;
  /** Lower case, a final abbreviation period dropped ("Oct." -> "oct"; "p.m." stays), curly apostrophes straight ("’s" -> "'s"). */
  key: string;
  /** Index of the sentence it lies in. */
  sentence: number;
  /** Joined to the word before by a hyphen ("year" in "five-year"). */
  joined: boolean;
  /** Starts with an upper-case letter. */
  capital: boolean;
  /** All digits. */
  digits: boolean;
}

/** The words of a Doc and where each sentence's words start. */
export interface TimeWordView {
  text: string;
  words: TimeWord[];
  /** Index of the first word of each sentence; `words.length` for a sentence without words. */
  sentenceStart: number[];
  /** Index one past the last word of each sentence. */
  sentenceEnd: number[];
}

const HYPHEN = /[-‐‑]/;
const HAS_LETTER = /\p{L}/u;
const ABBREVIATION = /^[a-z]{2,5}\.$/;
const CURLY_APOSTROPHE = /’/g;

/** Builds the view from the Doc's tokens and sentences (sorted, non-overlapping spans). */
export function buildTimeWordView(text: string, tokens: readonly Span[], sentences: readonly Span[]): TimeWordView {
  const words: TimeWord[] = [];
  const sentenceStart = new Array<number>(sentences.length).fill(-1);
  const sentenceEnd = new Array<number>(sentences.length).fill(0);
  let s = 0;
  const push = (start: number, end: number, joined: boolean) => {
    while (s < sentences.length - 1 && sentences[s]!.end <= start) s++;
    const wordText = text.slice(start, end);
    const lower = wordText.toLowerCase();
    const code = wordText.charCodeAt(0);
    if (sentenceStart[s] === -1) sentenceStart[s] = words.length;
    sentenceEnd[s] = words.length + 1;
    words.push({
      start,
      end,
      text: wordText,
      key: ABBREVIATION.test(lower) ? lower.slice(0, -1) : lower.replace(CURLY_APOSTROPHE, "'"),
      sentence: s,
      joined,
      capital: wordText !== lower && wordText[0] !== lower[0],
      digits: code >= 48 && code <= 57 && /^\d+$/.test(wordText),
    });
  };
  for (const token of tokens) {
    const tokenText = text.slice(token.start, token.end);
    if (tokenText.length > 2 && HYPHEN.test(tokenText) && HAS_LETTER.test(tokenText)) {
      let partStart = token.start;
      let joined = false;
      for (let i = token.start; i <= token.end; i++) {
        if (i === token.end || HYPHEN.test(text[i]!)) {
          if (i > partStart) push(partStart, i, joined);
          joined = true;
          partStart = i + 1;
        }
      }
    } else push(token.start, token.end, false);
  }
  for (let i = sentences.length - 1, next = words.length; i >= 0; i--) {
    if (sentenceStart[i] === -1) {
      sentenceStart[i] = next;
      sentenceEnd[i] = next;
    }
    next = sentenceStart[i]!;
  }
  return { text, words, sentenceStart, sentenceEnd };
}
