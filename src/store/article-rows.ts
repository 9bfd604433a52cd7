// What the backends share about articles beyond SQL: the row shape their queries give, its
// conversion to the contract's types, the cursors of the article listings, and the search's
// ranking weight and snippet format. Each backend selects its columns under these names.
import type { AnalysisRecord } from '../model/record.ts';
import { BadCursorError, type ArticleMeta, type Snippet, type StoredArticle } from './store.ts';

/** One articles row as the backends select it (`latest` as 0 or 1). */
export interface ArticleRow {
  seq: number;
  id: string;
  article_id: string;
  version: number;
  latest: number;
  url: string | null;
  outlet: string | null;
  published: string | null;
  title: string | null;
  ingested_at: string;
}

/** The indexed facts of a row. */
export function articleMeta(row: ArticleRow): ArticleMeta {
  return {
    id: row.id,
    articleId: row.article_id,
    version: row.version,
    latest: row.latest === 1,
    url: row.url,
    outlet: row.outlet,
    published: row.published,
    title: row.title,
    ingestedAt: row.ingested_at,
  };
}

/** A row with its record (JSON) as the contract's StoredArticle. */
export function storedArticle(row: ArticleRow & { record: string }): StoredArticle {
  return { ...articleMeta(row), record: JSON.parse(row.record) as AnalysisRecord };
}

/** The cursor after an article of `listArticles`, by its storage order. */
export function listCursor(seq: number): string {
  return `s${seq}`;
}

/** The cursor of the search page that starts at `offset`. */
export function searchCursor(offset: number): string {
  return `o${offset}`;
}

/** The number a cursor of this listing carries (`s123`: after seq 123; `o40`: from offset 40); 0 without a cursor. Throws BadCursorError. */
export function decodeArticleCursor(cursor: string | null | undefined, kind: 's' | 'o'): number {
  if (cursor === undefined || cursor === null) return 0;
  const m = /^([so])(\d{1,15})$/.exec(cursor);
  if (!m || m[1] !== kind) throw new BadCursorError(cursor);
  return Number(m[2]);
}

/** How much more a match in the title weighs than one in the text (the text also holds the title). */
export const TITLE_WEIGHT = 4;
/** About how many words a snippet holds. */
export const SNIPPET_WORDS = 16;
/** Highlight delimiters handed to the database's snippet function: private-use characters no article should contain. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

/**
 * A snippet as the database marks it (MARK_OPEN word MARK_CLOSE), as one line of text with the
 * marked words as spans. `cut`: where the excerpt stops short of the text, for a database whose
 * snippets do not say so themselves (FTS5 puts the ellipses in; PostgreSQL's ts_headline does not).
 */
export function parseSnippet(raw: string, cut: { before: boolean; after: boolean } = { before: false, after: false }): Snippet {
  const flat = `${cut.before ? '…' : ''}${raw.replace(/\s+/g, ' ').trim()}${cut.after ? '…' : ''}`;
  let text = '';
  const marks: Snippet['marks'] = [];
  let open = -1;
  for (const ch of flat) {
    if (ch === MARK_OPEN) open = text.length;
    else if (ch === MARK_CLOSE) {
      if (open >= 0) marks.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  return { text, marks };
}
