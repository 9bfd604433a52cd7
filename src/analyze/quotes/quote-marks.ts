// Finder: the quoted stretches of a text. News writes “…” and "…" for speech and ‘…’ or '…' in
// headlines; a quotation that runs over several paragraphs leaves the closing mark off every
// paragraph but the last and opens each next one again. Apostrophes ("Israel’s", "don't") are
// told from single quote marks by what stands around them.
import type { Span } from '../../model/span.ts';

/** A quoted stretch: `[start, end)` is the content inside the marks; `open` and `close` the marks' offsets (close = end when closed). */
export interface QuotedSpan extends Span {
  open: number;
  /** Offset just past the closing mark, or the content end when the quotation runs on to the next paragraph unclosed. */
  after: number;
  closed: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Every quoted stretch of `text`, in order, none nested in another. */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const kind = openingKind(text, i);
    if (!kind) {
      i++;
      continue;
    }
    const found = closeOf(text, i, kind);
    if (!found) {
      i++;
      continue;
    }
    if (found.end > i + 1) out.push({ start: i + 1, end: found.end, open: i, after: found.after, closed: found.closed });
    i = Math.max(found.after, i + 1);
  }
  return out;
}

type Kind = 'curly' | 'straight' | 'single-curly' | 'single-straight';

function openingKind(text: string, i: number): Kind | null {
  const c = text[i];
  const before = i > 0 ? text[i - 1]! : ' ';
  const next = text[i + 1] ?? '';
  if (c === '“') return 'curly';
  if (c === '"') return /[\s(\[—–-]/.test(before) || i === 0 ? 'straight' : null;
  // A single mark opens a quote only where no word runs into it ("Israel’s" has a letter before).
  if ((c === '‘' || c === "'") && !WORD_CHAR.test(before) && WORD_CHAR.test(next)) return c === '‘' ? 'single-curly' : 'single-straight';
  return null;
}

/** Where the quotation opened at `open` ends: its closing mark, or the end of a paragraph the next paragraph continues. */
/** How far a single-quoted stretch may run: single marks quote headlines and quotes within quotes, never long passages. */
const MAX_SINGLE_QUOTED = 400;

function closeOf(text: string, open: number, kind: Kind): { end: number; after: number; closed: boolean } | null {
  let j = open + 1;
  let paragraphEnd = -1;
  const single = kind === 'single-curly' || kind === 'single-straight';
  const limit = single ? Math.min(text.length, open + MAX_SINGLE_QUOTED) : text.length;
  while (j < limit) {
    const c = text[j]!;
    if (c === '\n') {
      if (kind === 'single-curly' || kind === 'single-straight') return null;
      // A paragraph ended without the closing mark: the quotation goes on if the next paragraph reopens it.
      let k = j;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      if ((kind === 'curly' && text[k] === '“') || (kind === 'straight' && text[k] === '"')) {
        paragraphEnd = j;
        j = k + 1;
        continue;
      }
      return paragraphEnd >= 0 ? { end: trimEnd(text, j), after: j, closed: false } : null;
    }
    if (kind === 'curly' && c === '”') return { end: j, after: j + 1, closed: true };
    if (kind === 'curly' && c === '“' && j > open + 1) return null;
    if (kind === 'straight' && c === '"') return { end: j, after: j + 1, closed: true };
    if ((kind === 'single-curly' && c === '’') || (kind === 'single-straight' && c === "'")) {
      const after = text[j + 1] ?? ' ';
      if (!WORD_CHAR.test(after)) return { end: j, after: j + 1, closed: true };
    }
    j++;
  }
  return null;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}
