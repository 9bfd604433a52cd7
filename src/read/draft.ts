// What every reader produces: the article's parts as the reader found them, before they
// are laid out into one reading text. `assembleDoc` is the only place that lays them out,
// so every reader gets the same text shape and the same span arithmetic.
import type { Byline, Caption, Doc, SourceInfo } from '../model/doc.ts';
import { docId } from '../model/doc.ts';
import { textSpan } from '../model/span.ts';
import { resolvePublished, type DateClaim } from './published-date.ts';

/** A dateline found at the start of a body paragraph, with offsets into that paragraph. */
export interface DatelineDraft {
  paragraph: number;
  start: number;
  end: number;
  place: string | null;
  agency: string | null;
}

/** An article as a reader found it. Paragraphs are body paragraphs in reading order, datelines included. */
export interface ArticleDraft {
  source: SourceInfo;
  title: string | null;
  subtitle: string | null;
  byline: Byline[];
  dateline: DatelineDraft | null;
  paragraphs: string[];
  captions: Caption[];
  dateClaims: DateClaim[];
}

/** Options the caller gives every document: `date` is the `--date` to assume when the document carries none. */
export interface AssembleOptions {
  date?: string | null;
}

const PARAGRAPH_BREAK = '\n\n';

/**
 * Lays a draft out as one reading text (title, standfirst, body paragraphs, separated by blank
 * lines) and returns the Doc with its spans and publication date. No analysis layers yet.
 */
export function assembleDoc(draft: ArticleDraft, options: AssembleOptions = {}): Doc {
  const parts: string[] = [];
  let offset = 0;
  const push = (part: string): number => {
    if (parts.length > 0) offset += PARAGRAPH_BREAK.length;
    const start = offset;
    parts.push(part);
    offset += part.length;
    return start;
  };
  const clean = (s: string | null) => (s === null ? '' : s.trim());

  const title = clean(draft.title);
  const titleStart = title ? push(title) : -1;
  const subtitle = clean(draft.subtitle);
  const subtitleStart = subtitle ? push(subtitle) : -1;
  const paragraphStarts: number[] = [];
  for (const paragraph of draft.paragraphs) {
    // Paragraphs are kept verbatim (the dateline offsets refer to them); empty ones are dropped.
    paragraphStarts.push(paragraph.trim() === '' ? -1 : push(paragraph));
  }
  const text = parts.join(PARAGRAPH_BREAK);

  let dateline: Doc['meta']['dateline'] = null;
  const d = draft.dateline;
  const base = d ? paragraphStarts[d.paragraph] : undefined;
  if (d && base !== undefined && base >= 0) {
    dateline = { ...textSpan(text, base + d.start, base + d.end), place: d.place, agency: d.agency };
  }

  return {
    id: docId(text),
    text,
    meta: {
      source: draft.source,
      title: title ? textSpan(text, titleStart, titleStart + title.length) : null,
      subtitle: subtitle ? textSpan(text, subtitleStart, subtitleStart + subtitle.length) : null,
      byline: draft.byline,
      dateline,
      published: resolvePublished(draft.dateClaims, options.date ?? null),
      captions: draft.captions,
    },
    layers: {},
  };
}

/** A draft with nothing in it yet, for readers to fill. */
export function emptyDraft(source: SourceInfo): ArticleDraft {
  return {
    source,
    title: null,
    subtitle: null,
    byline: [],
    dateline: null,
    paragraphs: [],
    captions: [],
    dateClaims: [],
  };
}
