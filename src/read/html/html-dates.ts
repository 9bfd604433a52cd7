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
import { isPlausibleDay, textDates, parseDateStamp, shiftDay, type DateStamp, type NumericOrder } from '../dates/date-patterns.ts';
import { urlDate } from './date-url.ts';

/**
 * Base strengths of this reader's claims, on the scale of CLAIM_STRENGTH (finer steps in between).
 * The order is the decision rule: an explicit publication property (JSON-LD, meta, itemprop) beats
 * a full day in the URL, which beats date markup, which beats the text near the title; any
 * modification date ranks below them all, and the first date anywhere in the page comes last.
 * Two refiners then adjust (refineUtc, refineAgreement). On the htmldate dev pages the accuracy
 * stays the same when the URL moves anywhere between markup and metadata, or JSON-LD below meta.
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
  textAnywhere: CLAIM_STRENGTH.looseMetadata - 5,
} as const;

// What each independent family that names the same day adds to a claim's strength (see refineAgreement).
const AGREEMENT = 12;

// Subtrees whose text is never the article's: code, styles, forms and inline graphics.
const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'select', 'option', 'textarea', 'iframe', 'head']);
// Page furniture: its dates belong to other items (teasers, archives, comments). A furniture
// zone that contains the article's heading is a page wrapper ("navigation-container") and is ignored.
const FURNITURE_CLASS = /(?:^|[\s_-])(?:widgets?|comments?|commentlist|related|teasers?|navigation|navbar|menu|breadcrumbs?|recent|archive|popular|most-read|newsletter)(?:$|[\s_-])/i;
// Inside the article, a footer, an aside or a sidebar holds its date line ("entry-footer",
// "blogData"); outside, the site's copyright or other items. Only whole class names count as
// the site's footer: "asset-footer" and "rez_footer" close an article.
const OUTSIDE_FURNITURE_TAGS = new Set(['nav', 'aside', 'footer']);
const OUTSIDE_FURNITURE_CLASS = /(?:^|\s)(?:(?:site|page|global|main)-?)?(?:footer|sidebar)(?:$|\s)/i;
const ARTICLE_CLASS = /(?:^|\s)(?:hentry|h-entry|post|article|entry|blogpost|story)(?:$|\s)/i;
// class/id values that mark an element holding the article's date ("entry-date", "post-meta",
// "article__datum", "byline"); "update"/"modified" mark the other date.
const DATE_CLASS = /date|datum|time|zeit|publi|posted|byline|meta|fecha|data-?ora/i;
const MODIFIED_CLASS = /updat|modif|aktualisiert|runtime|timeline|edited/i;
const PUBLISHED_CLASS = /publi|posted|pubdate|created|entry-date|post-date/i;

// The text around the article's heading where a date is the article's own: a kicker line
// just above the heading ("21.01.2022"), the byline below it.
const TEXT_BEFORE_TITLE = 300;
const TEXT_AFTER_TITLE = 1500;
// Longest text read from one date-classed element (a "meta" block may hold more than the date line).
const ELEMENT_TEXT = 300;

type MarkRole = 'published' | 'modified' | 'plain';

/** A date some element marks: a <time>, or an element whose class or id says "date". */
interface Marked extends DateStamp {
  order: number;
  inArticle: boolean;
  zones: readonly number[];
  role: MarkRole;
  why: string;
}

interface Heading {
  level: number;
  order: number;
  offset: number;
  text: string;
  inArticle: boolean;
}

/** A subtree of page furniture: its range in element order and in the body text. */
interface Zone {
  orderStart: number;
  orderEnd: number;
  textStart: number;
  textEnd: number;
}

/** Everything one walk of the DOM gathers for the finders. */
interface PageFacts {
  order: NumericOrder;
  metas: (DateStamp & { role: MetaDateRole; name: string })[];
  jsonLd: JsonLdDate[];
  itemprops: (DateStamp & { key: 'published' | 'created' | 'modified' })[];
  times: Marked[];
  dateElements: Marked[];
  headings: Heading[];
  zones: Zone[];
  text: string;
  titleText: string;
}

/**
 * Families of sources that fail independently: a CMS fills JSON-LD and meta tags from one field,
 * a date element and the text near the title are often the same words. Agreement counts families.
 */
type Family = 'structured' | 'markup' | 'url' | 'text' | 'fallback';

/** A claim while it is being refined: its family, and its UTC hour when its source gave a UTC time. */
interface Found extends DateClaim {
  family: Family;
  utcHour: number | null;
}

