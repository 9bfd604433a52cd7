// Load on `dossier serve` (issue 7): the story page and search must serve at least 500 requests/s
// with a 99th percentile under 100 ms, on 10,000 stored articles, on SQLite and on PostgreSQL.
//
// The store: 10,000 articles generated from the PolNeAR dev articles (serve-corpus.ts says how),
// stored with putArticles in batches of 200, as ingest stores them (the store links stories and
// duplicates). The SQLite file and the records are kept in .bench-cache/serve-KEY/ (gitignored),
// KEY a hash of everything they depend on, so that a rerun skips building; when it builds, the
// build is timed. PostgreSQL: a private cluster started by the benchmark (private-cluster.ts),
// stopped at the end. The first run with a KEY loads it with the same records (timed) and keeps a
// pg_dump of the loaded database in the same cache folder; later runs restore that dump (minutes
// of linking become seconds of COPY). Either way the database is vacuumed and analysed before the
// load, so that both paths measure the same planner statistics.
//
// The load: a real `dossier serve` child process per backend (its own process, so its own event
// loop and core), and a load generator in this process: node:http with a keep-alive agent,
// CONNECTIONS requests in flight, WARMUP_S seconds of warm-up then LOAD_S seconds measured per
// route, every latency recorded. Before the warm-up, one cold pass requests every URL of the route
// once (its latencies are reported apart: a story first asked for is built, later ones are kept).
// Routes: the story page (/web/stories/ID) and its JSON
// (GET /stories/:id) over every stored story, search (/web/search?q=… and GET /search?q=…) over a
// spread of words and pairs from the stored titles, and as the peer in the same run the page's
// icon (/web/assets/icon.svg): the ratio to it says what a route costs over fastify's own floor,
// whatever the machine. The machine has few cores and the load generator shares them with the
// server: the report says how much CPU the generator itself took.
//
// Environment: CONNECTIONS (16), LOAD_S (8), WARMUP_S (2), BACKENDS (sqlite,postgres), ROUTES (a
// word the route names must hold, e.g. "story"), SERVE_PROFILE=DIR (the server writes a CPU profile
// there when it stops, node --cpu-prof: open it in Chrome's DevTools).
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { isContentWord } from '../src/link/stories/article-profile.ts';
import type { AnalysisRecord } from '../src/model/record.ts';
import { openPostgresStore } from '../src/store/postgres/postgres-store.ts';
import { postgresBinDir, startPrivateCluster, stopPrivateCluster } from '../src/store/postgres/private-cluster.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { readPages, type Store } from '../src/store/store.ts';
import { DEFAULT_BATCH_SIZE } from '../src/store/ingest-batches.ts';
import { startServe } from '../test/support/serve-process.ts';
import type { Benchmark } from './bench-kit.ts';
import { analyseDevArticles, checkSpans, corpusKey, generateRecords } from './serve-corpus.ts';

const ARTICLES = 10_000;
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
const LOAD_S = Number(process.env.LOAD_S ?? 8);
const WARMUP_S = Number(process.env.WARMUP_S ?? 2);
const BACKENDS = (process.env.BACKENDS ?? 'sqlite,postgres').split(',');
const ROUTES = process.env.ROUTES ?? '';
const SERVE_PROFILE = process.env.SERVE_PROFILE;
const GOAL_RPS = 500;
const GOAL_P99_MS = 100;
/** Search queries asked: single title words and adjacent pairs, spread over how common they are. */
const QUERY_WORDS = 40;
const QUERY_PAIRS = 20;

const CACHE = fileURLToPath(new URL('../.bench-cache/', import.meta.url));

/** What one route did under load over the measured seconds. */
interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  /** Latencies of the measured requests, ms, sorted. */
  latencies: Float64Array;
  /** CPU this process (the load generator) used, as a share of one core. */
  clientCpu: number;
}

/** A route under load: its name, the URLs cycled through, and whether the targets apply to it. */
interface Route {
  name: string;
  urls: string[];
  target: boolean;
}

