// Photo captions of the article: <figcaption> and caption elements near the body, with the credit
// split off when it sits in its own credit/copyright element or trails the caption ("(Photo: AP)").
import type { AnyNode, Element } from 'domhandler';
import type { Caption } from '../../model/doc.ts';
import { parseCaptionLine } from '../caption.ts';
import { attr, findAll, isInside, textOf } from './dom-text.ts';

const CREDIT_CLASS = /credit|copyright|photographer|source|byline/i;
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|wp-caption-text|image-caption|photo-caption)(?:$|[\s_-])/i;
// BBC and others prefix screen-reader labels: "Image caption The queen…", "Image copyright Getty Images".
const LABEL = /^(?:image|photo|picture|media) (?:caption|copyright|source)\s*:?\s*/i;

/** The captions inside `scope` (the article area), in document order, each once. */
export function readCaptions(scope: AnyNode): Caption[] {
  // A "caption" class names a photo caption only next to a picture; headers use it for other things.
  const found = findAll(scope, (el) => el.name === 'figcaption' || (el.name !== 'figure' && CAPTION_CLASS.test(attr(el, 'class')) && el.parent !== null && hasPicture(el.parent)));
  // A caption box nested in another caption box is read once, with the outer one.
  const outer = found.filter((el) => !found.some((o) => o !== el && isInside(el, o)));
  const seen = new Set<string>();
  const out: Caption[] = [];
  for (const el of outer) {
    const caption = readCaption(el);
    if (caption === null || seen.has(caption.text)) continue;
    seen.add(caption.text);
    out.push(caption);
  }
  return out;
}

/** One caption element read as caption text and credit; null when it holds no text. */
export function readCaption(el: Element): Caption | null {
  const creditEls = findAll(el, (e) => e !== el && CREDIT_CLASS.test(`${attr(e, 'class')} ${attr(e, 'itemprop')}`));
  const credit = creditEls.length > 0 ? textOf(creditEls[0]!).replace(LABEL, '').trim() : '';
  const text = textOf(el, (e) => creditEls.includes(e)).replace(LABEL, '').trim();
  if (text === '' && credit === '') return null;
  if (credit !== '') return { text, credit: cleanCredit(credit) };
  const parsed = parseCaptionLine(text);
  return parsed === null ? { text, credit: null } : { text: parsed.text, credit: parsed.credit === null ? null : cleanCredit(parsed.credit) };
}

/** "Photo: Sam Tan" → "Sam Tan": the label says it is a credit, the credit is the name. */
function cleanCredit(credit: string): string | null {
  // NYT writes "Credit...Doug Mills/The New York Times" (the dots are hidden styling).
  return credit.replace(/^(?:photo|image|picture|credit)s?(?: by| credit)?\s*(?::|\.{2,}|…)\s*/i, '').trim() || null;
}

function hasPicture(el: AnyNode): boolean {
  return findAll(el, (e) => e.name === 'img' || e.name === 'picture' || e.name === 'video').length > 0;
}
