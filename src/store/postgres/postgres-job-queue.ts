// The ingest job queue on PostgreSQL (table: ../migrations/postgres/20261124T1510-job-queue.sql):
// `dossier ingest --queue` adds inputs, `dossier worker` processes (on one machine or several)
// take them. Exactly once, however many workers:
//   - claiming is one UPDATE over SELECT … FOR UPDATE SKIP LOCKED: two workers never claim the
//     same job, and neither waits for the other;
//   - a job's articles are stored and the job marked finished in one transaction, which first
//     locks the job row and checks that this worker still holds it. A worker that was presumed
//     dead (its claim went stale and another worker took the job over) stores nothing;
//   - a worker that dies leaves its job running: once the claim is older than the stale-lock
//     timeout, another worker claims it again (attempts counts the claims). A job claimed
//     `maxAttempts` times without finishing is failed rather than handed out for ever.
// And storing is idempotent anyway (a text already stored is "unchanged"), so a job run twice
// would still store each article once.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AnalyzeOptions } from '../../analyze/analyze-sources.ts';
import type { Store } from '../store.ts';
import type { PostgresStore } from './postgres-store.ts';
import { query, transaction } from './postgres-sql.ts';

/** How a job's input is analysed (as `ingest` would), and for a URL, whether private addresses may be fetched. */
export interface JobOptions extends AnalyzeOptions {
  allowPrivate?: boolean;
}

/** An input to ingest: its name (as given on the command line); the URL to fetch, or the file it is and its bytes when carried in the job; how to analyse it. */
export interface NewJob {
  name: string;
  /** An http(s) URL the worker fetches, or null. */
  url: string | null;
  /** The file to read when neither `url` nor `content` is given; else where the bytes came from (it decides the kind by extension). Null for stdin and URLs. */
  path: string | null;
  content: Buffer | null;
  options: JobOptions;
}

/** A job claimed by a worker. */
export interface Job extends NewJob {
  id: number;
  /** How many times it has been claimed, this time included. */
  attempts: number;
}

/** The states of a job. */
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** What a job's run gave: the records it stored, and the errors of its input (a bad input, bad records in it). */
export interface JobOutcome {
  articles: number;
  errors: string[];
}

/** A name for this worker process, unique among the workers of a queue: host, process id, random. */
export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

const CLAIM = `WITH next AS (
    SELECT id FROM jobs
    WHERE state IN ('queued', 'running') AND (state = 'queued' OR locked_at < now() - make_interval(secs => $2))
    ORDER BY id LIMIT 1
    FOR UPDATE SKIP LOCKED)
  UPDATE jobs j SET state = 'running', locked_by = $1, locked_at = now(), attempts = j.attempts + 1
  FROM next WHERE j.id = next.id
  RETURNING j.id, j.name, j.url, j.path, j.content, j.options, j.attempts`;

// Stale claims of jobs tried too often: failed, not handed out again.
const GIVE_UP = `UPDATE jobs SET state = 'failed', locked_at = now(), error = 'its worker stopped before finishing it, ' || attempts || ' times'
  WHERE state = 'running' AND locked_at < now() - make_interval(secs => $1) AND attempts >= $2`;

/** The job queue in the database of a PostgreSQL store. */
export class PostgresJobQueue {
  constructor(private readonly store: PostgresStore) {}

  /** Adds jobs at the end of the queue, in order; returns their ids. */
  async enqueue(jobs: readonly NewJob[]): Promise<number[]> {
    const ids: number[] = [];
    // In slices: one statement carries every input's bytes.
    for (let i = 0; i < jobs.length; i += 100) {
      const slice = jobs.slice(i, i + 100);
      const rows = await query<{ id: number }>(
        this.store.connections,
        `INSERT INTO jobs (name, url, path, content, options)
         SELECT u.name, u.url, u.path, u.content, u.options
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::text[], $6::int[]) AS u(name, url, path, content, options, n)
         ORDER BY u.n RETURNING id`,
        [
          slice.map((j) => j.name),
          slice.map((j) => j.url),
          slice.map((j) => j.path),
          slice.map((j) => j.content),
          slice.map((j) => JSON.stringify(j.options)),
          slice.map((_, n) => n),
        ],
      );
      ids.push(...rows.map((r) => r.id).sort((a, b) => a - b));
    }
    return ids;
  }

  /** The first job queued, or running under a claim older than `staleAfterSeconds`, now claimed by `worker`; null when there is none. */
  async claim(worker: string, staleAfterSeconds: number, maxAttempts: number): Promise<Job | null> {
    await query(this.store.connections, GIVE_UP, [staleAfterSeconds, maxAttempts]);
    const [row] = await query<{ id: number; name: string; url: string | null; path: string | null; content: Buffer | null; options: string; attempts: number }>(
      this.store.connections,
      CLAIM,
      [worker, staleAfterSeconds],
    );
    return row ? { ...row, options: JSON.parse(row.options) as JobOptions } : null;
  }

  /**
   * Runs `work` with a writer whose putArticles stores in one transaction with the job's
   * finishing: done, or failed when the outcome has errors (its good records stored all the same).
   * Null, and nothing stored, when `worker` no longer holds the job. Throws what `work` throws,
   * with nothing stored and the job left running.
   */
  async finish(job: Job, worker: string, work: (writer: Pick<Store, 'putArticles'>) => Promise<JobOutcome>): Promise<JobOutcome | null> {
    return transaction(this.store.connections, async (client) => {
      const held = await query(client, "SELECT id FROM jobs WHERE id = $1 AND locked_by = $2 AND state = 'running' FOR UPDATE", [job.id, worker]);
      if (held.length === 0) return null;
      const outcome = await work(this.store.writerIn(client));
      await query(client, 'UPDATE jobs SET state = $2, locked_at = now(), articles = $3, error = $4 WHERE id = $1', [
        job.id,
        outcome.errors.length > 0 ? 'failed' : 'done',
        outcome.articles,
        outcome.errors.length > 0 ? outcome.errors.join('\n') : null,
      ]);
      return outcome;
    });
  }

  /** Marks a job `worker` holds as failed, with why (its run threw: the store refused it). False when `worker` no longer holds it. */
  async fail(job: Job, worker: string, error: string): Promise<boolean> {
    const rows = await query(
      this.store.connections,
      "UPDATE jobs SET state = 'failed', locked_at = now(), error = $3 WHERE id = $1 AND locked_by = $2 AND state = 'running' RETURNING id",
      [job.id, worker, error],
    );
    return rows.length > 0;
  }

  /** How many jobs are in each state. */
  async counts(): Promise<Record<JobState, number>> {
    const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const row of await query<{ state: JobState; n: number }>(this.store.connections, 'SELECT state, count(*) AS n FROM jobs GROUP BY state')) {
      counts[row.state] = row.n;
    }
    return counts;
  }
}
