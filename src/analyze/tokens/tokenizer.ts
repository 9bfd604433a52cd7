// Word tokens for news text, Penn-Treebank style where it matters to later stages: clitics and
// possessives split off ("Trump's" → "Trump" "'s", "don't" → "do" "n't"), punctuation and quotes
// (straight and curly) one token each, while numbers ("1,000", "3.5"), hyphenated words
// ("30-year-old", "al-Sham"), initialisms ("U.S.", "D.C."), listed abbreviations ("Gen.", "Calif."),
// names with an inner apostrophe ("O'Brien", "Sana'a"), URLs and e-mail addresses stay whole.
// A hand-written scanner: one pass over the characters, no regular expressions on the ASCII path.
import type { Span } from '../../model/span.ts';
import abbreviations from '../sentences/abbreviations.json' with { type: 'json' };

// Abbreviations that take their period when capitalised ("Gen.", "Calif.", "Inc."); a few that
// are never ordinary words take it in lower case too ("etc.", "vs."). "no", "ill", "miss" and the
// like end sentences as words too often to take a period in lower case.
const ABBREVIATIONS = new Set([...abbreviations.titles, ...abbreviations.months, ...abbreviations.others]);
const LOWER_ABBREVIATIONS = new Set(['etc', 'vs', 'approx', 'e.g', 'i.e', 'a.m', 'p.m', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'st', 'cf', 'inc', 'corp', 'ltd', 'co']);
const CLITICS = ['s', 're', 've', 'll', 'd', 'm'];

const NON_ASCII_LETTER = /[\p{L}\p{M}\p{N}]/u;

/** Letter, digit or combining mark. */
function isAlnum(code: number, text: string, at: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return NON_ASCII_LETTER.test(text[at]!);
}
const isDigit = (code: number) => code >= 48 && code <= 57;
const isLetterAscii = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13 || code === 160 || code === 12 || code === 11 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
const isApostrophe = (code: number) => code === 39 || code === 0x2019;
const isHyphen = (code: number) => code === 45 || code === 0x2010 || code === 0x2011;

/** Tokens of `text[from, to)` as spans into `text`, in order, none overlapping, none covering white space. */
export function tokenize(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    let end: number;
    if (isAlnum(c, text, i)) end = scanWord(text, i, to);
    else if (isApostrophe(c)) end = scanApostrophe(text, i, to);
    else if (c === 46 && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) end = i + 3; // "..."
    else if (c === 45 && text.charCodeAt(i + 1) === 45) end = i + 2; // "--"
    else if ((c === 64 || c === 35) && i + 1 < to && isAlnum(text.charCodeAt(i + 1), text, i + 1)) end = scanHandle(text, i + 1, to); // @handle, #tag
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) end = i + 2; // an astral character (emoji) stays whole
    else end = i + 1;
    out.push({ start: i, end });
    i = end;
  }
  return out;
}

function scanHandle(text: string, i: number, to: number): number {
  while (i < to && (isAlnum(text.charCodeAt(i), text, i) || text.charCodeAt(i) === 95)) i++;
  return i;
}

