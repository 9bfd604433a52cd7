// Quotes in the SQLite store: indexing a record's quotes as it becomes its article's latest
// version, dropping a superseded version's, and listing them. Write methods run inside the
// caller's transaction (SqliteStore's putArticles), after the record's entities are linked: a
// quote's speaker identity is read from the record's entity links.
// Table: ../migrations/sqlite/20261124T1200-quotes.sql; rows, listing and paging: sqlite-layer-index.ts.
import type { Database } from 'better-sqlite3';
import type { Quote } from '../../model/layers.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import { quoteIndexFacts, type Page, type QuoteListOptions, type StoredQuote } from '../store.ts';
import { bareSpan, identityOf, layerItemOf, sentenceOf, SqliteLayerIndex, type LayerRow } from './sqlite-layer-index.ts';

/** The quotes table of one SQLite database. */
export class SqliteQuotes {
  private readonly index;

  constructor(db: Database) {
    this.index = new SqliteLayerIndex(db, {
      table: 'quotes',
      indexColumn: 'quote_index',
      itemColumn: 'quote',
      entityColumn: 'speaker_entity',
      identityColumn: 'speaker_identity',
      textColumn: 'speaker_text',
      sentenceStartColumn: 'sentences_start',
      sentenceEndColumn: 'sentences_end',
      cursorPrefix: 'q',
    });
  }

  /** Indexes the quotes of a record just stored (at `seq`) as its article's latest version; its entities must be linked already. */
  add(record: AnalysisRecord, seq: number | bigint): void {
    this.index.add(record, seq, record.quotes, quoteIndexFacts(record));
  }

  /** Drops the quotes of a record that is no longer its article's latest version. */
  drop(recordId: string): void {
    this.index.drop(recordId);
  }

  list(options: QuoteListOptions = {}): Page<StoredQuote> {
    const { rows, texts, nextCursor } = this.index.page(options, options.speaker);
    return { items: rows.map((row) => storedQuote(row, texts.get(row.record_id) ?? '')), nextCursor };
  }

  /** Problems of the quotes table, [] when none: rows of older versions, rows out of step with their records or with the entity links. */
  integrityProblems(): string[] {
    return this.index.integrityProblems('quotes');
  }
}

function storedQuote(row: LayerRow, text: string): StoredQuote {
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
