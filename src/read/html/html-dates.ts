// Publication-day claims of an HTML page, one per kind of source: JSON-LD, meta tags, <time>
// elements, elements classed as dates, the URL and dates written near the top of the article.
// The approach follows htmldate (Barbaresi 2020): structured metadata first, then markup that
// says "this is the date", then the URL, then the text; modification dates rank low because an
// update is not the publication. Which claim wins is `resolvePublished`'s choice, by strength.
import type { AnyNode, Document, Element } from 'domhandler';
import type { DateClaim } from '../published-date.ts';
import { CLAIM_STRENGTH } from '../published-date.ts';
import { attr, isBlockTag, normalizeSpace } from './dom-text.ts';
import { jsonLdDates, type JsonLdDate, type JsonLdDateKey } from './date-json-ld.ts';
import { metaDateRole, publishedRank, type MetaDateRole } from './date-meta-tags.ts';
import { findTextDates, isPlausibleDay, parseDateValue, type NumericOrder } from './date-patterns.ts';
import { urlDate } from './date-url.ts';

/**
 * Strengths of this reader's claims, on the scale of CLAIM_STRENGTH (finer steps in between).
 * The order is the decision rule, measured on the htmldate evaluation pages: an explicit
 * publication property beats markup, markup beats the URL, the URL beats loose text, and any
 * modification date ranks below them all.
 */
export const HTML_DATE_STRENGTH = {
  jsonLdPublished: CLAIM_STRENGTH.structuredMetadata + 2,
  metaPublished: CLAIM_STRENGTH.structuredMetadata,
  itempropPublished: CLAIM_STRENGTH.structuredMetadata - 2,
  timePublished: CLAIM_STRENGTH.metaTag + 5,
  jsonLdCreated: CLAIM_STRENGTH.metaTag + 2,
  metaGeneric: CLAIM_STRENGTH.metaTag,
  urlDay: CLAIM_STRENGTH.metaTag - 2,
  dateElement: CLAIM_STRENGTH.contentDated + 5,
  time: CLAIM_STRENGTH.contentDated + 2,
  textNearTitle: CLAIM_STRENGTH.contentDated,
  jsonLdModified: CLAIM_STRENGTH.looseMetadata + 5,
  metaModified: CLAIM_STRENGTH.looseMetadata,
} as const;

// Subtrees whose text is never the article's: code, styles, forms and inline graphics.
const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'select', 'option', 'textarea', 'iframe', 'head']);
// Page furniture: its dates belong to other items (teasers, archives, comments, the copyright line).
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside']);
const FURNITURE_CLASS = /(?:^|[\s_-])(?:sidebar|widget|comments?|related|teaser|footer|navigation|nav|menu|breadcrumbs?|recent|archive|popular|most-read|newsletter)(?:$|[\s_-])/i;
// class/id values that mark an element holding the article's date ("entry-date", "post-meta",
// "article__datum", "byline"); "update"/"modified" mark the other date.
const DATE_CLASS = /date|datum|time|zeit|publi|posted|byline|meta|fecha|data-?ora/i;
const MODIFIED_CLASS = /updat|modif|aktualisiert|runtime|timeline/i;
const PUBLISHED_CLASS = /publi|posted|pubdate|created|entry-date|post-date/i;

// How far into the article a text date still counts as the article's own, in characters after the title.
const TEXT_WINDOW = 1500;
// Longest text read from one date-classed element (a "meta" block may hold more than the date line).
const ELEMENT_TEXT = 300;

interface Marked {
  order: number;
  date: string;
  inArticle: boolean;
  furniture: boolean;
  why: string;
}

interface Heading {
  order: number;
  offset: number;
  text: string;
  inArticle: boolean;
}

/** Everything one walk of the DOM gathers for the finders. */
interface PageFacts {
  order: NumericOrder;
  metas: { role: MetaDateRole; name: string; date: string }[];
  jsonLd: JsonLdDate[];
  itemprops: { key: 'published' | 'created' | 'modified'; date: string }[];
  times: (Marked & { role: 'published' | 'modified' | 'plain' })[];
  dateElements: (Marked & { role: 'published' | 'modified' | 'plain' })[];
  headings: Heading[];
  text: string;
  titleText: string;
}

/**
 * The publication-day claims an HTML page makes, at most one per kind of source, each with
 * its strength and a short reason; implausible days (before 1995, after today) are dropped.
 * `url` may be null when the page's address is unknown.
 */
