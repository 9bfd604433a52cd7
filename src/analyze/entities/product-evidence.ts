// Refiner input: does the text say that a name is a product's (OTHER in the contract), not an
// organisation's, person's or place's? A tagger trained mostly on people, groups and places
// reads "Dreamliner", "iPod Nano" or "A350 XWB" as organisations; news prose marks products by a
// model number before or inside the name ("Boeing 787 Dreamliner", "iPhone 4", "A380"), the
// lower-case "i" of a product line ("iPod", "iTunes"), or a product line before it ("iPod Nano").
// A product noun after a name is no sign: it follows the maker as often ("Intel processors",
// "Boeing jets").
import type { Span } from '../../model/span.ts';
/** A model designation: letters and digits together ("A380", "787", "KC-45", "737-800"). */
const MODEL = /^(?:[A-Z]{0,3}-?\d{2,}[A-Za-z\d-]*|\d+[A-Z]+)$/;
/** A model designation before the name on the same line: "A350 XWB", "787 Dreamliner" (but a year, "2007", or a small count, "20", is none). */
const MODEL_BEFORE = /(?:^|[ \t])(?:[A-Z]{1,3}-?\d{2,}[A-Za-z\d-]*|\d+[A-Z]+|(?!(?:19|20)\d\d\b)\d{3,4}(?:-\d+)?)[ \t]+$/u;
/** "iPod", "iTunes", "iOS": a product line's lower-case "i" before a capital. */
const I_LINE = /^i[A-Z]/;

/** Per mention: does it come with a sign that it names a product? */
function isProductMention(text: string, m: Span, productLines: ReadonlySet<string>): boolean {
  const name = text.slice(m.start, m.end);
  const words = name.split(/\s+/);
  if (words.some((w) => I_LINE.test(w) || MODEL.test(w))) return true;
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  if (MODEL_BEFORE.test(before)) return true;
  const previous = /(\S+)\s+$/.exec(before)?.[1];
  return previous !== undefined && productLines.has(previous);
}

/** The product lines a text names: words with the "i" of a product line ("iPod", "iTunes"). */
export function productLinesOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\bi[A-Z][\p{L}]+/gu)) out.add(m[0]);
  return out;
}

/** True when most mentions of the entity (at least half) come with a sign that it names a product. */
export function hasProductEvidence(text: string, mentions: readonly Span[], productLines: ReadonlySet<string>): boolean {
  let product = 0;
  for (const m of mentions) if (isProductMention(text, m, productLines)) product++;
  return product > 0 && product * 2 >= mentions.length;
}
