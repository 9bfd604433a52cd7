// RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom feeds → one ArticleDraft per item or entry.
// The item's body is its full content (content:encoded, Atom content), else its description or
// summary; HTML bodies are fragments, all body (see ../html/html-fragment.ts), whose paragraphs
// then go through the plain-text reader for datelines, bylines and captions. The item's own
// fields (title, link, date, author) and the channel's title as outlet override what that found.
//
// Dates: RSS pubDate, Atom published and dc:date are publication dates (feed metadata). Atom
// `updated` is when the entry last changed: used only when no publication date is given, and
// then at a lower strength than any date the content states.
//
// Bad items follow the JSON reader's policy: none usable refuses the feed (one InputError);
// otherwise the good drafts are returned and each bad item goes onto `problems`, or is thrown
// when no `problems` list is given.
import type { Byline, SourceInfo } from '../../model/doc.ts';
import { applyArticleFields, bylinesFromNames, isoDay, outletName } from '../article-fields.ts';
import type { ArticleDraft } from '../draft.ts';
import { readHtmlFragment } from '../html/html-fragment.ts';
import { InputError } from '../input-error.ts';
import { CLAIM_STRENGTH, isRealDay, type DateClaim } from '../published-date.ts';
import type { DecodedInput } from '../source.ts';
import { readPlainText } from '../text/text-reader.ts';
import { childElement, childElements, innerText, innerXml, parseXml, XmlRefused, type XmlElement } from './xml-tree.ts';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const;

/** What one item or entry states, before its body is read. */
interface FeedItem {
  title: string | null;
  link: string | null;
  byline: Byline[];
  dateClaims: DateClaim[];
  /** The full body, or the description when there is nothing else. */
  body: { text: string; html: boolean } | null;
  /** The description or summary, when the body came from full content. */
  summary: string | null;
}

