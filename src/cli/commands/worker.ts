// `dossier worker --db postgres://… [--until-empty] [--stale-after S] [--poll S] [--max-attempts N]`:
// takes jobs from the PostgreSQL job queue (filled by `dossier ingest --db postgres://… --queue`,
// queueInputs below), analyses each input as `ingest` does (fetching URLs) and stores its articles. Run as many as there are cores,
// on as many machines as share the database: each job is claimed by one worker, and its articles
// are stored in the transaction that marks it finished (../../store/postgres/postgres-job-queue.ts).
// Policy, in one place:
//   - A bad input (or bad records in it) is reported on stderr and its job marked failed, with its
//     good records stored; the worker goes on. Failed jobs are not retried: the same input would fail again.
//   - A job the store refuses (a database error while storing) is marked failed with the error,
//     nothing of it stored, and the worker goes on; if even that cannot be written (the database
//     is gone), the worker stops with status 1 and the job, left running, is taken up again by a
//     worker once its claim is stale.
//   - A job whose worker died is claimed again after --stale-after seconds (default 600: longer
//     than the analysis of any one input takes), at most --max-attempts times in all.
//   - With --until-empty the worker exits when no job is left to claim; without it, it waits for
//     new jobs, looking every --poll seconds. SIGINT or SIGTERM: it finishes its job, then exits.
// The summary of its run goes to stdout.
import { parseArgs } from 'node:util';
import { analyzeInput, errorLine, type InputResult } from '../../analyze/analyze-sources.ts';
import { buildPipeline, type Pipeline } from '../../analyze/pipeline.ts';
import { isWebUrl } from '../../read/fetch/safe-fetch.ts';
import { InputError } from '../../read/input-error.ts';
import { decodeInput, listInputs, loadBytes, loadInput } from '../../read/source.ts';
import { ingestResults, type IngestTally } from '../../store/ingest-batches.ts';
import { PostgresJobQueue, workerName, type Job, type JobOptions, type NewJob } from '../../store/postgres/postgres-job-queue.ts';
import { isPostgresUrl, openPostgresStore } from '../../store/postgres/postgres-store.ts';
import { UsageError, type CliIO, type Command } from '../cli-io.ts';
import { fetchedResults, fetchOne } from '../web-inputs.ts';
import { countOf, countText, parseLimitOption } from '../options.ts';

const DEFAULT_STALE_AFTER = 600;
const DEFAULT_POLL = 2;
const DEFAULT_MAX_ATTEMPTS = 3;

export const workerCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      'until-empty': { type: 'boolean', default: false },
      'stale-after': { type: 'string' },
      poll: { type: 'string' },
      'max-attempts': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`a worker takes its inputs from the queue, not ${positionals[0]}: queue them with dossier ingest --queue`);
  if (values.db === undefined || !isPostgresUrl(values.db)) throw new UsageError('a worker needs the PostgreSQL database of a job queue: --db postgres://…');
  const staleAfter = seconds(values['stale-after'], '--stale-after', DEFAULT_STALE_AFTER);
  const poll = seconds(values.poll, '--poll', DEFAULT_POLL);
  const maxAttempts = values['max-attempts'] === undefined ? DEFAULT_MAX_ATTEMPTS : parseLimitOption(values['max-attempts'], '--max-attempts');

  const store = await openPostgresStore(values.db);
  const queue = new PostgresJobQueue(store);
  const me = workerName();
  const pipeline = buildPipeline();
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const run = { jobs: 0, failed: 0, articles: 0, new: 0, unchanged: 0, newVersions: 0 };
  let stoppedBy: unknown = null;
  try {
    while (!stopping) {
      const job = await queue.claim(me, staleAfter, maxAttempts);
      if (job === null) {
        if (values['until-empty']) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, poll * 1000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        continue;
      }
      // Fetching and analysis run before the transaction: the database is held only while storing.
      const results = await jobResults(job, pipeline);
      const errors: string[] = [];
      const stored: { tally?: IngestTally } = {};
      try {
        const outcome = await queue.finish(job, me, async (writer) => {
          const tally = (stored.tally = await ingestResults(results, writer, { onError: (message) => errors.push(message) }));
          return { articles: tally.articles, errors };
        });
        if (outcome === null) {
          io.err(`dossier worker: job ${job.id} (${job.name}) was taken over by another worker after its claim went stale; it stored nothing here\n`);
          continue;
        }
      } catch (error) {
        if (!(await queue.fail(job, me, `cannot store: ${errorLine(error)}`))) throw error;
        errors.push(`${job.name}: cannot store: ${errorLine(error)}`);
        delete stored.tally;
      }
      // The job's articles join their stories once they are committed (several workers link in turn).
      if (stored.tally && stored.tally.articles > 0) await store.linkStories();
      run.jobs++;
      if (errors.length > 0) run.failed++;
      for (const message of errors) io.err(`dossier worker: job ${job.id}: ${message}\n`);
      const t = stored.tally;
      if (t) {
        run.articles += t.articles;
        run.new += t.new;
        run.unchanged += t.unchanged;
        run.newVersions += t.newVersions;
      }
    }
  } catch (error) {
    stoppedBy = error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  let counts: Awaited<ReturnType<PostgresJobQueue['counts']>> | null = null;
  try {
    if (stoppedBy === null) counts = await queue.counts();
  } finally {
    await store.close();
  }
  if (stoppedBy !== null) {
    io.err(`dossier worker: stopped: ${errorLine(stoppedBy)}\n`);
    io.err('dossier worker: its job, if any, is taken up again by a worker once its claim is stale\n');
    return 1;
  }
  io.out(
    [
      `worker ${me}: ${countOf(run.jobs, 'job')} (${countText(run.failed)} failed), ${countOf(run.articles, 'article')} into ${store.location}`,
      `  new ${countText(run.new)}, unchanged ${countText(run.unchanged)}, new versions ${countText(run.newVersions)}`,
      `  queue: ${countText(counts!.queued)} queued, ${countText(counts!.running)} running, ${countText(counts!.done)} done, ${countText(counts!.failed)} failed`,
      '',
    ].join('\n'),
  );
  return run.failed > 0 ? 1 : 0;
};

