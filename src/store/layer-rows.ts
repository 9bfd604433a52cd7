// What the backends share about the tables of indexed layers (quotes, figures) beyond SQL: how
// each table names its columns (the same in every backend), the values of a record's rows, the
// row shape a listing selects and its conversion to the contract's StoredQuote and StoredFigure,
// and the listings' keyset cursors (day, article, position).
import type { Figure, Quote } from '../model/layers.ts';
import type { AnalysisRecord } from '../model/record.ts';
import type { TextSpan } from '../model/span.ts';
import { BadCursorError, type IdentityName, type LayerIndexFacts, type StoredFigure, type StoredLayerItem, type StoredQuote } from './store.ts';

/** How one indexed-layer table names its columns. Names are fixed by the code, never taken from input. */
export interface LayerTable {
  /** The table, named as the record's layer it indexes. */
  table: 'quotes' | 'figures';
  /** The item's place in the record's layer. */
  indexColumn: string;
  /** The item as the record gives it, JSON. */
  itemColumn: string;
  /** Who the item is attributed to: the record's entity, the identity it is linked to, the text as written (compared case aside). */
  entityColumn: string;
  identityColumn: string;
  textColumn: string;
  /** The span of the sentences around the item. */
  sentenceStartColumn: string;
  sentenceEndColumn: string;
  /** The first character of the listing's cursors, so that a cursor of one listing is refused by another. */
  cursorPrefix: string;
}

/** The quotes table (migrations: sqlite/20261124T1200-quotes.sql and its PostgreSQL equal). */
export const QUOTES_TABLE: LayerTable = {
  table: 'quotes',
  indexColumn: 'quote_index',
  itemColumn: 'quote',
  entityColumn: 'speaker_entity',
  identityColumn: 'speaker_identity',
  textColumn: 'speaker_text',
  sentenceStartColumn: 'sentences_start',
  sentenceEndColumn: 'sentences_end',
  cursorPrefix: 'q',
};

/** The figures table (migrations: sqlite/20261124T1300-figures.sql and its PostgreSQL equal). */
export const FIGURES_TABLE: LayerTable = {
  table: 'figures',
  indexColumn: 'figure_index',
  itemColumn: 'figure',
  entityColumn: 'claimant_entity',
  identityColumn: 'claimant_identity',
  textColumn: 'claimant_text',
  sentenceStartColumn: 'sentence_start',
  sentenceEndColumn: 'sentence_end',
  cursorPrefix: 'f',
};

/** The values of one row to write, but the article's storage order and the identity (read from the entity links where written). */
export interface LayerRowValues {
  recordId: string;
  index: number;
  position: number;
  day: string | null;
  entity: string | null;
  text: string | null;
  sentencesStart: number | null;
  sentencesEnd: number | null;
  /** The item as JSON. */
  item: string;
}

/** The rows of `items`, one layer of `record`, from their index `facts` (in layer order). */
export function layerRowValues(record: AnalysisRecord, items: readonly unknown[], facts: readonly LayerIndexFacts[]): LayerRowValues[] {
  return items.map((item, i) => {
    const f = facts[i]!;
    return {
      recordId: record.id,
      index: f.index,
      position: f.position,
      day: f.day,
      entity: f.attributedTo?.entity ?? null,
      text: f.attributedTo?.text ?? null,
      sentencesStart: f.sentences?.start ?? null,
      sentencesEnd: f.sentences?.end ?? null,
      item: JSON.stringify(item),
    };
  });
}

/** One row of a listing: the item's indexed columns under common names, and its article's facts. */
export interface LayerRow {
  record_id: string;
  item_index: number;
  article_seq: number;
  position: number;
  day: string | null;
  identity_id: string | null;
  identity_name: string | null;
  sentence_start: number | null;
  sentence_end: number | null;
  item: string;
  article_id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
}

