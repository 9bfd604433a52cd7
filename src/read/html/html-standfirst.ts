// The standfirst (dek, subtitle): an element the page marks as one, else the page's description
// when it is not simply the opening of the body repeated.
import type { AnyNode } from 'domhandler';
import { attr, findAll, textOf } from './dom-text.ts';
import type { PageFacts } from './page-facts.ts';

const STANDFIRST_CLASS = /(?:^|[\s_-])(?:standfirst|dek|deck|subtitle|sub-title|subheadline|sub-headline|subhead|strapline|article-summary|standfirst-text)(?:$|[\s_-])/i;

/** The standfirst inside `scope`, or the description meta when it adds to `firstParagraph`; null otherwise. */
export function readStandfirst(scope: AnyNode, facts: PageFacts, firstParagraph: string | null, title: string | null): string | null {
  const marked = findAll(scope, (el) => el.name !== 'body' && el.name !== 'meta' && (STANDFIRST_CLASS.test(attr(el, 'class')) || attr(el, 'itemprop') === 'description'))
    .map((el) => textOf(el))
    .find((t) => t.length >= 20 && t.length <= 400);
  if (marked !== undefined) return marked;
  const described = facts.meta.get('og:description') ?? facts.meta.get('description') ?? facts.jsonLd.description;
  if (described === undefined || described === null || described.length < 20) return null;
  if (title !== null && words(described).join(' ') === words(title).join(' ')) return null;
  if (firstParagraph !== null && repeats(described, firstParagraph)) return null;
  return described;
}

/** True when the description is the paragraph's opening (or the paragraph itself), as most sites make it. */
export function repeats(description: string, paragraph: string): boolean {
  // Descriptions are often cut ("…"); compare the words they have, first 20 at most.
  const d = words(description.replace(/(?:\.\.\.|…)\s*$/, '')).slice(0, 20);
  const p = words(paragraph);
  if (d.length === 0) return true;
  let same = 0;
  for (let i = 0; i < d.length && i < p.length; i++) if (d[i] === p[i]) same++;
  return same >= d.length * 0.8 || p.join(' ').includes(d.join(' '));
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
