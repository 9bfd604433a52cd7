// Quotes in the SQLite store: indexing a record's quotes as it becomes its article's latest
// version, dropping a superseded version's, and listing them. Write methods run inside the
// caller's transaction (SqliteStore's putArticles), after the record's entities are linked: a
// quote's speaker identity is read from the record's entity links.
// Table: ../migrations/sqlite/20261124T1200-quotes.sql.
import type { Database, Statement } from 'better-sqlite3';
import type { Quote } from '../../model/layers.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import type { TextSpan } from '../../model/span.ts';
import { BadCursorError, checkDayBounds, pageSize, quoteIndexFacts, type Page, type QuoteListOptions, type StoredQuote } from '../store.ts';

interface QuoteRow {
  record_id: string;
  quote_index: number;
  article_seq: number;
  position: number;
  day: string | null;
  speaker_identity: string | null;
  identity_name: string | null;
  sentences_start: number | null;
  sentences_end: number | null;
  quote: string;
  article_id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
}

/** Where a page of the listing ends: its last quote's day, article and position. */
interface QuoteCursor {
  day: string | null;
  seq: number;
  position: number;
}

// The listing's WHERE is put together from these fixed fragments only (no input is ever SQL), so
// that each combination of filters gets a statement SQLite can plan with the right index.
const AFTER_DATED = `(q.day < @day OR q.day IS NULL OR (q.day = @day AND (q.article_seq < @seq OR (q.article_seq = @seq AND q.position > @position))))`;
const AFTER_UNDATED = `(q.day IS NULL AND (q.article_seq < @seq OR (q.article_seq = @seq AND q.position > @position)))`;
// speaker_text is declared COLLATE NOCASE, so this comparison ignores the case of ASCII letters.
const SPEAKER = `(q.speaker_identity = @identityId OR (q.speaker_identity IS NULL AND q.speaker_text = @speakerText))`;

/** The quotes table of one SQLite database. */
export class SqliteQuotes {
  private readonly s;
  private readonly listings = new Map<string, Statement<Record<string, unknown>, QuoteRow>>();

