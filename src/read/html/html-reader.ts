// HTML page → ArticleDraft. The page is parsed once; metadata (headline, bylines, outlet,
// canonical URL, standfirst, captions) and the body are read from the same DOM.
import type { AnyNode, Element } from 'domhandler';
import type { SourceInfo } from '../../model/doc.ts';
import { emptyDraft, type ArticleDraft } from '../draft.ts';
import { findDateline } from '../dateline.ts';
import { outletName } from '../article-fields.ts';
import { parseHtml } from './parse-html.ts';
import { readPageFacts } from './page-facts.ts';
import { extractBody } from './extract-body.ts';
import { chooseHeadline, declaredTitle, headingCandidates } from './html-headline.ts';
import { readBylines } from './html-byline.ts';
import { readCaptions } from './html-captions.ts';
import { readStandfirst, repeats } from './html-standfirst.ts';
import { normalizeSpace } from './dom-text.ts';
import { findDateClaims } from './html-dates.ts';

/** Reads one HTML page: headline, standfirst, bylines, body paragraphs (furniture removed), captions, outlet, canonical URL. */
export function readHtml(html: string, source: SourceInfo): ArticleDraft {
  const dom = parseHtml(html);
  const facts = readPageFacts(dom);
  const siteName = facts.meta.get('og:site_name') ?? facts.jsonLd.publisher ?? null;
  // Site names often carry a slogan or section list ("Autoracing | F1 | Indy | …").
  const outlet = siteName === null ? null : outletName(siteName);
  // Every title the page shows is a hint: the body must not start with the headline again.
  const titles = [declaredTitle(facts, outlet), facts.titleTag, ...headingCandidates(dom).map((h) => h.text)].filter((t): t is string => t !== null);
  const body = extractBody(dom, { titles });
  const title = chooseHeadline(dom, facts, outlet, body.containers);
  const area = articleArea(body.containers) ?? dom;

  const draft = emptyDraft({
    path: source.path,
    url: source.url ?? absoluteWebUrl(facts.canonical ?? facts.meta.get('og:url') ?? null, source.url),
    outlet: source.outlet ?? outlet,
  });
  draft.title = title;
  draft.byline = readBylines(dom, facts);
  draft.captions = readCaptions(area);
  let paragraphs = body.paragraphs;
  const subtitle = readStandfirst(area, facts, paragraphs[0] ?? null, title);
  // A marked standfirst inside the body container would be read twice.
  if (subtitle !== null && paragraphs[0] !== undefined && normalizeSpace(paragraphs[0]) === subtitle) paragraphs = paragraphs.slice(1);
  draft.subtitle = subtitle !== null && title !== null && repeats(subtitle, title) && subtitle.length <= title.length + 3 ? null : subtitle;
  draft.paragraphs = paragraphs;
  const first = paragraphs[0];
  const dateline = first === undefined ? null : findDateline(first);
  draft.dateline = dateline === null ? null : { paragraph: 0, start: 0, end: dateline.end, place: dateline.place, agency: dateline.agency };
  draft.dateClaims = findDateClaims(dom, draft.source.url);
  return draft;
}

/** The element around the body that also holds its header and figures: the enclosing <article>, else a few levels up. */
function articleArea(containers: readonly Element[]): AnyNode | null {
  const first = containers[0];
  if (!first) return null;
  for (let n: AnyNode | null = first; n && n.type === 'tag'; n = n.parent) {
    if (n.name === 'article' || n.name === 'main') return n;
  }
  let n: AnyNode = first;
  for (let i = 0; i < 3 && n.parent && n.parent.type === 'tag' && n.parent.name !== 'body'; i++) n = n.parent;
  return n;
}

/**
 * `href` made absolute against `base` when relative (a page's canonical link, a feed's item link);
 * null when it is no http(s) URL, or is relative with no base to resolve it against.
 */
export function absoluteWebUrl(href: string | null, base: string | null): string | null {
  if (href === null) return null;
  try {
    const url = base === null ? new URL(href) : new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    // Not a URL, or relative with nothing to resolve it against: it names no page.
    return null;
  }
}
