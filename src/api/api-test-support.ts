// What the API tests share: a server over a temporary SQLite store filled by really ingesting the
// two seeds (../shared/seeds, read at run time) and small hand-written articles POSTed through
// the API itself, and short ways to make requests with fastify's `inject` (no port needed).
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { databaseFolder, ingestedSeeds } from '../../test/support/cli-run.ts';
import type { AnalysisRecord } from '../model/record.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { buildServer, type ServerOptions } from './build-server.ts';

/** The token of the test servers. */
export const TOKEN = 'test-token-7f3a';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

/** An answer: status, headers and the body parsed as JSON (null when it is not JSON); typed loosely by default, as tests read deep into it. */
export interface Answer<T = any> {
  status: number;
  headers: Record<string, unknown>;
  body: T;
  text: string;
}

/** Sends one request through `inject`. */
export async function send<T = any>(app: FastifyInstance, options: InjectOptions): Promise<Answer<T>> {
  const r = await app.inject(options);
  let body: T;
  try {
    body = JSON.parse(r.body) as T;
  } catch {
    body = null as T;
  }
  return { status: r.statusCode, headers: r.headers, body, text: r.body };
}

/** GET `url`; fails the test unless the status is `status` (default 200). */
export async function get<T = any>(app: FastifyInstance, url: string, status = 200, headers: Record<string, string> = {}): Promise<T> {
  const a = await send<T>(app, { method: 'GET', url, headers });
  assert.equal(a.status, status, `GET ${url}: ${a.text.slice(0, 300)}`);
  return a.body;
}

/** POSTs a JSON article with the token; fails the test unless it is stored or found unchanged. */
export async function postJson(app: FastifyInstance, payload: object): Promise<{ id: string; status: string; articleId: string; version: number }[]> {
  const a = await send(app, { method: 'POST', url: '/articles', headers: { ...AUTH, 'content-type': 'application/json' }, payload: payload as Record<string, unknown> });
  assert.ok(a.status === 200 || a.status === 201, a.text);
  return a.body.articles;
}

/** Small hand-written articles: two people named Biden (so that "Biden" names two identities), and one URL stored in two versions. */
export const HAND_ARTICLES = {
  bidens: {
    text: 'Two Bidens in Delaware\n\nJoe Biden visited Delaware on Monday, officials said. Hunter Biden appeared in court in Wilmington the same day.',
    outlet: 'Test Wire',
    date: '2025-01-06',
  },
  versioned: [
    { text: 'Talks resume in Doha\n\nNegotiators met in Doha on Sunday, a spokesperson said.', url: 'https://news.example/doha-talks', outlet: 'Test Wire', date: '2025-02-02' },
    { text: 'Talks resume in Doha\n\nNegotiators met in Doha on Sunday, a spokesperson said. The talks will go on on Monday.', url: 'https://news.example/doha-talks', outlet: 'Test Wire', date: '2025-02-02' },
  ],
};

/** A server over a store holding the seeds and HAND_ARTICLES, with what was stored. */
export interface FilledServer {
  app: FastifyInstance;
  store: Store;
  db: string;
  /** The records of the seeds, by id. */
  seeds: Map<string, AnalysisRecord>;
  close(): Promise<void>;
}

/** Builds a FilledServer; `options` are given to buildServer (the token is TOKEN unless overridden). */
export async function filledServer(options: Partial<ServerOptions> = {}): Promise<FilledServer> {
  const db = databaseFolder('api').fresh();
  const seeds = await ingestedSeeds(db);
  const store = await openSqliteStore(db, { mustExist: true });
  const app = buildServer({ token: TOKEN, ...options, store });
  await postJson(app, HAND_ARTICLES.bidens);
  for (const version of HAND_ARTICLES.versioned) await postJson(app, version);
  return {
    app,
    store,
    db,
    seeds,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