  constructor(private readonly db: Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO quotes (record_id, quote_index, article_seq, position, day, speaker_entity, speaker_identity, speaker_text, sentences_start, sentences_end, quote)
         VALUES (@recordId, @index, @seq, @position, @day, @speakerEntity,
                 (SELECT identity_id FROM entity_links WHERE record_id = @recordId AND entity_id = @speakerEntity),
                 @speakerText, @sentencesStart, @sentencesEnd, @quote)`,
      ),
      deleteOf: db.prepare<[string]>('DELETE FROM quotes WHERE record_id = ?'),
      // The texts of a page's records, each once: sentences are cut from them in JavaScript, which counts as the spans do.
      texts: db.prepare<[string], { id: string; text: string }>(
        `SELECT id, json_extract(record, '$.text') AS text FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
      ),
    };
  }

  /** Indexes the quotes of a record just stored (at `seq`) as its article's latest version; its entities must be linked already. */
  add(record: AnalysisRecord, seq: number | bigint): void {
    const facts = quoteIndexFacts(record);
    record.quotes.forEach((quote, i) => {
      const f = facts[i]!;
      this.s.insert.run({
        recordId: record.id,
        index: f.index,
        seq,
        position: f.position,
        day: f.day,
        speakerEntity: f.speakerEntity,
        speakerText: f.speakerText,
        sentencesStart: f.sentences?.start ?? null,
        sentencesEnd: f.sentences?.end ?? null,
        quote: JSON.stringify(quote),
      });
    });
  }

  /** Drops the quotes of a record that is no longer its article's latest version. */
  drop(recordId: string): void {
    this.s.deleteOf.run(recordId);
  }

  list(options: QuoteListOptions = {}): Page<StoredQuote> {
    checkDayBounds(options);
    const limit = pageSize(options.limit);
    const after = decodeQuoteCursor(options.cursor);
    const where: string[] = [];
    if (options.speaker) where.push(SPEAKER);
    if (options.since !== undefined) where.push('q.day >= @since');
    if (options.until !== undefined) where.push('q.day <= @until');
    if (after) where.push(after.day === null ? AFTER_UNDATED : AFTER_DATED);
    const rows = this.listing(where).all({
      identityId: options.speaker?.identityId ?? null,
      speakerText: options.speaker?.text?.trim() ?? null,
      since: options.since ?? null,
      until: options.until ?? null,
      day: after?.day ?? null,
      seq: after?.seq ?? 0,
      position: after?.position ?? 0,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const texts = new Map(this.s.texts.all(JSON.stringify([...new Set(page.map((r) => r.record_id))])).map((r) => [r.id, r.text]));
    const items = page.map((row) => storedQuote(row, texts.get(row.record_id) ?? ''));
    const last = page.at(-1);
    return { items, nextCursor: rows.length > limit && last ? `q${last.day ?? '-'}.${last.article_seq}.${last.position}` : null };
  }

  /** Problems of the quotes table, [] when none: rows of older versions, rows out of step with their records or with the entity links. */
  integrityProblems(): string[] {
    const problems: string[] = [];
    const n = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const stale = n('SELECT count(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.record_id AND a.latest = 1 AND a.seq = q.article_seq)');
    if (stale > 0) problems.push(`${stale} quotes of records that are not a latest version`);
    const missing = n(
      `SELECT count(*) FROM articles a WHERE a.latest = 1
         AND coalesce(json_array_length(a.record, '$.quotes'), 0) != (SELECT count(*) FROM quotes q WHERE q.record_id = a.id)`,
    );
    if (missing > 0) problems.push(`${missing} latest versions whose quotes are not all indexed`);
    const speakers = n(
      `SELECT count(*) FROM quotes q
       WHERE q.speaker_identity IS NOT (SELECT l.identity_id FROM entity_links l WHERE l.record_id = q.record_id AND l.entity_id = q.speaker_entity)`,
    );
    if (speakers > 0) problems.push(`${speakers} quotes whose speaker identity disagrees with the entity links`);
    return problems;
  }

  /** The prepared listing for one combination of WHERE fragments, made once. */
  private listing(where: readonly string[]): Statement<Record<string, unknown>, QuoteRow> {
    const key = where.join(' AND ');
    let statement = this.listings.get(key);
    if (!statement) {
      statement = this.db.prepare<Record<string, unknown>, QuoteRow>(
        `SELECT q.record_id, q.quote_index, q.article_seq, q.position, q.day, q.speaker_identity, i.name AS identity_name,
                q.sentences_start, q.sentences_end, q.quote, a.article_id, a.url, a.outlet, a.title, a.published
         FROM quotes q JOIN articles a ON a.seq = q.article_seq LEFT JOIN identities i ON i.id = q.speaker_identity
         ${where.length > 0 ? `WHERE ${key}` : ''}
         ORDER BY q.day DESC, q.article_seq DESC, q.position
         LIMIT @limit`,
      );
      this.listings.set(key, statement);
    }
    return statement;
  }
}

function storedQuote(row: QuoteRow, text: string): StoredQuote {
  const quote = JSON.parse(row.quote) as Quote;
  const span = (s: TextSpan): TextSpan => ({ start: s.start, end: s.end, text: s.text });
  return {
    recordId: row.record_id,
    index: row.quote_index,
    articleId: row.article_id,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    published: row.published,
    content: span(quote),
    kind: quote.kind,
    speaker: quote.speaker
      ? {
          ...span(quote.speaker),
          entity: quote.speaker.entity ?? null,
          identity: row.speaker_identity !== null && row.identity_name !== null ? { id: row.speaker_identity, name: row.identity_name } : null,
        }
      : null,
    cue: quote.cue ? span(quote.cue) : null,
    date: quote.date,
    sentences:
      row.sentences_start === null || row.sentences_end === null
        ? null
        : { start: row.sentences_start, end: row.sentences_end, text: text.slice(row.sentences_start, row.sentences_end) },
  };
}

/** `q<day or ->.<seq>.<position>`: after this quote in listing order; null without a cursor. */
function decodeQuoteCursor(cursor: string | null | undefined): QuoteCursor | null {
  if (cursor === undefined || cursor === null) return null;
  const m = /^q(\d{4}-\d{2}-\d{2}|-)\.(\d{1,15})\.(\d{1,9})$/.exec(cursor);
  if (!m) throw new BadCursorError(cursor);
  return { day: m[1] === '-' ? null : m[1]!, seq: Number(m[2]), position: Number(m[3]) };
}