/** The drafts of every usable item in an RSS or Atom feed. Throws InputError for malformed, unsafe or empty feeds. */
export function readFeed(input: DecodedInput, source: SourceInfo, problems?: InputError[]): ArticleDraft[] {
  const feed = parseFeed(input);
  if (feed.items.length === 0) throw new InputError(input.name, 'a feed with no items');
  const outlet = feed.title === null ? source.outlet : outletName(feed.title);

  const drafts: ArticleDraft[] = [];
  const bad: string[] = [];
  feed.items.forEach((item, i) => {
    const where = `item ${i + 1}${item.title ? ` ("${shorten(item.title)}")` : ''}`;
    if (!item.body) {
      bad.push(`${where}: no text (neither content nor description)`);
      return;
    }
    try {
      drafts.push(readItem(item, item.body, { ...source, url: item.link ?? source.url, outlet }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      bad.push(`${where}: cannot be read (${message.split('\n', 1)[0]!.trim()})`);
    }
  });
  if (drafts.length === 0) {
    throw new InputError(input.name, bad.length === 1 ? bad[0]! : `${bad[0]!}; no usable item (all ${bad.length} are bad)`);
  }
  if (bad.length > 0) {
    if (!problems) throw new InputError(input.name, bad[0]!);
    for (const message of bad) problems.push(new InputError(input.name, message));
  }
  return drafts;
}

/**
 * The links of a feed's items, in feed order, as the feed writes them (possibly relative), and how
 * many items have none: the pages `dossier watch` fetches. Throws InputError for a malformed or
 * unsafe document or one that is no feed; a feed with no items gives no links.
 */
export function readFeedLinks(input: DecodedInput): { links: string[]; unlinked: number } {
  const items = parseFeed(input).items;
  const links = items.map((item) => item.link).filter((link): link is string => link !== null);
  return { links, unlinked: items.length - links.length };
}

/** The feed's title and items; throws InputError naming the input when it is no XML Dossier reads or no feed. */
function parseFeed(input: DecodedInput): { title: string | null; items: FeedItem[] } {
  let root: XmlElement;
  try {
    root = parseXml(input.text);
  } catch (error) {
    if (error instanceof XmlRefused) throw new InputError(input.name, error.message);
    throw error;
  }
  const feed = feedItems(root);
  if (!feed) throw new InputError(input.name, `not an RSS or Atom feed (its root element is <${root.local}>)`);
  return feed;
}

function readItem(item: FeedItem, body: NonNullable<FeedItem['body']>, source: SourceInfo): ArticleDraft {
  let draft: ArticleDraft;
  if (body.html) {
    const fragment = readHtmlFragment(body.text);
    draft = readPlainText(fragment.paragraphs.join('\n\n'), source);
    draft = { ...draft, captions: [...fragment.captions, ...draft.captions] };
  } else {
    draft = readPlainText(body.text, source);
  }
  return applyArticleFields(draft, {
    title: item.title,
    subtitle: item.summary,
    url: item.link,
    outlet: source.outlet,
    byline: item.byline,
    dateClaims: item.dateClaims,
  });
}

/** The feed's title and items, or null when the root is no feed element Dossier knows. */
function feedItems(root: XmlElement): { title: string | null; items: FeedItem[] } | null {
  if (root.local === 'rss' && root.ns === '') {
    const channel = childElement(root, '', 'channel');
    if (!channel) return { title: null, items: [] };
    return { title: plain(rssChild(channel, 'title')), items: rssChildren(channel, 'item').map(rssItem) };
  }
  if (root.local === 'RDF' && root.ns === NS.rdf) {
    const channel = rssChild(root, 'channel');
    return { title: plain(channel && rssChild(channel, 'title')), items: rssChildren(root, 'item').map(rssItem) };
  }
  if (root.local === 'feed' && isAtom(root.ns)) {
    const feedAuthors = atomAuthors(root);
    return { title: atomText(atomChild(root, 'title')), items: atomChildren(root, 'entry').map((e) => atomEntry(e, feedAuthors)) };
  }
  return null;
}

// RSS 2.0 has no namespace; RSS 1.0 and 0.90 items live in theirs.
const RSS_NAMESPACES = new Set<string>(['', NS.rss1, NS.rss090]);
const rssChildren = (el: XmlElement, local: string) => childElements(el).filter((c) => c.local === local && RSS_NAMESPACES.has(c.ns));
const rssChild = (el: XmlElement, local: string): XmlElement | undefined => rssChildren(el, local)[0];

function rssItem(item: XmlElement): FeedItem {
  const content = plainOrNull(childElement(item, NS.content, 'encoded'));
  const description = plainOrNull(rssChild(item, 'description'));
  const dateClaims: DateClaim[] = [];
  const pubDate = plain(rssChild(item, 'pubDate'));
  const pubDay = pubDate === null ? null : rfc822Day(pubDate) ?? isoDay(pubDate);
  if (pubDay) dateClaims.push(metadataClaim(pubDay, "the feed item's pubDate"));
  for (const dc of childElements(item, NS.dc, 'date')) {
    const day = isoDay(innerText(dc));
    if (day) dateClaims.push(metadataClaim(day, "the feed item's dc:date"));
  }
  const names = [
    ...rssChildren(item, 'author').map((a) => rssAuthorName(innerText(a))),
    ...childElements(item, NS.dc, 'creator').map(innerText),
  ].filter((n): n is string => n !== null && n.trim() !== '');
  return {
    title: plain(rssChild(item, 'title')),
    link: plain(rssChild(item, 'link')) ?? permalink(rssChild(item, 'guid')),
    byline: bylinesFromNames([...new Set(names.map((n) => n.trim()))]),
    dateClaims,
    // RSS descriptions are HTML by convention (entity-encoded or in CDATA).
    body: content ? { text: content, html: true } : description ? { text: description, html: true } : null,
    summary: content && description ? fragmentLine(description) : null,
  };
}

/** RSS `author` is an e-mail address, conventionally with the name after it: "jane@example.com (Jane Doe)". */
function rssAuthorName(value: string): string | null {
  const v = value.trim();
  const inParens = /^\S+@\S+\s*\((.+)\)$/.exec(v);
  if (inParens) return inParens[1]!;
  const beforeAddress = /^(.+?)\s*<\S+@\S+>$/.exec(v);
  if (beforeAddress) return beforeAddress[1]!.replace(/^"|"$/g, '');
  return /^\S+@\S+$/.test(v) ? null : v;
}

function permalink(guid: XmlElement | undefined): string | null {
  if (!guid || guid.attrs['isPermaLink'] === 'false') return null;
  const v = innerText(guid).trim();
  return /^https?:\/\//i.test(v) ? v : null;
}

const isAtom = (ns: string) => ns === NS.atom || ns === NS.atom03;
const atomChildren = (el: XmlElement, local: string) => childElements(el).filter((c) => c.local === local && isAtom(c.ns));
const atomChild = (el: XmlElement, local: string): XmlElement | undefined => atomChildren(el, local)[0];

function atomEntry(entry: XmlElement, feedAuthors: string[]): FeedItem {
  const dateClaims: DateClaim[] = [];
  // Atom 0.3 called the publication date `issued` and the last change `modified`.
  const published = plain(atomChild(entry, 'published') ?? atomChild(entry, 'issued'));
  const publishedDay = published === null ? null : isoDay(published);
  if (publishedDay) dateClaims.push(metadataClaim(publishedDay, "the feed entry's published date"));
  for (const dc of childElements(entry, NS.dc, 'date')) {
    const day = isoDay(innerText(dc));
    if (day) dateClaims.push(metadataClaim(day, "the feed entry's dc:date"));
  }
  if (dateClaims.length === 0) {
    const updated = plain(atomChild(entry, 'updated') ?? atomChild(entry, 'modified'));
    const day = updated === null ? null : isoDay(updated);
    if (day) {
      dateClaims.push({ date: day, basis: 'metadata', strength: CLAIM_STRENGTH.looseMetadata, why: "the feed entry's updated date (it gives no published date)" });
    }
  }
  const names = atomAuthors(entry);
  const content = atomChild(entry, 'content');
  const summary = atomChild(entry, 'summary');
  // Content with a `src` is out of line: the entry then carries no body of its own.
  const full = content && content.attrs['src'] === undefined ? atomBody(content) : null;
  const body = full ?? (summary ? atomBody(summary) : null);
  return {
    title: atomText(atomChild(entry, 'title')),
    link: atomLink(entry),
    byline: bylinesFromNames(names.length > 0 ? names : feedAuthors),
    dateClaims,
    body,
    summary: full && summary ? atomText(summary) : null,
  };
}

function atomAuthors(el: XmlElement): string[] {
  return atomChildren(el, 'author')
    .map((a) => plain(atomChild(a, 'name')))
    .filter((n): n is string => n !== null);
}

/** The entry's web page: `link rel="alternate"` (rel defaults to alternate), HTML preferred. */
function atomLink(entry: XmlElement): string | null {
  const alternates = atomChildren(entry, 'link').filter((l) => (l.attrs['rel'] ?? 'alternate') === 'alternate' && l.attrs['href']);
  const html = alternates.find((l) => /html/i.test(l.attrs['type'] ?? 'text/html'));
  const href = (html ?? alternates[0])?.attrs['href']?.trim();
  return href ? href : null;
}

/** An Atom text construct as a body: `type` is text (default), html (escaped markup) or xhtml (inline markup). */
function atomBody(el: XmlElement): { text: string; html: boolean } | null {
  const type = (el.attrs['type'] ?? 'text').toLowerCase();
  const raw = type === 'xhtml' ? innerXml(el) : innerText(el);
  if (raw.trim() === '') return null;
  return { text: raw, html: type === 'html' || type === 'xhtml' || type === 'text/html' };
}

/** An Atom text construct as one line of text (titles, summaries). */
function atomText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const body = atomBody(el);
  if (!body) return null;
  return body.html ? fragmentLine(body.text) : body.text.replace(/\s+/g, ' ').trim();
}

/** An HTML fragment's text on one line. */
function fragmentLine(html: string): string | null {
  const line = readHtmlFragment(html).paragraphs.join(' ').trim();
  return line === '' ? null : line;
}

function plainOrNull(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const text = innerText(el);
  return text.trim() === '' ? null : text;
}

function plain(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const text = innerText(el).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

function metadataClaim(date: string, why: string): DateClaim {
  return { date, basis: 'metadata', strength: CLAIM_STRENGTH.structuredMetadata, why };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The day of an RFC 822 date as feeds write it ("Mon, 12 Oct 2026 09:30:00 +0000"), as stated in
 * its own time zone. Two-digit years are read as RFC 2822 says (00–49 → 20xx). Null otherwise.
 */
export function rfc822Day(value: string): string | null {
  const m = /^(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{2,4})\b/.exec(value.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
  if (month === -1) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) year += 1900;
  const day = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isRealDay(day) ? day : null;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
