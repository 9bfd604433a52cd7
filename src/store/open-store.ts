// The one place a `--db` value becomes a Store, so that every command opens stores alike:
// a SQLite file path (the embedded default), or a PostgreSQL URL (postgres:// or postgresql://).
import { resolve } from 'node:path';
import { isPostgresUrl, openPostgresStore } from './postgres/postgres-store.ts';
import { DEFAULT_SQLITE_PATH, openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

/** An open store and where it is, as people should be told: a file path, or the database's URL without its password. */
export interface OpenedStore {
  store: Store;
  location: string;
}

/**
 * Opens the store `db` names: a PostgreSQL URL, else a SQLite file path (default ./dossier.db).
 * `mustExist`: for commands that only read, so that a mistyped path is an error rather than a
 * new empty database (for PostgreSQL: a database without a Dossier store is refused).
 */
export async function openStore(db: string | undefined, options: { mustExist?: boolean } = {}): Promise<OpenedStore> {
  const location = db ?? DEFAULT_SQLITE_PATH;
  if (isPostgresUrl(location)) {
    const store = await openPostgresStore(location, options);
    return { store, location: store.location };
  }
  return { store: await openSqliteStore(location, options), location };
}

/** A store's location as a summary shows it: a SQLite file by its absolute path (where is ./dossier.db?), a URL or :memory: as it is. */
export function shownLocation(location: string): string {
  return location === ':memory:' || isPostgresUrl(location) ? location : resolve(location);
}

/** Opens an existing store for reading, runs `read` on it and closes it whatever happens. */
export async function readStore<T>(db: string | undefined, read: (store: Store) => Promise<T>): Promise<T> {
  const { store } = await openStore(db, { mustExist: true });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}
