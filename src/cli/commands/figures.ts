// `dossier figures [--counts TEXT] [--claimant NAME] [--since DATE] [--until DATE] [--db PATH] [--limit N] [--format text|json|jsonl]`:
// the figures of the stored articles (latest versions), newest first by the figure's as-of date
// (else the article's), undated last: the value with its hedge, what it counts, who claims it,
// the outlet, and the sentence that holds it, so that one count ("about 24 living hostages") can
// be followed across outlets and days. TEXT matches the words of what a figure counts; NAME is
// looked up as `dossier quotes --speaker` looks it up.
import { parseArgs } from 'node:util';
import { readStore } from '../../store/open-store.ts';
import { isDay, queryWords, readPages, type FigureListOptions, type StoredFigure } from '../../store/store.ts';
import { LISTING_OPTIONS, lookUpWho, moreLine, nothingStored, oneLine, parseListingOptions, whoText, type WhoFilter } from '../stored-listings.ts';
import { UsageError, type Command } from '../cli-io.ts';
import { SHORT_ID } from './search.ts';

export const figuresCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      counts: { type: 'string' },
      claimant: { type: 'string' },
      ...LISTING_OPTIONS,
    },
  });
  if (positionals.length > 0) {
    throw new UsageError(`figures takes no arguments, only options (got ${JSON.stringify(positionals.join(' '))}); for what a figure counts, use --counts TEXT`);
  }
  const counts = values.counts?.trim();
  if (counts !== undefined && queryWords(counts).length === 0) throw new UsageError('--counts needs a word, such as --counts hostages');
  const claimant = values.claimant?.trim();
  if (claimant === '') throw new UsageError('--claimant needs a name or an entity id');
  const { since, until, limit, format } = parseListingOptions(values);

  return readStore(values.db, async (store) => {
    let who: WhoFilter | null = null;
    if (claimant !== undefined) {
      who = await lookUpWho(store, claimant, io, 'figures');
      if (who === null) return 1;
    }
    const options: FigureListOptions = { counts, since, until, claimant: who?.filter };
    const { items: figures, nextCursor } = await readPages((page) => store.listFigures({ ...options, ...page }), limit);
    if (format === 'jsonl') {
      io.out(figures.map((f) => `${JSON.stringify(f)}\n`).join(''));
    } else if (format === 'json') {
      const claimantFilter = who === null ? null : { name: who.name, identity: who.identity };
      io.out(`${JSON.stringify({ counts: counts ?? null, claimant: claimantFilter, since: since ?? null, until: until ?? null, figures, nextCursor }, null, 2)}\n`);
    } else if (figures.length === 0) {
      io.out(nothingStored('figures', { counting: counts, by: who?.identity?.name ?? claimant, since, until }));
    } else {
      io.out(figureTable(figures));
      if (nextCursor !== null) io.out(moreLine(values.limit));
    }
    return 0;
  });
};

// A column wider than this is not padded further: one long claimant should not push every line right.
const MAX_COLUMN = 36;

/**
 * The series view: one line per figure with its date, value, what it counts, claimant and outlet,
 * in columns so that values line up down the page; below it the sentence (the figure in brackets)
 * and the article (title, publication date, short id).
 */
function figureTable(figures: readonly StoredFigure[]): string {
  const rows = figures.map((f) => [dateText(f), valueText(f), f.counts === null ? '—' : oneLine(f.counts), f.claimant === null ? 'unattributed' : whoText(f.claimant.text, f.claimant.identity), f.outlet ?? 'outlet unknown']);
  const widths = rows[0]!.map((_, column) => Math.min(MAX_COLUMN, Math.max(...rows.map((row) => row[column]!.length))));
  return figures
    .map((f, i) => {
      const head = rows[i]!.map((cell, column) => (column === widths.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
      // An as-of that is not a day (a month, a year) orders nothing, but the reader should see it.
      const asOf = f.asOf !== null && !isDay(f.asOf) ? [`as of ${f.asOf}`] : [];
      const article = [f.title === null ? '(untitled)' : oneLine(f.title), f.published ?? 'undated', f.recordId.slice(0, SHORT_ID), ...asOf].join(' · ');
      return `${head}\n    ${sentenceText(f)}\n    ${article}\n`;
    })
    .join('');
}

/** The day the listing orders the figure by: its as-of day, else the article's publication date, marked so. */
function dateText(f: StoredFigure): string {
  if (isDay(f.asOf)) return f.asOf;
  return f.published === null ? 'undated' : `${f.published} (published)`;
}

/**
 * The value with its hedge and unit: "about 24", "at least 35", "20–30", "up to 5,000,000 USD".
 * The unit "person" is left out: what the persons are is the counts column. A figure with no
 * value is given as written.
 */
function valueText(f: StoredFigure): string {
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 6 });
  const { low, high } = f;
  const range = low !== null && high !== null ? (low === high ? n(low) : `${n(low)}–${n(high)}`) : low !== null ? n(low) : high !== null ? n(high) : null;
  if (range === null) return oneLine(f.figure.text);
  return [f.hedge, range, f.unit === 'person' ? null : f.unit].filter((part) => part !== null && part !== '').join(' ');
}

/** The sentence holding the figure, on one line, with the figure as written in brackets; the figure alone when no sentence holds it. */
function sentenceText(f: StoredFigure): string {
  const s = f.sentence;
  if (s === null || f.figure.start < s.start || f.figure.end > s.end) return `[${oneLine(f.figure.text)}]`;
  return oneLine(`${s.text.slice(0, f.figure.start - s.start)}[${f.figure.text}]${s.text.slice(f.figure.end - s.start)}`);
}
