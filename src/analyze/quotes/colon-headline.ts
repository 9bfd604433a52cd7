// Headline attributions of the form "Source: what they said" ("Graham: Trump's Rhetoric Destroying
// GOP's Chance", "Trump: 'I'm the Worst Thing …'"), a line of its own naming a speaker before a
// colon. News sites title stories this way; PolNeAR marks the colon as the cue.
import type { Span } from '../../model/span.ts';

/** A line that is a speaker, a colon and a statement: the three spans, and whether the statement is quoted. */
export interface ColonHeadline {
  speaker: Span;
  cue: Span;
  content: Span;
  quoted: boolean;
}

/** Longest line read as a headline; running paragraphs with a colon are something else. */
const MAX_LINE_CHARS = 250;
/** "Source" words before the colon: one to five words, the first capitalised, no digits ("3:20 p.m."). */
const SOURCE = /^(\p{Lu}[\p{L}’'.&-]*(?:\s+[\p{L}’'.&-]+){0,4})\s*:\s+/u;
/** Line labels that are page furniture, not speakers. */
const LABELS = new Set([
  'note', 'update', 'updated', 'related', 'photo', 'photos', 'video', 'watch', 'read', 'listen', 'source', 'sources',
  'correction', 'editor’s note', "editor's note", 'advertisement', 'see also', 'more', 'also', 'q', 'a', 'question',
  'answer', 'warning', 'spoiler', 'full text', 'transcript', 'caption', 'credit', 'share', 'follow', 'contact', 'tags',
  'subscribe', 'click here', 'live', 'breaking', 'breaking news', 'exclusive', 'opinion', 'analysis', 'editorial',
  // Running-story and explainer labels ("The Latest: Sanders wins …", "Still to come: results in Ohio").
  'the latest', 'still to come', 'coming up', 'up next', 'bottom line', 'the bottom line', 'the takeaway',
  'what to know', 'the big picture', 'why it matters', 'what’s next', "what's next", 'timeline', 'factbox', 'explainer',
]);
const QUOTE_MARKS = /^["“‘']([\s\S]*)["”’']$/;

/** Every line of `text` that reads "Source: statement", in text order. */
export function findColonHeadlines(text: string): ColonHeadline[] {
  const out: ColonHeadline[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const found = lineEnd - lineStart <= MAX_LINE_CHARS ? readLine(text, lineStart, lineEnd) : null;
    if (found) out.push(found);
    lineStart = lineEnd + 1;
  }
  return out;
}

function readLine(text: string, lineStart: number, lineEnd: number): ColonHeadline | null {
  const line = text.slice(lineStart, lineEnd);
  const lead = line.length - line.trimStart().length;
  const m = SOURCE.exec(line.slice(lead));
  if (!m) return null;
  const source = m[1]!;
  if (LABELS.has(source.toLowerCase())) return null;
  const speaker = { start: lineStart + lead, end: lineStart + lead + source.length };
  const colon = line.indexOf(':', lead + source.length);
  let contentStart = lineStart + lead + m[0].length;
  let contentEnd = lineStart + line.trimEnd().length;
  // The headline's own full stop is not part of what was said.
  if (text[contentEnd - 1] === '.' && !/[”"’']/.test(text[contentEnd - 2] ?? '')) contentEnd--;
  const body = text.slice(contentStart, contentEnd);
  if (body.split(/\s+/).length < 3 || /^\d/.test(body)) return null;
  // A statement runs to the end of the line; a sentence going on after a colon is not a headline.
  if (/[.!?]\s+\p{Lu}/u.test(body) && !QUOTE_MARKS.test(body.replace(/\.$/, ''))) return null;
  const quoted = QUOTE_MARKS.test(body.replace(/[.!?]$/, ''));
  if (quoted) {
    contentStart++;
    contentEnd = text[contentEnd - 1] === '.' ? contentEnd - 2 : contentEnd - 1;
  }
  return { speaker, cue: { start: lineStart + colon, end: lineStart + colon + 1 }, content: { start: contentStart, end: contentEnd }, quoted };
}