/**
 * The publication-day claims an HTML page makes, at most one per kind of source, each with
 * its strength and a short reason; implausible days (before 1995, after today) are dropped.
 * `url` may be null when the page's address is unknown.
 */
export function findDateClaims(dom: Document, url: string | null): DateClaim[] {
  const facts = gatherFacts(dom);
  const found: Found[] = [];
  const add = (family: Family, stamp: DateStamp | null | undefined, strength: number, why: string) => {
    const basis = family === 'text' || family === 'fallback' ? 'content' : 'metadata';
    if (stamp && isPlausibleDay(stamp.date)) found.push({ date: stamp.date, basis, strength, why, family, utcHour: stamp.utcHour });
  };

  const ld = (key: JsonLdDateKey) => bestJsonLd(facts.jsonLd, key);
  add('structured', ld('datePublished'), HTML_DATE_STRENGTH.jsonLdPublished, 'JSON-LD datePublished');
  add('structured', ld('dateCreated'), HTML_DATE_STRENGTH.jsonLdCreated, 'JSON-LD dateCreated');
  add('structured', ld('dateModified'), HTML_DATE_STRENGTH.jsonLdModified, 'JSON-LD dateModified (an update)');

  const metaPub = facts.metas
    .filter((m) => m.role === 'published' && isPlausibleDay(m.date))
    .sort((a, b) => publishedRank(a.name) - publishedRank(b.name))[0];
  add('structured', metaPub, HTML_DATE_STRENGTH.metaPublished, `meta ${metaPub?.name}`);
  const metaGen = facts.metas.find((m) => m.role === 'generic' && isPlausibleDay(m.date));
  add('structured', metaGen, HTML_DATE_STRENGTH.metaGeneric, `meta ${metaGen?.name}`);
  const metaMod = facts.metas.find((m) => m.role === 'modified' && isPlausibleDay(m.date));
  add('structured', metaMod, HTML_DATE_STRENGTH.metaModified, `meta ${metaMod?.name} (an update)`);

  const itemPub = facts.itemprops.find((p) => p.key !== 'modified' && isPlausibleDay(p.date));
  add('structured', itemPub, HTML_DATE_STRENGTH.itempropPublished, `itemprop date${itemPub?.key === 'created' ? 'Created' : 'Published'} in the page`);

  const title = pickTitle(facts);
  const inFurniture = (zones: readonly number[]) => zones.some((z) => !title || !zoneHolds(facts.zones[z]!, title.order));
  const time = pickMarked(facts.times, title, inFurniture);
  if (time) add('markup', time, time.role === 'published' ? HTML_DATE_STRENGTH.timePublished : HTML_DATE_STRENGTH.time, time.why);
  const element = pickMarked(facts.dateElements, title, inFurniture);
  if (element) add('markup', element, HTML_DATE_STRENGTH.dateElement, element.why);

  const fromUrl = url ? urlDate(url) : null;
  if (fromUrl) add('url', { date: fromUrl.date, utcHour: null }, HTML_DATE_STRENGTH.urlDay, `URL path ${fromUrl.text}`);

  const excluded = facts.zones.filter((z) => !title || !zoneHolds(z, title.order));
  const start = title ? Math.max(0, title.offset - TEXT_BEFORE_TITLE) : 0;
  const near = firstTextDate(facts, start, start + TEXT_BEFORE_TITLE + TEXT_AFTER_TITLE, excluded);
  if (near) add('text', near, HTML_DATE_STRENGTH.textNearTitle, `text "${near.text}" near the top of the article`);
  const anywhere = near ? undefined : firstTextDate(facts, 0, facts.text.length, excluded);
  if (anywhere) add('fallback', anywhere, HTML_DATE_STRENGTH.textAnywhere, `text "${anywhere.text}", the first date in the page`);
  return refineAgreement(refineUtc(found)).map(({ date, basis, strength, why }) => ({ date, basis, strength, why }));
}

/**
 * Independent sources that name the same day back each other: a claim gains AGREEMENT for every
 * other family that names its day (the first date anywhere in the page backs nothing). So a day
 * the page shows in its date markup and its text, and its metadata lists as an update, outweighs
 * a lone JSON-LD datePublished, while metadata backed by the URL stays ahead of a stray text date.
 */