/** A page of rows, the texts of their records (by record id) to cut spans from, and the cursor after them. */
export interface LayerRowPage {
  rows: LayerRow[];
  texts: Map<string, string>;
  nextCursor: string | null;
}

/** Where a page of a listing ends: its last item's day (null: undated), article and position. */
export interface LayerCursor {
  day: string | null;
  seq: number;
  position: number;
}

/** `<prefix><day or ->.<seq>.<position>`: the cursor after this row in listing order. */
export function layerCursor(table: LayerTable, last: LayerRow): string {
  return `${table.cursorPrefix}${last.day ?? '-'}.${last.article_seq}.${last.position}`;
}

/** The position a cursor of this table's listing stands for; null without a cursor. Throws BadCursorError. */
export function decodeLayerCursor(table: LayerTable, cursor: string | null | undefined): LayerCursor | null {
  if (cursor === undefined || cursor === null) return null;
  const m = /^(.)(\d{4}-\d{2}-\d{2}|-)\.(\d{1,15})\.(\d{1,9})$/.exec(cursor);
  if (!m || m[1] !== table.cursorPrefix) throw new BadCursorError(cursor);
  return { day: m[2] === '-' ? null : m[2]!, seq: Number(m[3]), position: Number(m[4]) };
}

/** The record and article facts of a listed row. */
export function layerItemOf(row: LayerRow): StoredLayerItem {
  return {
    recordId: row.record_id,
    index: row.item_index,
    articleId: row.article_id,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    published: row.published,
  };
}

/** The identity a row's item is attributed to, with its canonical name; null without one. */
export function identityOf(row: LayerRow): IdentityName | null {
  return row.identity_id !== null && row.identity_name !== null ? { id: row.identity_id, name: row.identity_name } : null;
}

/** The sentences around a row's item, cut from its record's `text`; null when no sentence holds it. */
export function sentenceOf(row: LayerRow, text: string): TextSpan | null {
  if (row.sentence_start === null || row.sentence_end === null) return null;
  return { start: row.sentence_start, end: row.sentence_end, text: text.slice(row.sentence_start, row.sentence_end) };
}

/** A span as the contract gives it: start, end and text only (a quote or figure carries more fields). */
export function bareSpan(span: TextSpan): TextSpan {
  return { start: span.start, end: span.end, text: span.text };
}

/** A listed quotes row as the contract's StoredQuote; `text` is its record's text. */
export function storedQuote(row: LayerRow, text: string): StoredQuote {
  const quote = JSON.parse(row.item) as Quote;
  return {
    ...layerItemOf(row),
    content: bareSpan(quote),
    kind: quote.kind,
    speaker: quote.speaker ? { ...bareSpan(quote.speaker), entity: quote.speaker.entity ?? null, identity: identityOf(row) } : null,
    cue: quote.cue ? bareSpan(quote.cue) : null,
    date: quote.date,
    sentences: sentenceOf(row, text),
  };
}

/** A listed figures row as the contract's StoredFigure; `text` is its record's text. */
export function storedFigure(row: LayerRow, text: string): StoredFigure {
  const figure = JSON.parse(row.item) as Figure;
  return {
    ...layerItemOf(row),
    figure: bareSpan(figure),
    low: figure.low,
    high: figure.high,
    hedge: figure.hedge,
    unit: figure.unit,
    counts: figure.counts,
    claimant: figure.claimant ? { text: figure.claimant.text, entity: figure.claimant.entity ?? null, identity: identityOf(row) } : null,
    asOf: figure.asOf,
    sentence: sentenceOf(row, text),
  };
}

/** The rows of a page as contract items, each with its record's text. */
export function pageItems<T>(page: LayerRowPage, convert: (row: LayerRow, text: string) => T): { items: T[]; nextCursor: string | null } {
  return { items: page.rows.map((row) => convert(row, page.texts.get(row.record_id) ?? '')), nextCursor: page.nextCursor };
}
