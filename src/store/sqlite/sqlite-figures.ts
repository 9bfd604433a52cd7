// Figures in the SQLite store: indexing a record's figures as it becomes its article's latest
// version, dropping a superseded version's, and listing them. Write methods run inside the
// caller's transaction (SqliteStore's putArticles), after the record's entities are linked: a
// figure's claimant identity is read from the record's entity links.
// Tables: ../migrations/sqlite/20261124T1300-figures.sql; listing and paging: sqlite-layer-index.ts; rows: ../layer-rows.ts.
import type { Database } from 'better-sqlite3';
import type { AnalysisRecord } from '../../model/record.ts';
import { figureIndexFacts, queryWords, type FigureListOptions, type Page, type StoredFigure } from '../store.ts';
import { pageItems, storedFigure, FIGURES_TABLE } from '../layer-rows.ts';
import { SqliteLayerIndex } from './sqlite-layer-index.ts';

// The words of `--counts`, in a row: one FTS5 phrase over figure_counts (rowid = figures.id).
const COUNTS = 't.id IN (SELECT rowid FROM figure_counts WHERE figure_counts MATCH @countsPhrase)';

/** The figures tables (figures, figure_counts) of one SQLite database. */
export class SqliteFigures {
  private readonly s;
  private readonly index;

  constructor(private readonly db: Database) {
    this.s = {
      insertCounts: db.prepare<[number | bigint, string]>('INSERT INTO figure_counts (rowid, counts) VALUES (?, ?)'),
      deleteCountsOf: db.prepare<[string]>('DELETE FROM figure_counts WHERE rowid IN (SELECT id FROM figures WHERE record_id = ?)'),
    };
    this.index = new SqliteLayerIndex(db, FIGURES_TABLE);
  }

  /** Indexes the figures of a record just stored (at `seq`) as its article's latest version, and what each counts; its entities must be linked already. */
  add(record: AnalysisRecord, seq: number | bigint): void {
    const rowids = this.index.add(record, seq, record.figures, figureIndexFacts(record));
    record.figures.forEach((figure, i) => {
      if (figure.counts !== null) this.s.insertCounts.run(rowids[i]!, figure.counts);
    });
  }

  /** Drops the figures of a record that is no longer its article's latest version, and what they count. */
  drop(recordId: string): void {
    this.s.deleteCountsOf.run(recordId);
    this.index.drop(recordId);
  }

  list(options: FigureListOptions = {}): Page<StoredFigure> {
    const filters = [];
    if (options.counts !== undefined) {
      const words = queryWords(options.counts);
      // Nothing to match: like a search with no words, it finds nothing.
      if (words.length === 0) return { items: [], nextCursor: null };
      // One FTS5 string ("" doubles a quote inside): the words in a row, none of them syntax.
      filters.push({ sql: COUNTS, params: { countsPhrase: `"${words.join(' ').replaceAll('"', '""')}"` } });
    }
    return pageItems(this.index.page(options, options.claimant, filters), storedFigure);
  }

  /** Problems of the figures tables, [] when none: those every indexed layer checks, and counts rows out of step with the figures. */
  integrityProblems(): string[] {
    const problems = this.index.integrityProblems('figures');
    const counts = this.db
      .prepare<[], { missing: number; extra: number }>(
        `SELECT (SELECT count(*) FROM figures f WHERE json_extract(f.figure, '$.counts') IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM figure_counts c WHERE c.rowid = f.id AND c.counts = json_extract(f.figure, '$.counts'))) AS missing,
                (SELECT count(*) FROM figure_counts c WHERE c.rowid NOT IN (SELECT id FROM figures)) AS extra`,
      )
      .get()!;
    if (counts.missing > 0) problems.push(`${counts.missing} figures whose counts are not indexed`);
    if (counts.extra > 0) problems.push(`${counts.extra} counts index rows without a figure`);
    return problems;
  }
}