function refineAgreement(found: Found[]): Found[] {
  return found.map((f) => {
    const backers = new Set<Family>();
    for (const o of found) if (o.date === f.date && o.family !== f.family && o.family !== 'fallback') backers.add(o.family);
    if (backers.size === 0) return f;
    return { ...f, strength: f.strength + AGREEMENT * backers.size, why: `${f.why}; backed by ${[...backers].join(', ')}` };
  });
}

/**
 * A UTC time names the local day only by chance ("2023-11-09T06:35:29+00:00" is the evening of
 * the 8th in Los Angeles). When no local source backs such a day and one names the adjacent day
 * in the direction the time allows, the UTC claim steps below that local one.
 */
function refineUtc(found: Found[]): Found[] {
  const local = found.filter((f) => f.utcHour === null);
  return found.map((f) => {
    if (f.utcHour === null || local.some((l) => l.date === f.date)) return f;
    const adjacent = shiftDay(f.date, f.utcHour < 12 ? -1 : 1);
    const backing = local.filter((l) => l.date === adjacent && l.strength >= HTML_DATE_STRENGTH.textNearTitle).sort((a, b) => b.strength - a.strength)[0];
    if (!backing || backing.strength > f.strength) return f;
    return { ...f, strength: backing.strength - 1, why: `${f.why}; a UTC time, the page's local day is ${adjacent}` };
  });
}

function zoneHolds(zone: Zone, order: number): boolean {
  return order >= zone.orderStart && order <= zone.orderEnd;
}

/**
 * The date `key` of the most article-like JSON-LD object. Objects that are neither an article nor
 * a page (an Organization, a Product) count only when no article or page gives any date.
 */
function bestJsonLd(found: readonly JsonLdDate[], key: JsonLdDateKey): JsonLdDate | undefined {
  const pageLike = found.some((d) => d.typeRank < 2 && isPlausibleDay(d.date));
  let best: JsonLdDate | undefined;
  for (const d of found) {
    if (d.key !== key || !isPlausibleDay(d.date) || (pageLike && d.typeRank >= 2)) continue;
    if (!best || d.typeRank < best.typeRank) best = d;
  }
  return best;
}

/** The article's heading: the first h1 (else h2) whose text the page title contains (or contains it), else the first h1 in an article, else the first h1. */
function pickTitle(facts: PageFacts): Heading | undefined {
  const title = facts.titleText.toLowerCase();
  const matches = (h: Heading) => {
    const text = h.text.toLowerCase();
    return text.length > 3 && (title.includes(text) || text.includes(title));
  };
  if (title) {
    const match = facts.headings.find((h) => h.level === 1 && matches(h)) ?? facts.headings.find((h) => h.level === 2 && matches(h));
    if (match) return match;
  }
  const h1s = facts.headings.filter((h) => h.level === 1);
  return h1s.find((h) => h.inArticle) ?? h1s[0];
}

/** The marked date that belongs to the article: outside furniture, explicitly "published" first, then the first after its heading, in the article, anywhere. */
function pickMarked(marked: readonly Marked[], title: Heading | undefined, inFurniture: (zones: readonly number[]) => boolean): Marked | undefined {
  const usable = marked.filter((m) => m.role !== 'modified' && isPlausibleDay(m.date) && !inFurniture(m.zones));
  const explicit = usable.find((m) => m.role === 'published');
  if (explicit) return explicit;
  if (title) {
    const after = usable.find((m) => m.order > title.order);
    if (after) return after;
  }
  return usable.find((m) => m.inArticle) ?? usable[0];
}

/** The first plausible day written in the body text between `from` and `to`, outside the excluded zones. */
function firstTextDate(facts: PageFacts, from: number, to: number, excluded: readonly Zone[]): (DateStamp & { text: string }) | undefined {
  const window = facts.text.slice(from, to);
  for (const d of textDates(window, facts.order)) {
    const at = from + d.index;
    if (!isPlausibleDay(d.date) || excluded.some((z) => at >= z.textStart && at < z.textEnd)) continue;
    return { date: d.date, utcHour: null, text: window.slice(d.index, d.index + d.length) };
  }
  return undefined;
}

