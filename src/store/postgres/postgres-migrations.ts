// Append-only schema migrations for the PostgreSQL store: the files of ../migrations/postgres,
// applied in name order, each in its own transaction together with its row in
// `schema_migrations`. Several processes may open one new database at once (workers starting
// together): a session advisory lock lets one of them migrate while the others wait, and each
// migration re-checks that it is still pending under the lock.
import { fileURLToPath } from 'node:url';
import type { PoolClient } from 'pg';
import { readMigrations, refuseUnknownMigrations, type Migration } from '../migration-files.ts';

/** The folder of the PostgreSQL migrations. */
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/postgres/', import.meta.url));

// An arbitrary constant naming the migration lock among the database's advisory locks.
const MIGRATION_LOCK = 0x646f73_01;

/** Brings the schema up to date on `client` (a connection of its own) and returns the names applied now. */
export async function migratePostgres(client: PoolClient, migrations: readonly Migration[] = readMigrations(POSTGRES_MIGRATIONS_DIR)): Promise<string[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at text NOT NULL)');
    const applied = async () => new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const before = await applied();
    refuseUnknownMigrations(before, migrations);
    const done: string[] = [];
    for (const migration of migrations) {
      if (before.has(migration.name)) continue;
      try {
        await client.query('BEGIN');
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [migration.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** True when the database has a Dossier schema (some migration applied). */
export async function hasSchema(client: PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  return rows[0]?.present === true;
}
