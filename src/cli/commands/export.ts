// `dossier export [--format jsonl|csv] [--table quotes|figures|events] [--db PATH]`: the newest
// version of every stored article, to stdout, for other tools: JSON Lines of analysis records as
// ../shared/contract/analysis.md gives them, or one CSV table (RFC 4180: quoted fields, CRLF line
// ends, a header row) of the quotes, figures or events of all articles, each row with its article
// id, outlet, publication date and the [start, end) offsets that point back into the record's text.
// Records are read a page at a time, so the export of a large store does not sit in memory.
import { parseArgs } from 'node:util';
import { readStore } from '../../store/open-store.ts';
import { latestRecordStream } from '../../store/store.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import { parseFormatOption } from '../options.ts';
import { UsageError, type Command } from '../cli-io.ts';

type Cell = string | number | null;
type Table = 'quotes' | 'figures' | 'events';

/** Each table's header and the rows one record gives. */
const TABLES: Record<Table, { header: string[]; rows(record: AnalysisRecord, name: (id: string | null) => string | null): Cell[][] }> = {
  quotes: {
    header: ['article', 'outlet', 'published', 'kind', 'speaker', 'speaker_entity', 'cue', 'date', 'start', 'end', 'text'],
    rows: (r, name) => r.quotes.map((q) => [r.id, r.source.outlet, r.published.date, q.kind, q.speaker?.text ?? null, name(q.speaker?.entity ?? null), q.cue?.text ?? null, q.date, q.start, q.end, q.text]),
  },
  figures: {
    header: ['article', 'outlet', 'published', 'text', 'low', 'high', 'hedge', 'unit', 'counts', 'claimant', 'claimant_entity', 'as_of', 'start', 'end'],
    rows: (r, name) =>
      r.figures.map((f) => [r.id, r.source.outlet, r.published.date, f.text, f.low, f.high, f.hedge, f.unit, f.counts, f.claimant?.text ?? null, name(f.claimant?.entity ?? null), f.asOf, f.start, f.end]),
  },
  events: {
    header: ['article', 'outlet', 'published', 'type', 'trigger', 'status', 'time', 'place', 'participants', 'start', 'end'],
    rows: (r, name) =>
      r.events.map((e) => [
        r.id,
        r.source.outlet,
        r.published.date,
        e.type,
        e.trigger.text,
        e.status,
        e.time,
        name(e.place?.entity ?? null),
        e.participants.map((p) => `${name(p.entity) ?? p.entity} (${p.role})`).join('; ') || null,
        e.trigger.start,
        e.trigger.end,
      ]),
  },
};

export const exportCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'jsonl' }, table: { type: 'string' }, db: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`export takes no arguments, only options (got ${JSON.stringify(positionals.join(' '))})`);
  const format = parseFormatOption(values.format, ['jsonl', 'csv'] as const);
  if (format === 'csv' && !(values.table !== undefined && values.table in TABLES)) throw new UsageError(`--format csv needs --table ${Object.keys(TABLES).join('|')}`);
  if (format === 'jsonl' && values.table !== undefined) throw new UsageError('--table goes with --format csv; --format jsonl exports whole records');
  const table = format === 'csv' ? TABLES[values.table as Table] : null;

  return readStore(values.db, async (store) => {
    if (table) io.out(csvLine(table.header));
    for await (const record of latestRecordStream(store)) {
      if (!table) {
        io.out(`${JSON.stringify(record)}\n`);
        continue;
      }
      const names = new Map(record.entities.map((e) => [e.id, e.name]));
      const rows = table.rows(record, (id) => (id === null ? null : (names.get(id) ?? null)));
      if (rows.length > 0) io.out(rows.map(csvLine).join(''));
    }
    return 0;
  });
};

/** One CSV row: every field quoted when it holds a comma, quote or line break; null as an empty field. */
function csvLine(cells: readonly Cell[]): string {
  return `${cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : /[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\r\n`;
}