/** One walk over the DOM collecting meta tags, JSON-LD, marked dates, headings, furniture and the body text. */
function gatherFacts(dom: Document): PageFacts {
  const facts: PageFacts = {
    order: 'dmy',
    metas: [],
    jsonLd: [],
    itemprops: [],
    times: [],
    dateElements: [],
    headings: [],
    zones: [],
    text: '',
    titleText: '',
  };
  const parts: string[] = [];
  let length = 0;
  let order = 0;
  let ogTitle = '';
  let docTitle = '';
  const zoneStack: number[] = [];
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

  const visit = (node: AnyNode, inArticle: boolean, inBody: boolean): void => {
    if (node.type === 'text') {
      if (inBody) push(node.data);
      return;
    }
    if (node.type === 'root') {
      for (const c of node.children) visit(c, inArticle, inBody);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    const name = el.name;
    const myOrder = ++order;

    if (name === 'html') {
      const lang = attr(el, 'lang').toLowerCase();
      if (lang === 'en-us' || lang === 'en') facts.order = 'mdy';
    } else if (name === 'meta') {
      readMeta(el, facts);
      if (attr(el, 'property').toLowerCase() === 'og:title') ogTitle = attr(el, 'content');
      return;
    } else if (name === 'script') {
      if (attr(el, 'type').toLowerCase() === 'application/ld+json') facts.jsonLd.push(...jsonLdDates(childText(el)));
      return;
    } else if (name === 'title' && !inBody) {
      docTitle = childText(el);
      return;
    } else if (SKIP_TEXT.has(name)) {
      if (name === 'head') for (const c of el.children) visit(c, inArticle, false);
      return;
    }

    const cls = `${attr(el, 'class')} ${attr(el, 'id')}`;
    const hasCls = cls.length > 1;
    const article = inArticle || name === 'article' || name === 'main' || ARTICLE_CLASS.test(attr(el, 'class'));
    const body = inBody || name === 'body';
    const outside = OUTSIDE_FURNITURE_TAGS.has(name) || (hasCls && OUTSIDE_FURNITURE_CLASS.test(cls));
    const furniture = (outside && !inArticle) || (hasCls && FURNITURE_CLASS.test(cls));
    let zone = -1;
    if (furniture) {
      zone = facts.zones.push({ orderStart: myOrder, orderEnd: myOrder, textStart: length, textEnd: length }) - 1;
      zoneStack.push(zone);
    }

    const itemprop = attr(el, 'itemprop').toLowerCase();
    if (itemprop === 'datepublished' || itemprop === 'datecreated' || itemprop === 'datemodified') {
      const value = attr(el, 'content') || attr(el, 'datetime') || attr(el, 'title');
      const stamp = value ? parseDateStamp(value, facts.order) : null;
      if (stamp) facts.itemprops.push({ ...stamp, key: itemprop === 'datepublished' ? 'published' : itemprop === 'datecreated' ? 'created' : 'modified' });
    }

    const isTime = name === 'time';
    const marked = !isTime && hasCls && DATE_CLASS.test(cls);
    const block = isBlockTag(name);
    if (block) push('\n');
    const startOffset = length;
    const startPart = parts.length;
    for (const c of el.children) visit(c, article, body);
    if (block) push('\n');

    if (name === 'h1' || name === 'h2') facts.headings.push({ level: name === 'h1' ? 1 : 2, order: myOrder, offset: startOffset, text: textSince(startPart, 400), inArticle: article });
    if (isTime || marked) {
      const role: MarkRole =
        MODIFIED_CLASS.test(cls) || itemprop === 'datemodified'
          ? 'modified'
          : 'pubdate' in el.attribs || PUBLISHED_CLASS.test(cls) || itemprop === 'datepublished'
            ? 'published'
            : 'plain';
      const machine = attr(el, 'datetime') || (name === 'abbr' ? attr(el, 'title') : '') || attr(el, 'content');
      const shown = textSince(startPart, ELEMENT_TEXT);
      const stamp = (machine && parseDateStamp(machine, facts.order)) || (shown && parseDateStamp(shown, facts.order)) || null;
      if (stamp) {
        const what = isTime ? `<time${machine ? ` datetime="${machine}"` : ''}>` : `<${name} class="${normalizeSpace(cls)}">`;
        const why = `${what}${shown ? ` "${shown.slice(0, 60)}"` : ''}`;
        (isTime ? facts.times : facts.dateElements).push({ ...stamp, order: myOrder, inArticle: article, zones: [...zoneStack], role, why });
      }
    }
    if (zone >= 0) {
      const z = facts.zones[zone]!;
      z.orderEnd = order;
      z.textEnd = length;
      zoneStack.pop();
    }
  };
  visit(dom, false, false);
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
    const stamp = parseDateStamp(content, facts.order);
    if (stamp) facts.metas.push({ ...stamp, role, name: name.toLowerCase() });
    return;
  }
}