/** A word starting at `start`: letters and digits, joined by inner hyphens, dots, commas and apostrophes where those belong to it. */
function scanWord(text: string, start: number, to: number): number {
  const url = scanUrl(text, start, to);
  if (url > start) return url;
  let i = start;
  let digitsOnly = true;
  let dots = 0;
  for (;;) {
    while (i < to) {
      const c = text.charCodeAt(i);
      if (!isAlnum(c, text, i)) break;
      if (!isDigit(c)) digitsOnly = false;
      i++;
    }
    if (i >= to) return i;
    const c = text.charCodeAt(i);
    const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
    const nextIsAlnum = next >= 0 && isAlnum(next, text, i + 1);
    if ((c === 46 || c === 44) && digitsOnly && isDigit(text.charCodeAt(i - 1)) && next >= 0 && isDigit(next)) {
      i++; // 1,000 / 3.5 / 1.2.3
      continue;
    }
    if (isHyphen(c) && nextIsAlnum) {
      digitsOnly = false;
      i++;
      continue;
    }
    if (c === 64 && nextIsAlnum) return scanEmail(text, i + 1, to);
    if (c === 38 && nextIsAlnum && isUpperAscii(text.charCodeAt(i - 1)) && isUpperAscii(next)) {
      i++; // AT&T, S&P
      continue;
    }
    if (c === 47 && digitsOnly && isDigit(text.charCodeAt(i - 1)) && isDigit(next)) {
      i++; // 9/11, 24/7
      continue;
    }
    if (isApostrophe(c) && nextIsAlnum) {
      const clitic = cliticAt(text, i, to);
      if (clitic > 0) {
        // "don't" → "do" "n't": the n goes with the clitic.
        const n = text.charCodeAt(i - 1);
        if ((n === 110 || n === 78) && (text.charCodeAt(i + 1) | 32) === 116) return i - 1 > start ? i - 1 : i + 2;
        return i;
      }
      digitsOnly = false;
      i++; // O'Brien, Sana'a, d'Ivoire
      continue;
    }
    if (c === 46) {
      // Initialisms: single letters each followed by a period ("U.S.", "D.C.", "a.m.").
      if (i - start === 1 + dots * 2 && isLetterAscii(text.charCodeAt(i - 1)) && !digitsOnly) {
        if (next >= 0 && isLetterAscii(next) && (i + 2 >= to || !isAlnum(text.charCodeAt(i + 2), text, i + 2))) {
          dots++;
          i++;
          continue;
        }
        if (dots > 0 || isUpperAscii(text.charCodeAt(i - 1))) return i + 1; // "U.S." / the initial "W."
      }
      const word = text.slice(start, i);
      const lower = word.toLowerCase();
      if (ABBREVIATIONS.has(lower) && (isUpperAscii(word.charCodeAt(0)) || LOWER_ABBREVIATIONS.has(lower))) return i + 1;
    }
    return i;
  }
}

const isUpperAscii = (code: number) => code >= 65 && code <= 90;

/** Length of a clitic ('s, 're, 've, 'll, 'd, 'm, 't after n) at an apostrophe, or 0. */
function cliticAt(text: string, at: number, to: number): number {
  for (const cl of CLITICS.concat('t')) {
    const end = at + 1 + cl.length;
    if (end > to) continue;
    if (text.slice(at + 1, end).toLowerCase() !== cl) continue;
    if (end < to && isAlnum(text.charCodeAt(end), text, end)) continue;
    if (cl === 't' && (text.charCodeAt(at - 1) | 32) !== 110) continue;
    return cl.length + 1;
  }
  return 0;
}

/** At an apostrophe: a clitic after a word ("'s"), a decade ("'90s"), or a quote mark alone. */
function scanApostrophe(text: string, i: number, to: number): number {
  const clitic = cliticAt(text, i, to);
  if (clitic > 0 && i > 0 && isAlnum(text.charCodeAt(i - 1), text, i - 1)) return i + clitic;
  if (i + 2 < to && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2))) {
    let j = i + 3;
    if (j < to && text.charCodeAt(j) === 115) j++;
    if (j >= to || !isAlnum(text.charCodeAt(j), text, j)) return j;
  }
  return i + 1;
}

/** A URL at `start` ("https://…", "www.…"), trailing sentence punctuation left out; `start` when there is none. */
function scanUrl(text: string, start: number, to: number): number {
  const c = text.charCodeAt(start) | 32;
  if (c !== 104 && c !== 119) return start;
  const head = text.slice(start, start + 8).toLowerCase();
  if (!head.startsWith('http://') && !head.startsWith('https://') && !head.startsWith('www.')) return start;
  let i = start;
  while (i < to && !isSpace(text.charCodeAt(i)) && !'"”’<>'.includes(text[i]!)) i++;
  while (i > start && '.,;:!?)\']'.includes(text[i - 1]!)) i--;
  return i;
}

/** The domain part of an e-mail address, after the "@". */
function scanEmail(text: string, i: number, to: number): number {
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isAlnum(c, text, i) || c === 45 || c === 95) i++;
    else if (c === 46 && i + 1 < to && isAlnum(text.charCodeAt(i + 1), text, i + 1)) i++;
    else break;
  }
  return i;
}
