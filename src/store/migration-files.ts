// Append-only schema migrations, as Kysely's migrator keeps them: one folder per backend
// (migrations/sqlite, migrations/postgres) of files named `YYYYMMDDTHHMM-what.sql`, applied in name
// order, each recorded in the database's `schema_migrations`. Old migrations are never edited.
// What is shared here: reading a folder, and refusing a database made by a newer Dossier.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NAME = /^\d{8}T\d{4}-[a-z0-9-]+\.sql$/;

/** One migration: its file name (the key in schema_migrations) and its SQL. */
export interface Migration {
  name: string;
  sql: string;
}

/** The migrations in a folder, in the order they apply. A file with a name of the wrong shape is an error, not skipped. */
export function readMigrations(dir: string): Migration[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  for (const name of names) {
    if (!NAME.test(name)) throw new Error(`migration ${name} is not named YYYYMMDDTHHMM-what.sql`);
  }
  return names.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Throws when the database has applied a migration this code does not know: it was made by a newer Dossier. */
export function refuseUnknownMigrations(applied: Iterable<string>, migrations: readonly Migration[]): void {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied].filter((name) => !known.has(name)).sort();
  if (unknown.length > 0) {
    throw new Error(`the database has migration ${unknown.at(-1)!}, which this version of Dossier does not know; use a newer Dossier`);
  }
}
