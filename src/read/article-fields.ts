// Fields a record states about its article (a JSON record's title and date, a feed item's title,
// link and pubDate), laid over the draft a reader made of the record's body. Shared by the JSON
// and feed readers: the stated fields win over what the reader guessed from the body.
import type { Byline } from '../model/doc.ts';
import { parseBylineLine } from './byline.ts';
import type { ArticleDraft } from './draft.ts';
import { isRealDay, type DateClaim } from './published-date.ts';

/** What a record states; null or absent fields leave the reader's findings alone. */
export interface ArticleFields {
  title?: string | null;
  subtitle?: string | null;
  url?: string | null;
  outlet?: string | null;
  byline?: Byline[];
  /** Claims stated by the record, strongest first; they go before the reader's own. */
  dateClaims?: DateClaim[];
}

/**
 * The draft with the record's fields applied. A stated title replaces the reader's headline; when
 * the reader took a different line as headline (and maybe a standfirst after it), those lines go
 * back to the top of the body rather than being lost. A first body paragraph that repeats the
 * stated title is dropped. A stated byline replaces the reader's.
 */
export function applyArticleFields(draft: ArticleDraft, fields: ArticleFields): ArticleDraft {
  const out: ArticleDraft = { ...draft, source: { ...draft.source }, paragraphs: [...draft.paragraphs], dateClaims: [...draft.dateClaims] };
  const title = clean(fields.title);
  if (title !== null) {
    if (out.title !== null && sameLine(out.title, title)) {
      // The reader found the same headline: keep its standfirst too.
    } else if (out.title !== null) {
      const restored = [out.title, ...(out.subtitle !== null ? [out.subtitle] : [])];
      out.paragraphs.unshift(...restored);
      if (out.dateline) out.dateline = { ...out.dateline, paragraph: out.dateline.paragraph + restored.length };
      out.subtitle = null;
    }
    const first = out.paragraphs[0];
    if (first !== undefined && sameLine(first, title) && out.paragraphs.length > 1) {
      out.paragraphs.shift();
      if (out.dateline) {
        out.dateline = out.dateline.paragraph === 0 ? null : { ...out.dateline, paragraph: out.dateline.paragraph - 1 };
      }
    }
    out.title = title;
  }
  const subtitle = clean(fields.subtitle);
  if (subtitle !== null && out.subtitle === null && !repeatsBody(subtitle, out.paragraphs)) out.subtitle = subtitle;
  const url = clean(fields.url);
  if (url !== null) out.source.url = url;
  const outlet = clean(fields.outlet);
  if (outlet !== null) out.source.outlet = outlet;
  if (fields.byline && fields.byline.length > 0) out.byline = fields.byline;
  if (fields.dateClaims) out.dateClaims = [...fields.dateClaims, ...out.dateClaims];
  return out;
}

/** Bylines from author strings as records give them: "Jane Doe", "By Jane Doe and John Roe, Reuters". */
export function bylinesFromNames(names: readonly string[]): Byline[] {
  const out: Byline[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    out.push(...(parseBylineLine(name) ?? [{ name, affiliation: null }]));
  }
  return out;
}

const ISO_DATE_OR_DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * The day of an ISO 8601 date or date-time, as written: "2026-10-13T23:30:00-05:00" is the 13th,
 * the publisher's own day, not converted to UTC. Null when the value is not one, or no real day.
 */
export function isoDay(value: string): string | null {
  const m = ISO_DATE_OR_DATETIME.exec(value.trim());
  return m && isRealDay(m[1]!) ? m[1]! : null;
}

/**
 * True when a stated standfirst only repeats the body: a feed's description is often the lede
 * itself, whole or cut short ("The group's offer came as talks … [...]").
 */
function repeatsBody(subtitle: string, paragraphs: readonly string[]): boolean {
  if (/(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading)\W*$/i.test(subtitle)) return true;
  const head = normal(subtitle).slice(0, 80);
  return paragraphs.some((p) => normal(p).includes(head));
}

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
}

function normal(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function sameLine(a: string, b: string): boolean {
  const strip = (s: string) => normal(s).replace(/[\s.:;,!?…"'“”‘’]+$/u, '');
  return strip(a) === strip(b);
}

/**
 * The outlet a feed title or a page's site name names: they often read "Outlet — Section" or "Outlet: Section"
 * ("Lakeside Tribune — World" → "Lakeside Tribune"); the part before the separator is the outlet.
 */
export function outletName(feedTitle: string): string {
  const first = feedTitle.split(/\s+[—–|»>]\s+|\s+-\s+|:\s+/)[0]!.trim();
  return first.length >= 2 ? first : feedTitle;
}
