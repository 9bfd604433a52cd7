// Append-only schema migrations for the SQLite store (as Kysely's migrator does it): the files of
// ../migrations/sqlite, named `YYYYMMDDTHHMM-what.sql`, applied in name order, each in its own
// transaction together with its row in `schema_migrations`. Old migrations are never edited.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

/** The folder of the SQLite migrations. */
export const SQLITE_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/sqlite/', import.meta.url));

const NAME = /^\d{8}T\d{4}-[a-z0-9-]+\.sql$/;

/** One migration: its file name (the key in schema_migrations) and its SQL. */
export interface Migration {
  name: string;
  sql: string;
}

/** The migrations in a folder, in the order they apply. A file with a name of the wrong shape is an error, not skipped. */
export function readMigrations(dir: string = SQLITE_MIGRATIONS_DIR): Migration[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  for (const name of names) {
    if (!NAME.test(name)) throw new Error(`migration ${name} is not named YYYYMMDDTHHMM-what.sql`);
  }
  return names.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Brings the database's schema up to date and returns the names applied now. Refuses a database
 * that has a migration this code does not know (it was made by a newer Dossier). Each migration
 * runs under a write lock and re-checks that it is still pending, so two processes opening the
 * same new file at once apply each migration once.
 */
export function migrate(db: Database, migrations: readonly Migration[] = readMigrations()): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = () => new Set((db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]));
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied()].filter((name) => !known.has(name)).sort();
  if (unknown.length > 0) {
    throw new Error(`the database has migration ${unknown.at(-1)!}, which this version of Dossier does not know; use a newer Dossier`);
  }
  const done: string[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (applied().has(migration.name)) return;
      db.exec(migration.sql);
      record.run(migration.name, new Date().toISOString());
      done.push(migration.name);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new Error(`migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return done;
}