/** The records and the SQLite store of the corpus, built unless the cache holds them; with what building took. */
async function cachedCorpus(): Promise<{ dir: string; sqlite: string; records: string; lines: string[] }> {
  const dir = join(CACHE, `serve-${corpusKey(ARTICLES)}`);
  const sqlite = join(dir, 'store.db');
  const records = join(dir, 'records.jsonl.gz');
  if (existsSync(sqlite) && existsSync(records)) return { dir, sqlite, records, lines: [`corpus and SQLite store from the cache (${dir})`] };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const dev = analyseDevArticles();
  const t1 = performance.now();
  const generated = generateRecords(dev, ARTICLES);
  generated.forEach(checkSpans);
  const t2 = performance.now();
  const gzip = createGzip();
  const done = once(gzip.pipe(createWriteStream(`${records}.tmp`)), 'finish');
  for (const r of generated) if (!gzip.write(`${JSON.stringify(r)}\n`)) await once(gzip, 'drain');
  gzip.end();
  await done;
  const store = await openSqliteStore(`${sqlite}.tmp`);
  const loadMs = await loadStore(store, generated);
  await store.close();
  renameSync(`${records}.tmp`, records);
  renameSync(`${sqlite}.tmp`, sqlite);
  return {
    dir,
    sqlite,
    records,
    lines: [
      `corpus built (cached in ${dir}): ${dev.length} dev articles through the pipeline ${((t1 - t0) / 1000).toFixed(1)} s; ` +
        `${generated.length.toLocaleString('en')} records generated and span-checked ${((t2 - t1) / 1000).toFixed(1)} s; stored in SQLite ${(loadMs / 1000).toFixed(1)} s`,
    ],
  };
}