export function findDateClaims(dom: Document, url: string | null): DateClaim[] {
  const facts = gatherFacts(dom);
  const claims: DateClaim[] = [];
  const add = (date: string | null | undefined, strength: number, why: string, basis: DateClaim['basis'] = 'metadata') => {
    if (date && isPlausibleDay(date)) claims.push({ date, basis, strength, why });
  };

  const ld = (key: JsonLdDateKey) => bestJsonLd(facts.jsonLd, key);
  const pub = ld('datePublished');
  add(pub?.date, HTML_DATE_STRENGTH.jsonLdPublished, 'JSON-LD datePublished');
  const created = ld('dateCreated');
  add(created?.date, HTML_DATE_STRENGTH.jsonLdCreated, 'JSON-LD dateCreated');
  const modified = ld('dateModified');
  add(modified?.date, HTML_DATE_STRENGTH.jsonLdModified, 'JSON-LD dateModified (an update)');

  const metaPub = facts.metas
    .filter((m) => m.role === 'published' && isPlausibleDay(m.date))
    .sort((a, b) => publishedRank(a.name) - publishedRank(b.name))[0];
  add(metaPub?.date, HTML_DATE_STRENGTH.metaPublished, `meta ${metaPub?.name}`);
  const metaGen = facts.metas.find((m) => m.role === 'generic' && isPlausibleDay(m.date));
  add(metaGen?.date, HTML_DATE_STRENGTH.metaGeneric, `meta ${metaGen?.name}`);
  const metaMod = facts.metas.find((m) => m.role === 'modified' && isPlausibleDay(m.date));
  add(metaMod?.date, HTML_DATE_STRENGTH.metaModified, `meta ${metaMod?.name} (an update)`);

  const itemPub = facts.itemprops.find((p) => p.key !== 'modified' && isPlausibleDay(p.date));
  add(itemPub?.date, HTML_DATE_STRENGTH.itempropPublished, `itemprop date${itemPub?.key === 'created' ? 'Created' : 'Published'} in the page`);

  const title = pickTitle(facts);
  const time = pickMarked(facts.times, title);
  if (time) add(time.date, time.role === 'published' ? HTML_DATE_STRENGTH.timePublished : HTML_DATE_STRENGTH.time, time.why);
  const element = pickMarked(facts.dateElements, title);
  if (element) add(element.date, HTML_DATE_STRENGTH.dateElement, element.why, 'content');

  const fromUrl = url ? urlDate(url) : null;
  if (fromUrl) add(fromUrl.date, HTML_DATE_STRENGTH.urlDay, `URL path ${fromUrl.text}`);

  const near = textDateNearTitle(facts, title);
  if (near) add(near.date, HTML_DATE_STRENGTH.textNearTitle, `text "${near.text}" near the top of the article`, 'content');
  return claims;
}

function bestJsonLd(found: readonly JsonLdDate[], key: JsonLdDateKey): JsonLdDate | undefined {
  let best: JsonLdDate | undefined;
  for (const d of found) if (d.key === key && isPlausibleDay(d.date) && (!best || d.typeRank < best.typeRank)) best = d;
  return best;
}

/** The article's heading: the first h1 whose text the page title contains (or contains it), else the first h1 in an article, else the first h1. */
function pickTitle(facts: PageFacts): Heading | undefined {
  const title = facts.titleText.toLowerCase();
  const h1s = facts.headings;
  if (title) {
    const match = h1s.find((h) => h.text.length > 3 && (title.includes(h.text.toLowerCase()) || h.text.toLowerCase().includes(title)));
    if (match) return match;
  }
  return h1s.find((h) => h.inArticle) ?? h1s[0];
}

/** The marked date that belongs to the article: outside furniture, after its heading (or in the article) first. */
function pickMarked<T extends Marked & { role: string }>(marked: readonly T[], title: Heading | undefined): T | undefined {
  const usable = marked.filter((m) => m.role !== 'modified' && !m.furniture && isPlausibleDay(m.date));
  const explicit = usable.find((m) => m.role === 'published');
  if (explicit) return explicit;
  if (title) {
    const after = usable.find((m) => m.order > title.order);
    if (after) return after;
  }
  return usable.find((m) => m.inArticle) ?? usable[0];
}

/** The first day written in the text shortly after the article's heading (or at the start of the body when there is none). */
function textDateNearTitle(facts: PageFacts, title: Heading | undefined): { date: string; text: string } | undefined {
  const start = title ? title.offset : 0;
  const window = facts.text.slice(start, start + TEXT_WINDOW);
  for (const d of findTextDates(window, facts.order)) {
    if (isPlausibleDay(d.date)) return { date: d.date, text: window.slice(d.index, d.index + d.length) };
  }
  return undefined;
}