/** The analysis results of a job's input, as `ingest` gets them for the same input on its command line. */
async function jobResults(job: Job, pipeline: Pipeline): Promise<InputResult[]> {
  if (job.url !== null) {
    const fetched = await fetchOne(job.url, { allowPrivate: job.options.allowPrivate ?? false, maxBytes: job.options.maxBytes });
    return [...fetchedResults(fetched, job.options, pipeline)];
  }
  const content = job.content;
  return [...analyzeInput({ name: job.name, path: job.path }, job.options, pipeline, content === null ? loadInput : (ref) => decodeInput(ref, content))];
}

/**
 * `dossier ingest --queue`: adds a job per input (`args`: paths, folders, URLs, - for stdin) to the
 * queue of the PostgreSQL database `db`, and analyses nothing. A file's job carries its bytes,
 * read now, so that workers on other machines need no access to it; a URL is fetched by the
 * worker. An input that cannot be read is reported and not queued (status 1); the others are.
 */
export async function queueInputs(args: readonly string[], db: string | undefined, options: JobOptions, io: CliIO): Promise<number> {
  if (db === undefined || !isPostgresUrl(db)) throw new UsageError('--queue needs the PostgreSQL database of the queue: --db postgres://…');
  const jobs: NewJob[] = [];
  let errors = 0;
  for (const arg of args.length === 0 ? ['-'] : args) {
    if (isWebUrl(arg)) {
      jobs.push({ name: arg, url: arg, path: null, content: null, options });
      continue;
    }
    for (const ref of listInputs([arg])) {
      try {
        jobs.push({ name: ref.name, url: null, path: ref.path, content: loadBytes(ref, { maxBytes: options.maxBytes ?? Infinity }), options });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        errors++;
        io.err(`dossier: ${error.message}\n`);
      }
    }
  }
  const store = await openPostgresStore(db);
  try {
    const queue = new PostgresJobQueue(store);
    const ids = await queue.enqueue(jobs);
    const counts = await queue.counts();
    const range = ids.length === 0 ? '' : ids.length === 1 ? ` (job ${ids[0]})` : ` (jobs ${ids[0]} to ${ids.at(-1)})`;
    io.out(
      [
        `queued ${ids.length} of ${jobs.length + errors} inputs into ${store.location}${range}`,
        `  queue: ${counts.queued} queued, ${counts.running} running, ${counts.done} done, ${counts.failed} failed`,
        `  next: npx dossier worker --db ${store.location} --until-empty   (one per core, on any machine that reaches the database)`,
        '',
      ].join('\n'),
    );
  } finally {
    await store.close();
  }
  return errors > 0 ? 1 : 0;
}

/** A number of seconds (an option's value), above zero. */
function seconds(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const s = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(s > 0)) throw new UsageError(`${option} must be a number of seconds above 0, not ${value}`);
  return s;
}
