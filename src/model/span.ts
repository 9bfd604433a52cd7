/** A half-open range `[start, end)` of JavaScript string indices into `Doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span that carries its own text: `doc.text.slice(start, end) === text` always holds. */
export interface TextSpan extends Span {
  text: string;
}

/** The span `[start, end)` of `text` with the characters it covers. */
export function textSpan(text: string, start: number, end: number): TextSpan {
  if (start < 0 || end < start || end > text.length) {
    throw new RangeError(`span [${start}, ${end}) lies outside a text of length ${text.length}`);
  }
  return { start, end, text: text.slice(start, end) };
}

/** Narrows `[start, end)` so that it neither starts nor ends with white space. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * The index of the first of `items` (sorted by `key`, non-decreasing) whose key is at least
 * `value`, or items.length. Span lists are kept in text order, so every "where does this offset
 * fall" lookup is this binary search rather than a scan.
 */
export function firstAtLeast<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
