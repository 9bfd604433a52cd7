// The one document model: a Doc is the article's reading text, what the reader found
// about it (meta), and the analysis layers the pipeline adds. Every span points into `text`.
import { createHash } from 'node:crypto';
import type { TextSpan } from './span.ts';
import type { Layers } from './layers.ts';

/** Where a document came from. `path` is null for stdin, `url` and `outlet` when known. */
export interface SourceInfo {
  path: string | null;
  url: string | null;
  outlet: string | null;
}

/** One author of the article, name in normal case ("Aamer Madhani"), affiliation when stated. */
export interface Byline {
  name: string;
  affiliation: string | null;
}

/** "WASHINGTON (AP) —": the place and agency, and the span of the whole dateline in `text`. */
export interface Dateline extends TextSpan {
  place: string | null;
  agency: string | null;
}

/** How a publication date was found: document metadata, the article's content, `--date`, or not at all. */
export type DateBasis = 'metadata' | 'content' | 'argument' | 'none';

/** A publication date some part of the input claims and the chosen date disagrees with. */
export interface DateConflict {
  date: string;
  basis: string;
  why: string;
}

/** The publication date chosen, how it was found, and every disagreeing claim. */
export interface Published {
  date: string | null;
  basis: DateBasis;
  conflicts: DateConflict[];
}

/** A photo caption kept out of the body, with its credit ("AP Photo/Alex Brandon") when given. */
export interface Caption {
  text: string;
  credit: string | null;
}

/** What the reader found out about the article besides its text. */
export interface DocMeta {
  source: SourceInfo;
  title: TextSpan | null;
  subtitle: TextSpan | null;
  byline: Byline[];
  dateline: Dateline | null;
  published: Published;
  captions: Caption[];
}

/** An article: reading text (title, standfirst, body), metadata and analysis layers. */
export interface Doc {
  id: string;
  text: string;
  meta: DocMeta;
  layers: Layers;
}

/** The stable id of a document: the same text always gives the same id. */
export function docId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}
