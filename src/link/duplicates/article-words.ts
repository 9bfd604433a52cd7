// The words two articles are compared by, and the paragraphs a version diff is made of. Copies
// differ in white space, quote styles, letter case and page furniture ("Advertisement", "Share
// this article", a copyright line): none of these may tell two copies apart, so words are taken
// after NFKC folding and lower-casing, curly apostrophes become straight ones, and whole lines
// that are page furniture (the reader's own lists, read from its data files) are skipped.
import type { Span, TextSpan } from '../../model/span.ts';
import { textSpan, trimSpan } from '../../model/span.ts';
import { FURNITURE_LINE } from '../../read/html/extract-body.ts';

// A word: letters and digits, with inner apostrophes, dots and commas kept ("don't", "u.s",
// "1,200", "3.5"), so that a changed figure changes one word, not two.
const WORD = /[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu;

/** True for a line that is page furniture and never article text. */
export function isFurnitureLine(line: string): boolean {
  const clean = line.replace(/[\s\u00a0]+/g, ' ').trim();
  return clean !== '' && FURNITURE_LINE.test(clean);
}

/** The normalised words of `text` (folded, lower-cased), in order. */
export function normalWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/[’‘ʼ`´]/g, "'").match(WORD) ?? [];
}

/**
 * The normalised words of an article's text, furniture lines skipped, and the part of the text
 * inside `skip` (the headline, when the record knows its span) left out.
 */
export function contentWords(text: string, skip: Span | null = null): string[] {
  const out: string[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (!isFurnitureLine(text.slice(start, end))) {
      if (skip === null || skip.end <= start || skip.start >= end) {
        for (const w of normalWords(text.slice(start, end))) out.push(w);
      } else {
        for (const w of normalWords(text.slice(start, Math.max(start, skip.start)))) out.push(w);
        for (const w of normalWords(text.slice(Math.min(end, skip.end), end))) out.push(w);
      }
    }
    start = end + 1;
  }
  return out;
}

/** One paragraph of an article: its span in the text and its normalised words (furniture lines left out). */
export interface Paragraph {
  span: TextSpan;
  words: string[];
}

/**
 * The paragraphs of a text, in order: blocks between blank lines when the text has blank lines
 * (wire copy, most scraped articles), else single lines (one paragraph a line, as many feeds and
 * rebuilt corpora have it). Paragraphs that are all furniture are left out.
 */
export function paragraphsOf(text: string): Paragraph[] {
  const blank = /\n[ \t\u00a0\r]*\n/g;
  const breaks = blank.test(text) ? /\n[ \t\u00a0\r]*\n/g : /\n/g;
  const out: Paragraph[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = trimSpan(text, start, end);
    if (s.start >= s.end) return;
    const words = contentWords(text.slice(s.start, s.end));
    if (words.length > 0) out.push({ span: textSpan(text, s.start, s.end), words });
  };
  for (const m of text.matchAll(breaks)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}