/** One walk over the DOM collecting meta tags, JSON-LD, marked dates, headings and the body text. */
function gatherFacts(dom: Document): PageFacts {
  const facts: PageFacts = {
    order: 'dmy',
    metas: [],
    jsonLd: [],
    itemprops: [],
    times: [],
    dateElements: [],
    headings: [],
    text: '',
    titleText: '',
  };
  const parts: string[] = [];
  let length = 0;
  let order = 0;
  let ogTitle = '';
  let docTitle = '';
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  // The text pushed since part `from`, at most `max` characters: the cost is bounded by `max`,
  // not by the size of the element (a "meta"-classed wrapper may hold the whole article).
  const textSince = (from: number, max: number): string => {
    let s = '';
    for (let i = from; i < parts.length && s.length < max; i++) s += parts[i];
    return normalizeSpace(s.length > max ? s.slice(0, max) : s);
  };

  const visit = (node: AnyNode, inArticle: boolean, furniture: boolean, inBody: boolean): void => {
    if (node.type === 'text') {
      if (inBody) push(node.data);
      return;
    }
    if (node.type === 'root') {
      for (const c of node.children) visit(c, inArticle, furniture, inBody);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    const name = el.name;
    order++;
    const myOrder = order;

    if (name === 'html') {
      const lang = attr(el, 'lang').toLowerCase();
      if (lang === 'en-us' || lang === 'en') facts.order = 'mdy';
    }
    if (name === 'meta') {
      readMeta(el, facts);
      if (attr(el, 'property').toLowerCase() === 'og:title') ogTitle = attr(el, 'content');
      return;
    }
    if (name === 'script') {
      if (attr(el, 'type').toLowerCase() === 'application/ld+json') facts.jsonLd.push(...jsonLdDates(childText(el)));
      return;
    }
    if (name === 'title' && !inBody) {
      docTitle = childText(el);
      return;
    }
    if (SKIP_TEXT.has(name)) {
      if (name === 'head') for (const c of el.children) visit(c, inArticle, furniture, false);
      return;
    }

    const cls = `${attr(el, 'class')} ${attr(el, 'id')}`;
    const article = inArticle || name === 'article' || name === 'main' || /(?:^|\s)(?:hentry|h-entry|post|article|entry)(?:$|\s)/i.test(attr(el, 'class'));
    const furn = furniture || FURNITURE_TAGS.has(name) || (cls.length > 1 && FURNITURE_CLASS.test(cls));
    const body = inBody || name === 'body';

    const itemprop = attr(el, 'itemprop').toLowerCase();
    if (itemprop === 'datepublished' || itemprop === 'datecreated' || itemprop === 'datemodified') {
      const value = attr(el, 'content') || attr(el, 'datetime') || attr(el, 'title');
      const date = value ? parseDateValue(value, facts.order) : null;
      if (date) facts.itemprops.push({ key: itemprop === 'datepublished' ? 'published' : itemprop === 'datecreated' ? 'created' : 'modified', date });
    }

    const isHeading = name === 'h1';
    const isTime = name === 'time';
    const marked = !isTime && cls.length > 1 && DATE_CLASS.test(cls);
    const block = isBlockTag(name);
    if (block) push('\n');
    const startOffset = length;
    const startPart = parts.length;
    for (const c of el.children) visit(c, article, furn, body);
    if (block) push('\n');

    if (isHeading) facts.headings.push({ order: myOrder, offset: startOffset, text: textSince(startPart, 400), inArticle: article });
    if (isTime || marked) {
      const role = MODIFIED_CLASS.test(cls) || itemprop === 'datemodified' ? 'modified' : 'pubdate' in el.attribs || PUBLISHED_CLASS.test(cls) || itemprop === 'datepublished' ? 'published' : 'plain';
      const machine = attr(el, 'datetime') || (name === 'abbr' ? attr(el, 'title') : '') || attr(el, 'content');
      const shown = textSince(startPart, ELEMENT_TEXT);
      const date = (machine && parseDateValue(machine, facts.order)) || (shown && parseDateValue(shown, facts.order));
      if (date) {
        const what = isTime ? `<time${machine ? ` datetime="${machine}"` : ''}>` : `<${name} class="${normalizeSpace(cls)}">`;
        const entry = { order: myOrder, date, inArticle: article, furniture: furn, role, why: `${what}${shown ? ` "${shown.slice(0, 60)}"` : ''}` } as const;
        (isTime ? facts.times : facts.dateElements).push(entry);
      }
    }
  };
  visit(dom, false, false, false);
  facts.text = parts.join('');
  facts.titleText = normalizeSpace(ogTitle || docTitle);
  return facts;
}

function childText(el: Element): string {
  let s = '';
  for (const c of el.children) if (c.type === 'text') s += c.data;
  return s;
}

function readMeta(el: Element, facts: PageFacts): void {
  const content = attr(el, 'content');
  if (!content) return;
  for (const key of ['name', 'property', 'itemprop', 'http-equiv']) {
    const name = attr(el, key);
    if (!name) continue;
    const role = metaDateRole(name);
    if (!role) continue;
    const date = parseDateValue(content, facts.order);
    if (date) facts.metas.push({ role, name: name.toLowerCase(), date });
    return;
  }
}
