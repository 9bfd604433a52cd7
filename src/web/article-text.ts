// An article's text as paragraphs of HTML with its analysed spans highlighted. Spans of different
// layers overlap freely (an entity inside a quote; a figure that starts inside a time and ends after
// it), and HTML elements must nest: the text is cut at every span boundary, and an element that
// would have to close while an inner one is still open closes the inner ones first and reopens them
// after, so one span may come out as several elements. Paragraph breaks cut every span the same way.
// Links never nest (HTML forbids an <a> inside an <a>): a span inside a linked span is marked, not linked.
import { escapeHtml, SafeHtml } from './html.ts';

/** The kinds of highlighted spans, outermost first when two cover the same text. */
export const HIGHLIGHT_KINDS = ['quote', 'figure', 'time', 'entity'] as const;

/** One kind of highlighted span. */
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** A span to highlight: `[start, end)` into the text, what it is (`label`, shown as its title), and where it leads (`href`, or null for none). */
export interface Highlight {
  start: number;
  end: number;
  kind: HighlightKind;
  label: string;
  href: string | null;
  /** The id of the element of the span's first piece, for links into the page (`#figure-120`); absent: none. */
  anchor?: string;
}

const RANK = new Map<HighlightKind, number>(HIGHLIGHT_KINDS.map((kind, i) => [kind, i]));

/** Outer spans first: earlier start, then later end, then by kind. */
function nestingOrder(a: Highlight, b: Highlight): number {
  return a.start - b.start || b.end - a.end || RANK.get(a.kind)! - RANK.get(b.kind)!;
}

/** The paragraphs of `text`: ranges between blank lines, without the blank lines or trailing white space. */
export function paragraphRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const push = (from: number, to: number) => {
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) ranges.push([from, to]);
  };
  const breaks = /\n[ \t\r\f\v]*\n\s*/g;
  let from = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return ranges;
}

/** One open element of a span: the span, and whether this piece is a link. */
interface OpenPiece {
  span: Highlight;
  link: boolean;
}

/** The text as `<p>` paragraphs with `highlights` marked; spans outside the text or empty are left out. */
export function highlightedText(text: string, highlights: readonly Highlight[]): SafeHtml {
  const spans = highlights.filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end <= text.length && h.start < h.end).sort(nestingOrder);
  const anchored = new Set<Highlight>();
  let out = '';
  let next = 0;
  for (const [from, to] of paragraphRanges(text)) {
    // Spans that end before this paragraph are done; the sorted list is walked once overall, so a
    // span crossing paragraphs is looked up again from `next` for each.
    while (next < spans.length && spans[next]!.end <= from) next++;
    const inside: Highlight[] = [];
    for (let i = next; i < spans.length && spans[i]!.start < to; i++) if (spans[i]!.end > from) inside.push(spans[i]!);
    out += `<p>${paragraphHtml(text, from, to, inside, anchored)}</p>`;
  }
  return new SafeHtml(out);
}

/** The markup of `text[from, to)` with `spans` (in nesting order, all overlapping the range) marked. */
function paragraphHtml(text: string, from: number, to: number, spans: readonly Highlight[], anchored: Set<Highlight>): string {
  const cuts = new Set<number>([from, to]);
  for (const s of spans) {
    cuts.add(Math.max(from, s.start));
    cuts.add(Math.min(to, s.end));
  }
  const positions = [...cuts].sort((a, b) => a - b);
  const stack: OpenPiece[] = [];
  let waiting = 0;
  let out = '';
  const open = (span: Highlight) => {
    const link = span.href !== null && !stack.some((p) => p.link);
    const first = !anchored.has(span);
    anchored.add(span);
    out += openTag(span, link, first);
    stack.push({ span, link });
  };
  for (let k = 0; k < positions.length; k++) {
    const pos = positions[k]!;
    // Close down to the lowest piece whose span ends here; the pieces above it that go on are reopened.
    const lowest = stack.findIndex((p) => Math.min(p.span.end, to) <= pos);
    const reopen: Highlight[] = [];
    if (lowest >= 0) {
      while (stack.length > lowest) {
        const piece = stack.pop()!;
        out += piece.link ? '</a></mark>' : '</mark>';
        if (Math.min(piece.span.end, to) > pos) reopen.push(piece.span);
      }
    }
    while (waiting < spans.length && Math.max(spans[waiting]!.start, from) <= pos) reopen.push(spans[waiting++]!);
    for (const span of reopen.sort(openingOrder)) if (Math.min(span.end, to) > pos) open(span);
    const end = positions[k + 1];
    if (end !== undefined) out += escapeHtml(text.slice(pos, end));
  }
  return out;
}

/** The order to open spans at one place: the one that goes on longest outermost (it closes last), then by kind. */
function openingOrder(a: Highlight, b: Highlight): number {
  return b.end - a.end || RANK.get(a.kind)! - RANK.get(b.kind)! || a.start - b.start;
}

function openTag(span: Highlight, link: boolean, first: boolean): string {
  const id = first && span.anchor !== undefined ? ` id="${escapeHtml(span.anchor)}"` : '';
  const mark = `<mark class="hl hl-${span.kind}" title="${escapeHtml(span.label)}"${id}>`;
  return link ? `${mark}<a href="${escapeHtml(span.href!)}">` : mark;
}
