// Append-only schema migrations for the SQLite store (as Kysely's migrator does it): the files of
// ../migrations/sqlite, named `YYYYMMDDTHHMM-what.sql`, applied in name order, each in its own
// transaction together with its row in `schema_migrations`. Old migrations are never edited.
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { readMigrations, refuseUnknownMigrations, type Migration } from '../migration-files.ts';

export { readMigrations, type Migration } from '../migration-files.ts';

/** The folder of the SQLite migrations. */
export const SQLITE_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/sqlite/', import.meta.url));

/**
 * Brings the database's schema up to date and returns the names applied now. Refuses a database
 * that has a migration this code does not know (it was made by a newer Dossier). Each migration
 * runs under a write lock and re-checks that it is still pending, so two processes opening the
 * same new file at once apply each migration once.
 */
export function migrate(db: Database, migrations: readonly Migration[] = readMigrations(SQLITE_MIGRATIONS_DIR)): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = () => new Set((db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]));
  refuseUnknownMigrations(applied(), migrations);
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
