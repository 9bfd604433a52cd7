// How the PostgreSQL backend talks to its database: one pool per store, queries whose string
// parameters are made storable, transactions, and the database's name as people should see it.
import pg, { type Pool, type PoolClient } from 'pg';

/** A pool or a client taken from it (inside a transaction). */
export type Runner = Pool | PoolClient;

// bigint (int8) columns and count(*) come back as numbers: every one of ours stays far below 2^53.
const INT8 = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A pool on the database `url` names. */
export function createPool(url: string): Pool {
  const pool = new pg.Pool({ connectionString: url, types, application_name: 'dossier', max: 8 });
  // An idle connection that the server drops (a restart) is removed from the pool, which reports
  // it here; the next query then fails, or succeeds on a new connection. Nothing is lost by
  // waiting for that, and without a listener the error would end the process.
  pool.on('error', () => undefined);
  return pool;
}

/** `url` without its password, as messages name the database: postgres://dossier@127.0.0.1:5432/news. */
export function postgresLocation(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');
  }
}

// PostgreSQL text cannot hold NUL. Every string given to a query gets U+FFFD in its place (one
// UTF-16 unit, so offsets stay right), in writes and lookups alike, so equal strings stay equal.
const storable = (value: unknown): unknown =>
  typeof value === 'string' ? (value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value) : Array.isArray(value) ? value.map(storable) : value;

/** The rows of `sql` run with `params` on `runner`. */
export async function query<T>(runner: Runner, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await runner.query(sql, params.map(storable))).rows as T[];
}

/** Runs `work` in a transaction on a client of its own: committed when it returns, rolled back when it throws. */
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failed: unknown = null;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failed = error;
    try {
      await client.query('ROLLBACK');
    } catch {
      // The connection is broken: the server rolls the transaction back itself, and the client is discarded below.
    }
    throw error;
  } finally {
    // A client whose transaction failed is not reused: it may be in an unknown state.
    client.release(failed === null ? undefined : true);
  }
}
