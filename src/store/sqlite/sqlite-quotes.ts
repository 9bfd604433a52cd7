// Quotes in the SQLite store: indexing a record's quotes as it becomes its article's latest
// version, dropping a superseded version's, and listing them. Write methods run inside the
// caller's transaction (SqliteStore's putArticles), after the record's entities are linked: a
// quote's speaker identity is read from the record's entity links.
// Table: ../migrations/sqlite/20261124T1200-quotes.sql; listing and paging: sqlite-layer-index.ts; rows: ../layer-rows.ts.
import type { Database } from 'better-sqlite3';
import type { AnalysisRecord } from '../../model/record.ts';
import { quoteIndexFacts, type Page, type QuoteListOptions, type StoredQuote } from '../store.ts';
import { pageItems, storedQuote, QUOTES_TABLE } from '../layer-rows.ts';
import { SqliteLayerIndex } from './sqlite-layer-index.ts';

/** The quotes table of one SQLite database. */
export class SqliteQuotes {
  private readonly index;

  constructor(db: Database) {
    this.index = new SqliteLayerIndex(db, QUOTES_TABLE);
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
    return pageItems(this.index.page(options, options.speaker), storedQuote);
  }

  /** Problems of the quotes table, [] when none: rows of older versions, rows out of step with their records or with the entity links. */
  integrityProblems(): string[] {
    return this.index.integrityProblems('quotes');
  }
}
