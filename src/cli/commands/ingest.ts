// `dossier ingest PATH|URL… [--db PATH] [--date D] [--plain] [--max-bytes N] [--allow-private]`:
// analyses every input as `analyze` does and stores the records (see ../../store/ingest-batches.ts
// for the batching and failure policy); http(s) URLs are fetched first (../web-inputs.ts), private
// addresses refused unless --allow-private. Bad inputs get one stderr line each and exit status 1;
// the summary of the run goes to stdout; a progress bar goes to stderr when it is a terminal and
// the inputs are many. With --queue and a PostgreSQL --db, the inputs are queued as jobs for
// `dossier worker` processes instead (./worker.ts).
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { errorLine } from '../../analyze/analyze-sources.ts';
import { isWebUrl } from '../../read/fetch/safe-fetch.ts';
import { listInputs } from '../../read/source.ts';
import { ingestResults, type IngestTally } from '../../store/ingest-batches.ts';
import { openStore, shownLocation } from '../../store/open-store.ts';
import type { StoreStats } from '../../store/store.ts';
import type { CliIO, Command } from '../cli-io.ts';
import { countOf, countText, parseSizeOption } from '../options.ts';
import { parseDateOption } from '../../model/request-values.ts';
import { commandLineResults, fetchEach } from '../web-inputs.ts';
import { queueInputs } from './worker.ts';

/** Below this many inputs a run is short enough not to need a progress bar. */
const PROGRESS_MIN_INPUTS = 20;

export const ingestCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      plain: { type: 'boolean', default: false },
      date: { type: 'string' },
      'max-bytes': { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
      queue: { type: 'boolean', default: false },
    },
  });
  const options = { plain: values.plain, date: parseDateOption(values.date), maxBytes: parseSizeOption(values['max-bytes']) };
  // --queue (PostgreSQL): the inputs become jobs for `dossier worker` processes; nothing is analysed here.
  if (values.queue) return queueInputs(positionals, values.db, { ...options, allowPrivate: values['allow-private'] }, io);
  // Inputs are listed once here, for the progress bar's total, and handed on as the paths they are;
  // URLs stay URLs, and are fetched before the store is opened.
  const inputs = positionals.length === 0 ? ['-'] : positionals.flatMap((arg) => (isWebUrl(arg) ? [arg] : listInputs([arg]).map((ref) => ref.path ?? '-')));
  const fetched = await fetchEach(inputs.filter(isWebUrl), { allowPrivate: values['allow-private'], maxBytes: options.maxBytes });
  const { store, location } = await openStore(values.db);
  const progress = io.stderrIsTTY && inputs.length >= PROGRESS_MIN_INPUTS ? new ProgressBar(io, inputs.length) : null;
  const t0 = performance.now();
  let tally: IngestTally | null = null;
  let stopped: unknown = null;
  let stats: StoreStats;
  try {
    try {
      tally = await ingestResults(
        commandLineResults(inputs, fetched, options),
        store,
        {
          onError: (message) => {
            const write = () => io.err(`dossier: ${message}\n`);
            if (progress) progress.interrupt(write);
            else write();
          },
          onInput: (t) => progress?.update(t.inputs, t.articles),
        },
      );
    } catch (error) {
      stopped = error;
    } finally {
      progress?.clear();
    }
    stats = await store.stats();
  } finally {
    await store.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  if (stopped !== null || tally === null) {
    io.err(`dossier ingest: stopped: ${errorLine(stopped)}\n`);
    io.err(`dossier ingest: the batches before the failure are stored in ${location}; run the same command again to store the rest\n`);
    return 1;
  }
  io.out(summary(tally, stats, location, seconds));
  return tally.errors > 0 ? 1 : 0;
};

/** The run's summary: what was stored, what failed, outlets, dates, and what the database holds now. */
function summary(t: IngestTally, stats: StoreStats, location: string, seconds: number): string {
  // A rate over a handful of articles measures start-up, not ingest.
  const rate = t.articles >= 100 && seconds > 0 ? `, ${countText(Math.round(t.articles / seconds))} articles/s` : '';
  const outlets = [...t.outlets].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = outlets.slice(0, 5).map(([name, count]) => `${name} ${countText(count)}`);
  if (outlets.length > 5) shown.push(`${countText(outlets.length - 5)} more`);
  const dates =
    t.firstPublished === null ? 'no publication dates' : t.firstPublished === t.lastPublished ? t.firstPublished : `${t.firstPublished} to ${t.lastPublished}`;
  return [
    `ingested ${countOf(t.articles, 'article')} from ${countOf(t.inputs, 'input')} into ${location} in ${seconds.toFixed(1)} s${rate}`,
    `  new ${countText(t.new)}, unchanged ${countText(t.unchanged)}, new versions ${countText(t.newVersions)}, errors ${countText(t.errors)}`,
    `  outlets: ${shown.length > 0 ? shown.join(', ') : 'none named'}`,
    `  published: ${dates}${t.undated > 0 ? ` (${countText(t.undated)} undated)` : ''}`,
    `  database: ${countOf(stats.articles, 'article')} (${countOf(stats.versions, 'version')}), ${countOf(stats.outlets.length, 'outlet')}, in ${shownLocation(location)}`,
    `  next: npx dossier search WORDS, npx dossier show ID, npx dossier entities`,
    '',
  ].join('\n');
}

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
class ProgressBar {
  private lastDraw = 0;
  private drawn = false;
  private done = 0;
  private articles = 0;
  private readonly started = performance.now();

  constructor(
    private readonly io: CliIO,
    private readonly total: number,
  ) {}

  update(done: number, articles: number): void {
    this.done = done;
    this.articles = articles;
    const now = performance.now();
    if (now - this.lastDraw < 100 && done < this.total) return;
    this.lastDraw = now;
    this.draw();
  }

  /** Writes something else to stderr without mixing it into the bar. */
  interrupt(write: () => void): void {
    this.clear();
    write();
    this.draw();
  }

  clear(): void {
    if (this.drawn) this.io.err('\r\x1b[K');
    this.drawn = false;
  }

  private draw(): void {
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0.5 ? `  ${Math.round(this.articles / seconds)} articles/s` : '';
    this.io.err(`\r\x1b[Kingest [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} inputs  ${this.articles} articles${rate}`);
    this.drawn = true;
  }
}