/** Stores `records` in batches as ingest does; returns the milliseconds it took. */
async function loadStore(store: Pick<Store, 'putArticles'>, records: Iterable<AnalysisRecord> | AsyncIterable<AnalysisRecord>): Promise<number> {
  const t0 = performance.now();
  let batch: AnalysisRecord[] = [];
  for await (const r of records) {
    batch.push(r);
    if (batch.length === DEFAULT_BATCH_SIZE) {
      await store.putArticles(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await store.putArticles(batch);
  return performance.now() - t0;
}

/** A PostgreSQL client program (pg_dump, pg_restore) of the server's own version: beside its initdb, wherever PATH links that from. */
function postgresProgram(name: string): string {
  const bin = postgresBinDir();
  if (bin === null) throw new Error('PostgreSQL is not installed (no initdb): apt-get install -y postgresql');
  return join(dirname(realpathSync(join(bin, 'initdb'))), name);
}

/**
 * Fills the empty database `url` with the corpus: from the cached dump when there is one, else
 * by storing the records as ingest does (and then dumping it for the next run). Says which, and
 * how long it took.
 */
async function cachedPostgres(url: string, corpus: { dir: string; records: string }): Promise<string> {
  const dump = join(corpus.dir, 'postgres.dump');
  const t0 = performance.now();
  let how: string;
  if (existsSync(dump)) {
    execFileSync(postgresProgram('pg_restore'), ['--jobs=2', '--no-owner', `--dbname=${url}`, dump], { stdio: ['ignore', 'ignore', 'pipe'] });
    how = `restored from the cached dump (${dump})`;
  } else {
    const store = await openPostgresStore(url);
    const loadMs = await loadStore(store, readRecords(corpus.records));
    await store.close();
    rmSync(`${dump}.tmp`, { recursive: true, force: true });
    execFileSync(postgresProgram('pg_dump'), ['--format=directory', '--jobs=2', '--compress=1', `--file=${dump}.tmp`, `--dbname=${url}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    renameSync(`${dump}.tmp`, dump);
    how = `loaded with the same records in ${(loadMs / 1000).toFixed(1)} s (dumped to the cache)`;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
  return `PostgreSQL: private cluster ${how}; ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
}

async function* readRecords(path: string): AsyncGenerator<AnalysisRecord> {
  for await (const line of createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity })) {
    if (line !== '') yield JSON.parse(line) as AnalysisRecord;
  }
}

/** The routes to load, from what the store holds: every story, and queries spread over how common their words are in titles. */
async function routesOf(store: Store): Promise<{ routes: Route[]; lines: string[] }> {
  const stories = (await readPages((page) => store.listStories(page))).items;
  const sizes = stories.map((s) => s.size).sort((a, b) => a - b);
  const articles = (await readPages((page) => store.listArticles(page))).items;
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const a of articles) {
    const tokens = (a.title ?? '').split(/[^\p{L}\p{N}'’-]+/u).filter((w) => isContentWord(w.toLowerCase()));
    for (const w of new Set(tokens)) words.set(w, (words.get(w) ?? 0) + 1);
    for (const p of new Set(tokens.slice(1).map((w, i) => `${tokens[i]} ${w}`))) pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  // Evenly spaced over the terms found in at least three titles, most common first: "Trump" and rarer words alike.
  const spread = (counts: Map<string, number>, n: number) => {
    const ranked = [...counts].filter(([, c]) => c >= 3).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return Array.from({ length: Math.min(n, ranked.length) }, (_, i) => ranked[Math.floor((i * ranked.length) / n)]![0]);
  };
  const queries = [...spread(words, QUERY_WORDS), ...spread(pairs, QUERY_PAIRS)];
  const ids = stories.map((s) => s.id);
  const q = encodeURIComponent;
  return {
    routes: [
      { name: 'peer: /web/assets/icon.svg', urls: ['/web/assets/icon.svg'], target: false },
      { name: 'story page /web/stories/ID', urls: ids.map((id) => `/web/stories/${q(id)}`), target: true },
      { name: 'story JSON /stories/ID', urls: ids.map((id) => `/stories/${q(id)}`), target: true },
      { name: 'search page /web/search?q=', urls: queries.map((w) => `/web/search?q=${q(w)}`), target: true },
      { name: 'search JSON /search?q=', urls: queries.map((w) => `/search?q=${q(w)}`), target: true },
    ],
    lines: [
      `store: ${articles.length.toLocaleString('en')} articles, ${stories.length} stories (articles per story: median ${sizes[sizes.length >> 1]}, ` +
        `90th percentile ${sizes[Math.floor(sizes.length * 0.9)]}, max ${sizes.at(-1)}); ${queries.length} search queries, e.g. ${queries.slice(0, 3).concat(queries.slice(-2)).map((w) => JSON.stringify(w)).join(', ')}`,
    ],
  };
}

/** One GET over `agent`, body read to the end; resolves to the status, or 0 on a network error. */
function get(agent: Agent, base: URL, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ agent, host: base.hostname, port: base.port, path }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Requests every URL of `urls` once, `connections` at a time: the cold pass (nothing of them kept by the server yet); returns the sorted latencies and the errors. */
async function coldPass(agent: Agent, base: URL, urls: readonly string[], connections: number): Promise<{ latencies: Float64Array; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const t = performance.now();
      if ((await get(agent, base, urls[next++]!)) !== 200) errors++;
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { latencies: Float64Array.from(latencies).sort(), errors };
}

/** After a cold pass over `urls`, runs `connections` loops of requests over them (cycled) for the warm-up, then measures for `seconds`. */
async function loadRoute(base: string, urls: readonly string[], connections: number, warmupS: number, seconds: number): Promise<LoadResult & { cold: Float64Array }> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const cold = await coldPass(agent, url, urls, connections);
  const start = performance.now() + warmupS * 1000;
  const end = start + seconds * 1000;
  const latencies: number[] = [];
  let errors = cold.errors;
  let next = 0;
  let cpuAtStart: NodeJS.CpuUsage | null = null;
  const worker = async () => {
    for (;;) {
      const t = performance.now();
      if (t >= end) return;
      if (t >= start) cpuAtStart ??= process.cpuUsage();
      const status = await get(agent, url, urls[next++ % urls.length]!);
      if (t < start) continue;
      latencies.push(performance.now() - t);
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const cpu = process.cpuUsage(cpuAtStart ?? undefined);
  agent.destroy();
  return { requests: latencies.length, errors, seconds, latencies: Float64Array.from(latencies).sort(), clientCpu: (cpu.user + cpu.system) / 1e6 / seconds, cold: cold.latencies };
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** Loads every route against a `dossier serve` of `db`; returns the table rows. */
async function loadBackend(backend: string, db: string, routes: readonly Route[]): Promise<string[]> {
  const server = await startServe(db, [], process.env, 60_000, SERVE_PROFILE === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${SERVE_PROFILE}`]);
  try {
    const results = [];
    // The peer always runs: the ratios need it.
    for (const route of routes.filter((r, i) => i === 0 || r.name.includes(ROUTES))) results.push({ route, result: await loadRoute(server.base, route.urls, CONNECTIONS, WARMUP_S, LOAD_S) });
    const peer = results[0]!.result;
    return results.map(({ route, result }) => {
      const rps = result.requests / result.seconds;
      const p50 = percentile(result.latencies, 0.5);
      const p99 = percentile(result.latencies, 0.99);
      const met = !route.target ? '' : rps >= GOAL_RPS && p99 < GOAL_P99_MS && result.errors === 0 ? 'met' : 'NOT met';
      return [
        backend.padEnd(9),
        route.name.padEnd(28),
        rps.toFixed(0).padStart(6),
        p50.toFixed(1).padStart(7),
        p99.toFixed(1).padStart(7),
        String(result.errors).padStart(6),
        (rps / (peer.requests / peer.seconds)).toFixed(3).padStart(7),
        `${(result.clientCpu * 100).toFixed(0)}%`.padStart(7),
        `${percentile(result.cold, 0.5).toFixed(0)}/${percentile(result.cold, 0.99).toFixed(0)}`.padStart(10),
        `  ${met}`,
      ].join(' ');
    });
  } finally {
    const code = await server.stop();
    if (code !== 0) throw new Error(`dossier serve --db ${db} exited ${code}: ${server.stderr()}`);
  }
}

export const benchmark: Benchmark = {
  name: 'serve',
  async run() {
    const t0 = performance.now();
    const corpus = await cachedCorpus();
    const lines = [...corpus.lines];
    const sqliteStore = await openSqliteStore(corpus.sqlite, { mustExist: true });
    const { routes, lines: storeLines } = await routesOf(sqliteStore);
    await sqliteStore.close();
    lines.push(...storeLines);
    lines.push(
      `load: ${CONNECTIONS} connections (keep-alive), ${WARMUP_S} s warm-up then ${LOAD_S} s measured per route; ${cpus().length} cores shared by the server and this load generator`,
      `${'backend'.padEnd(9)} ${'route'.padEnd(28)} ${'req/s'.padStart(6)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(6)} ${'/peer'.padStart(7)} ${'gen CPU'.padStart(7)} ${'cold p50/99'.padStart(10)}   target ≥ ${GOAL_RPS} req/s, p99 < ${GOAL_P99_MS} ms`,
    );
    if (BACKENDS.includes('sqlite')) lines.push(...(await loadBackend('SQLite', corpus.sqlite, routes)));
    if (BACKENDS.includes('postgres')) {
      const cluster = await startPrivateCluster();
      try {
        const admin = new pg.Client({ connectionString: cluster.url });
        await admin.connect();
        await admin.query('CREATE DATABASE dossier_bench');
        await admin.end();
        const url = new URL(cluster.url);
        url.pathname = '/dossier_bench';
        lines.splice(1, 0, await cachedPostgres(url.toString(), corpus));
        lines.push(...(await loadBackend('Postgres', url.toString(), routes)));
      } finally {
        stopPrivateCluster(cluster.dir);
      }
    }
    lines.push(
      "errors count the cold pass too; gen CPU: the load generator's own CPU over the measured seconds, in one core's worth;",
      'cold p50/99 (ms): the first request of each URL, before the warm-up (one pass over every story or query, nothing of it kept by the server yet);',
    );
    lines.push(`whole benchmark ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return { task: `serve: story page and search under load (${ARTICLES.toLocaleString('en')} articles, dossier serve in a child process, loopback)`, lines };
  },
};
