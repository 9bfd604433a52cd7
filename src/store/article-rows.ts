// What the backends share about articles beyond SQL: the row shape their queries give, its
// conversion to the contract's types, the cursors of the article listings, and the search's
// ranking weight, snippet format and snippet maker. Each backend selects its columns under these names.
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

/** Per UTF-16 code unit: 1 for a word character (a letter, digit or combining mark), 2 for another, 0 not looked up yet. */
const WORD_UNITS = new Uint8Array(65536);
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
/** Words a snippet shows before its first match, so the match is read in context. */
const SNIPPET_LEAD = 3;

/** True for a code unit of a word. Surrogates count as word characters: astral letters stay words. */
function isWordUnit(code: number): boolean {
  let kind = WORD_UNITS[code]!;
  if (kind === 0) kind = WORD_UNITS[code] = (code >= 0xd800 && code <= 0xdfff) || WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
  return kind === 1;
}

/**
 * The words of `text` (runs of letters, digits and combining marks) as spans, and whether each
 * is plain ASCII. A loop over code units: a Unicode property regex over a 4 KB article took 4
 * times as long.
 */
function wordSpans(text: string): { starts: number[]; ends: number[]; ascii: boolean[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const ascii: boolean[] = [];
  let start = -1;
  let plain = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const inWord = code < 128 ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : isWordUnit(code);
    if (inWord) {
      if (start < 0) {
        start = i;
        plain = true;
      }
      if (code >= 128) plain = false;
    } else if (start >= 0) {
      starts.push(start);
      ends.push(i);
      ascii.push(plain);
      start = -1;
    }
  }
  return { starts, ends, ascii };
}

/** A word without case or diacritics ("Élysée" and "elysee" are one word), as both backends' search folds words. */
function foldWord(word: string, ascii: boolean): string {
  const lower = word.toLowerCase();
  return ascii ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * A snippet of `text`: the window of about `size` words holding the most of the query's words
 * (the earliest such window), each match marked, as one line with an ellipsis where it stops short
 * of the text; the text's first words when none of them is in it (it matched by its title).
 * `query` is the words as typed (queryWords): each is a phrase of the words in it ("al-Sharaa"
 * matches "al" then "sharaa"), compared without case or diacritics. For a backend whose own
 * snippet function costs too much (PostgreSQL's ts_headline parses the whole text with its
 * dictionaries: 0.3 ms an article, against some 0.03 ms here).
 */
export function textSnippet(text: string, query: readonly string[], size = SNIPPET_WORDS): Snippet {
  const phrases = query
    .map((word) => {
      const spans = wordSpans(word);
      return spans.starts.map((start, i) => foldWord(word.slice(start, spans.ends[i]), spans.ascii[i]!));
    })
    .filter((phrase) => phrase.length > 0);
  const { starts, ends, ascii } = wordSpans(text);
  if (starts.length === 0) return parseSnippet(text);
  // Only words that could be one of the query's are folded: an ASCII word of another length cannot.
  const lengths = new Set(phrases.flat().map((w) => w.length));
  const folded: (string | null)[] = new Array<string | null>(starts.length).fill(null);
  const wordAt = (i: number): string => {
    if (i >= starts.length) return '';
    let word = folded[i]!;
    if (word === null) word = folded[i] = ascii[i] && !lengths.has(ends[i]! - starts[i]!) ? '' : foldWord(text.slice(starts[i], ends[i]), ascii[i]!);
    return word;
  };
  const matches: { at: number; phrase: number; length: number }[] = [];
  for (let at = 0; at < starts.length; at++) {
    const first = wordAt(at);
    if (first === '') continue;
    phrases.forEach((phrase, p) => {
      if (phrase[0] !== first) return;
      let k = 1;
      while (k < phrase.length && wordAt(at + k) === phrase[k]) k++;
      if (k === phrase.length) matches.push({ at, phrase: p, length: phrase.length });
    });
  }
  const inWindow = (from: number) => matches.filter((m) => m.at >= from && m.at + m.length <= from + size);
  let best = { from: 0, distinct: 0 };
  for (const m of matches) {
    const from = Math.max(0, Math.min(m.at - SNIPPET_LEAD, starts.length - size));
    const distinct = new Set(inWindow(from).map((x) => x.phrase)).size;
    if (distinct > best.distinct) best = { from, distinct };
    if (distinct === phrases.length) break;
  }
  const to = Math.min(starts.length, best.from + size);
  let raw = '';
  // A window at the start or end of the text keeps what is before its first word or after its last (a quote mark, a full stop).
  let at = best.from === 0 ? 0 : starts[best.from]!;
  for (const m of inWindow(best.from)) {
    const start = starts[m.at]!;
    if (start < at) continue;
    const end = ends[m.at + m.length - 1]!;
    raw += `${text.slice(at, start)}${MARK_OPEN}${text.slice(start, end)}${MARK_CLOSE}`;
    at = end;
  }
  raw += text.slice(at, to === starts.length ? text.length : ends[to - 1]);
  return parseSnippet(raw, { before: best.from > 0, after: to < starts.length });
}
