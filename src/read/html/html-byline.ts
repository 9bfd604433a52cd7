// The article's authors as the page states them: JSON-LD author names, then author meta tags,
// then rel=author links and byline/author elements. Names come back in normal case, "By" removed,
// with the affiliation when the page writes "Name, Outlet".
import type { Byline } from '../../model/doc.ts';
import type { AnyNode, Document, Element } from 'domhandler';
import { parseBylineLine, normalCase } from '../byline.ts';
import { attr, findAll, textOf } from './dom-text.ts';
import type { PageFacts } from './page-facts.ts';

const AUTHOR_META = ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author', 'cxenseparse:author'];
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|author|authors|author-name|byline-name|contributor)(?:$|[\s_-])/i;
const NOT_A_NAME = /^(?:https?:|www\.)|@|\d{2}|facebook|twitter/i;

/** The authors of the page, first source that names any wins; empty when the page names none. */
export function readBylines(dom: Document, facts: PageFacts): Byline[] {
  const fromLd = facts.jsonLd.authors.flatMap(parseNames);
  if (fromLd.length > 0) return dedupe(fromLd);
  for (const key of AUTHOR_META) {
    const value = facts.meta.get(key);
    if (value === undefined) continue;
    const found = parseNames(value);
    if (found.length > 0) return dedupe(found);
  }
  const fromRel = facts.relAuthors.flatMap(parseNames);
  if (fromRel.length > 0) return dedupe(fromRel);
  const elements = findAll(dom, (el) => (attr(el, 'itemprop') === 'author' || BYLINE_CLASS.test(attr(el, 'class'))) && !inFormOrComments(el));
  for (const el of elements) {
    const found = parseNames(bylineText(el));
    if (found.length > 0) return dedupe(found);
  }
  return [];
}

/** The names one author string holds: "By JANE DOE and John Roe, Reuters" → two bylines with "Reuters". */
export function parseNames(raw: string): Byline[] {
  const text = raw.replace(/\s+/g, ' ').trim().replace(/^(?:written |posted |words )?by:?\s+/i, '');
  if (text === '' || text.length > 120 || NOT_A_NAME.test(text)) return [];
  const parsed = parseBylineLine(`By ${text}`);
  if (parsed) return parsed;
  // A single name the byline grammar does not cover ("bell hooks", "Nguyễn Văn A"): kept as written.
  const words = text.split(' ');
  if (words.length >= 1 && words.length <= 5 && /^\p{Lu}/u.test(text) && !/[.!?:]$/.test(text)) {
    return [{ name: normalCase(text), affiliation: null }];
  }
  return [];
}

// An itemprop=author element often holds a nested itemprop=name; prefer it over the whole box.
function bylineText(el: Element): string {
  const name = findAll(el, (e) => e !== el && attr(e, 'itemprop') === 'name')[0];
  return textOf(name ?? el);
}

// Comment forms label their name field "author" ("Name (required)"); comments have authors of their own.
function inFormOrComments(el: Element): boolean {
  for (let n: AnyNode | null = el; n && n.type === 'tag'; n = n.parent) {
    if (n.name === 'form' || /comment/i.test(`${attr(n, 'class')} ${attr(n, 'id')}`)) return true;
  }
  return false;
}

function dedupe(bylines: Byline[]): Byline[] {
  const seen = new Set<string>();
  return bylines.filter((b) => {
    const key = b.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
