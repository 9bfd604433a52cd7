// Ingest workers sharing one PostgreSQL queue: `dossier ingest --queue` fills it, three real
// `dossier worker --until-empty` processes empty it at once, and every article must be stored
// exactly once and every job be done, including a job whose worker "died" holding it. The
// inputs: 28 small reports written here and the two seed articles of ../shared/seeds (read where
// they are), each queued twice, so that workers also race to store the same text.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { makeRecord } from '../store.contract.ts';
import { PostgresJobQueue, type NewJob } from './postgres-job-queue.ts';
import { openPostgresStore } from './postgres-store.ts';
import { testServer } from './postgres-test-server.ts';

const server = await testServer();
const root = fileURLToPath(new URL('../../../', import.meta.url));
const seedsDir = join(root, '..', 'shared', 'seeds');

/** Runs `node bin/dossier.js ARGS`; resolves with its status and output. */
function dossier(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'dossier.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const PLACES = ['Dunmere', 'Velmora', 'Kestria', 'Harrowgate', 'Lindqvist', 'Osterby', 'Caldwell'];
const PEOPLE = ['Mara Ellison', 'Tomas Varga', 'Ines Okafor', 'Pieter Lund'];
const TOPICS = ['ferry strike', 'harbour dredging', 'grain prices', 'bridge repairs'];

/** Report `i`: a headline and three paragraphs, told apart by its number. */
function report(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  const person = PEOPLE[i % PEOPLE.length]!;
  const topic = TOPICS[i % TOPICS.length]!;
  return [
    `${place} council weighs ${topic} (report ${i})`,
    '',
    `${place.toUpperCase()} — The council of ${place} met on Tuesday to discuss the ${topic}, its ${i + 2}th session on the matter this year.`,
    '',
    `"We cannot wait another season," said ${person}, who chairs the committee. About ${100 + i * 7} residents attended.`,
    '',
    `The next vote is set for ${1 + (i % 27)} March. Filed as ledger${i}.`,
    '',
  ].join('\n');
}

if ('skip' in server) {
  test('workers share a PostgreSQL queue', { skip: server.skip }, () => undefined);
} else {
  after(() => server.stop());

  test('three workers on one queue store every article exactly once and finish every job, also one whose worker died', async () => {
    const url = await server.freshDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'dossier-queue-'));
    const REPORTS = 28;
    try {
      for (let i = 0; i < REPORTS; i++) writeFileSync(join(dir, `report-${String(i).padStart(2, '0')}.txt`), report(i));
      const seeds = readdirSync(seedsDir)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => join(seedsDir, name));
      assert.equal(seeds.length, 2, 'the two seed articles');
      const inputs = [dir, ...seeds];
      const ARTICLES = REPORTS + seeds.length;

      // Every input twice: two jobs per text.
      for (let round = 0; round < 2; round++) {
        const queued = await dossier(['ingest', '--db', url, '--queue', ...inputs]);
        assert.equal(queued.code, 0, queued.stderr);
        assert.match(queued.stdout, new RegExp(`queued ${ARTICLES} of ${ARTICLES} inputs`));
      }
      // A worker that died holding the first job an hour ago: its claim is stale.
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        await pool.query("UPDATE jobs SET state = 'running', locked_by = 'dead-worker', locked_at = now() - interval '1 hour', attempts = 1 WHERE id = 1");

        const workers = await Promise.all([1, 2, 3].map(() => dossier(['worker', '--db', url, '--until-empty', '--stale-after', '60'])));
        for (const w of workers) assert.equal(w.code, 0, `${w.stdout}\n${w.stderr}`);

        const jobs = (await pool.query<{ id: string; state: string; articles: number | null; attempts: number; locked_by: string }>('SELECT id, state, articles, attempts, locked_by FROM jobs ORDER BY id')).rows;
        assert.equal(jobs.length, 2 * ARTICLES);
        assert.deepEqual(
          jobs.filter((j) => j.state !== 'done' || j.articles !== 1),
          [],
          'every job done, each with its one article',
        );
        assert.equal(jobs[0]!.attempts, 2, 'the dead worker’s job was claimed again');
        assert.notEqual(jobs[0]!.locked_by, 'dead-worker');
        // Each text was stored by exactly one job: the workers' own counts add up to one "new" per article.
        const sum = (pattern: RegExp) => workers.reduce((n, w) => n + Number(pattern.exec(w.stdout)?.[1] ?? NaN), 0);
        assert.equal(sum(/new (\d+),/), ARTICLES);
        assert.equal(sum(/unchanged (\d+),/), ARTICLES);
        const byWorker = new Set(jobs.map((j) => j.locked_by));
        console.log(`# ${jobs.length} jobs taken by ${byWorker.size} workers`);
      } finally {
        await pool.end();
      }

      const store = await openPostgresStore(url);
      try {
        const stats = await store.stats();
        assert.equal(stats.versions, ARTICLES);
        assert.equal(stats.articles, ARTICLES);
        for (let i = 0; i < REPORTS; i++) {
          const hits = (await store.search(`ledger${i}`)).items;
          assert.deepEqual(hits.map((h) => h.title), [`${PLACES[i % PLACES.length]} council weighs ${TOPICS[i % TOPICS.length]} (report ${i})`], `report ${i}`);
        }
        assert.equal((await store.search('Witkoff')).items.length, 2, 'both seeds');
        assert.deepEqual(await store.integrityProblems(), []);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a worker whose claim went stale stores nothing once another took its job over; a job claimed too often fails', async () => {
    const store = await openPostgresStore(await server.freshDatabase());
    const queue = new PostgresJobQueue(store);
    const input = (name: string): NewJob => ({ name, url: null, path: `${name}.txt`, content: Buffer.from(`${name}\n\nSome text.\n`), options: {} });
    const age = (id: number) => store.connections.query("UPDATE jobs SET locked_at = now() - interval '1 hour' WHERE id = $1", [id]);
    try {
      const [first, second] = await queue.enqueue([input('first'), input('second')]);
      const slow = await queue.claim('slow', 60, 3);
      assert.equal(slow?.id, first);
      // Not stale yet: the next worker gets the next job, not this one.
      assert.equal((await queue.claim('quick', 60, 3))?.id, second);
      assert.equal(await queue.claim('quick', 60, 3), null);
      await age(first!);
      const taken = await queue.claim('quick', 60, 3);
      assert.deepEqual([taken?.id, taken?.attempts], [first, 2]);
      const record = makeRecord({ title: 'First', paragraphs: ['Stored by whoever holds the job.'] });
      const store1 = async (writer: { putArticles: typeof store.putArticles }) => ({ articles: (await writer.putArticles([record])).length, errors: [] });
      assert.equal(await queue.finish(slow!, 'slow', store1), null, 'the slow worker lost its job');
      assert.equal((await store.stats()).versions, 0, 'and stored nothing');
      assert.deepEqual(await queue.finish(taken!, 'quick', store1), { articles: 1, errors: [] });
      assert.equal((await store.stats()).versions, 1);
      // A store failure rolls the articles back and leaves the job to fail() or to go stale.
      const third = await queue.claim('quick', 60, 3);
      assert.equal(third, null);
      const [again] = await queue.enqueue([input('third')]);
      const job = await queue.claim('quick', 60, 1);
      await assert.rejects(
        queue.finish(job!, 'quick', async (writer) => {
          await writer.putArticles([makeRecord({ title: 'Never', paragraphs: ['Rolled back.'] })]);
          throw new Error('simulated failure');
        }),
        /simulated failure/,
      );
      assert.equal((await store.stats()).versions, 1);
      // Claimed once already, at most once allowed: when its claim goes stale it fails instead of being handed out again.
      await age(again!);
      assert.equal(await queue.claim('other', 60, 1), null);
      assert.deepEqual(await queue.counts(), { queued: 0, running: 1, done: 1, failed: 1 });
    } finally {
      await store.close();
    }
  });
}
