// Sentence boundaries for news prose. General-purpose splitters either ignore single newlines
// (wink-nlp runs headline, dateline and captions together) or split at every "U.S." and "Gen.";
// news needs both handled, so this splitter is our own: a boundary finder over paragraphs,
// and a resolver that decides each candidate period by what stands before and after it.
import type { Span } from '../../model/span.ts';
import { trimSpan } from '../../model/span.ts';
import data from './abbreviations.json' with { type: 'json' };

const TITLES = new Set(data.titles);
const MONTHS = new Set(data.months);
const OTHERS = new Set(data.others);
const OPENERS = new Set(data.sentenceOpeners);

// A candidate end: terminal punctuation (or an ellipsis), then closing quotes and brackets,
// then white space. What follows decides (see isBoundary).
const CANDIDATE = /(\.{3}|…|[.!?]+)(["'”’)\]]*)(\s+)/g;

/** Sentence spans of `text`: every paragraph (line) is split on its own, and `units` (headline, dateline) are kept whole. */
export function splitSentences(text: string, units: readonly Span[] = []): Span[] {
  const out: Span[] = [];
  const lineBreak = /\n/g;
  let start = 0;
  const cuts = units.map((u) => [u.start, u.end] as const);
  const pushRange = (from: number, to: number) => {
    // Units that lie inside this range are cut out as sentences of their own.
    let cursor = from;
    for (const [us, ue] of cuts) {
      if (us >= cursor && ue <= to && ue > us) {
        splitParagraph(text, cursor, us, out);
        pushSpan(text, us, ue, out);
        cursor = ue;
      }
    }
    splitParagraph(text, cursor, to, out);
  };
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    pushRange(start, m.index);
    start = m.index + 1;
  }
  pushRange(start, text.length);
  return out;
}

function pushSpan(text: string, start: number, end: number, out: Span[]): void {
  const span = trimSpan(text, start, end);
  if (span.end > span.start) out.push(span);
}

function splitParagraph(text: string, from: number, to: number, out: Span[]): void {
  const paragraph = text.slice(from, to);
  let sentenceStart = 0;
  const held = quotesHeldTogether(paragraph);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(paragraph); m; m = CANDIDATE.exec(paragraph)) {
    const end = m.index + m[1]!.length + m[2]!.length;
    const next = end + m[3]!.length;
    if (held.some(([open, close]) => m.index > open && m.index < close)) continue;
    if (isBoundary(paragraph, m.index, m[1]!, m[2]!, next)) {
      pushSpan(text, from + sentenceStart, from + end, out);
      sentenceStart = next;
    }
  }
  pushSpan(text, from + sentenceStart, to, out);
}

/**
 * Quotations of several sentences that end in a comma and go on with their attribution
 * ("We want this. We want that," Leavitt added.) stay one sentence with it, so that the quote
 * and its speaker are never cut apart. Returns [open, close) index pairs of such quotations.
 */
function quotesHeldTogether(p: string): [number, number][] {
  const held: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    const opening = ch === '“' || (ch === '"' && open < 0 && (i === 0 || /[\s(\[—–-]/.test(p[i - 1]!)));
    const closing = ch === '”' || (ch === '"' && open >= 0);
    if (opening && open < 0) open = i;
    else if (closing && open >= 0) {
      if (p[i - 1] === ',' && /^\s+\p{Ll}|^\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s+\p{Ll}/u.test(p.slice(i + 1, i + 80))) held.push([open, i]);
      open = -1;
    }
  }
  return held;
}

/** Decides one candidate: `at` is where the punctuation starts, `next` where the following word starts. */
function isBoundary(p: string, at: number, punct: string, closers: string, next: number): boolean {
  const after = p.slice(next, next + 40);
  const first = after.charAt(0);
  // The next sentence starts with a capital, a digit or an opening quote/bracket; anything
  // else ("… she said", "?" she asked", "3.5") continues the sentence, except brand names
  // written with a small first letter ("iPhone sales rose").
  if (!/[\p{Lu}\d"'“‘(\[]/u.test(first) && !/^[a-z]\p{Lu}/u.test(after)) return false;
  if (punct !== '.' || closers !== '') return true;

  const word = /([\p{L}.]+)$/u.exec(p.slice(Math.max(0, at - 20), at))?.[1] ?? '';
  const lower = word.toLowerCase();
  const nextWord = /^["'“‘(\[]*([\p{L}\d]+)/u.exec(after)?.[1] ?? '';
  // An initial: "George W. Bush", "J.K. Rowling".
  if (/^\p{Lu}$/u.test(word)) return false;
  if (TITLES.has(lower)) return false;
  if (MONTHS.has(lower)) return !/^\d/.test(nextWord);
  // Initialisms (U.S., U.N., D.C.) and listed abbreviations end a sentence only before a usual
  // opener or an opening quote ("… in Rancho Mirage, Calif. "Lindsay never …").
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || OTHERS.has(lower)) return OPENERS.has(nextWord.toLowerCase()) || /^["“]/.test(after);
  return true;
}
