// What `dossier watch` remembers between rounds and runs, per feed: the validators of its last
// fetch (for conditional GET) and the item links already handled. Kept in its own SQLite file
// beside the database ("dossier.db" → "dossier.watch.db"), not in the store: it is the watcher's
// bookkeeping, not part of the record, and the store's schema stays the store's.
//
// An item link is "done" once its page is stored (or found stored already). A link whose page
// failed is tried again on later rounds, up to MAX_ITEM_ATTEMPTS, and while one waits for another
// try the feed is fetched without validators, so that a 304 cannot hide it.
import Database from 'better-sqlite3';
import type { Validators } from './fetch-policy.ts';

/** Tries of one item's page before the watcher gives up on it. */
export const MAX_ITEM_ATTEMPTS = 3;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS watched_feeds (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_items (
  feed_url TEXT NOT NULL,
  link TEXT NOT NULL,
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  attempts INTEGER NOT NULL,
  last_error TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (feed_url, link)
);`;

/** Where the watch state of the database at `location` lives: beside it, or in memory for an in-memory database. */
export function watchStatePath(location: string): string {
  if (location === ':memory:') return location;
  return location.endsWith('.db') ? `${location.slice(0, -3)}.watch.db` : `${location}.watch.db`;
}

/** An item link's standing: done, or failed `attempts` times so far. */
export interface ItemState {
  done: boolean;
  attempts: number;
}

/** The watcher's memory of its feeds, in one SQLite file. Every write is its own transaction. */
export class WatchState {
  private readonly db: Database.Database;

  /** Opens (creating when missing) the state file at `path`. */
  constructor(path: string) {
    this.db = new Database(path, { timeout: 10_000 });
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  /** The validators of the feed's last full fetch, or null when it has none or an item waits for another try. */
  validators(feed: string): Validators | null {
    const waiting = this.db
      .prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM feed_items WHERE feed_url = ? AND done = 0 AND attempts < ?')
      .get(feed, MAX_ITEM_ATTEMPTS);
    if ((waiting?.n ?? 0) > 0) return null;
    const row = this.db
      .prepare<[string], { etag: string | null; last_modified: string | null }>('SELECT etag, last_modified FROM watched_feeds WHERE url = ?')
      .get(feed);
    if (!row || (row.etag === null && row.last_modified === null)) return null;
    return { etag: row.etag, lastModified: row.last_modified };
  }

  /** Remembers the validators of a feed's latest fetch. */
  saveValidators(feed: string, validators: Validators): void {
    this.db
      .prepare(
        `INSERT INTO watched_feeds (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`,
      )
      .run(feed, validators.etag, validators.lastModified, new Date().toISOString());
  }

  /** The standing of one item link of the feed, or null for a link never seen. */
  item(feed: string, link: string): ItemState | null {
    const row = this.db
      .prepare<[string, string], { done: number; attempts: number }>('SELECT done, attempts FROM feed_items WHERE feed_url = ? AND link = ?')
      .get(feed, link);
    return row ? { done: row.done === 1, attempts: row.attempts } : null;
  }

  /** Marks an item link done: its page is stored. */
  markDone(feed: string, link: string): void {
    this.db
      .prepare(
        `INSERT INTO feed_items (feed_url, link, done, attempts, last_error, updated_at) VALUES (?, ?, 1, 1, NULL, ?)
         ON CONFLICT (feed_url, link) DO UPDATE SET done = 1, last_error = NULL, updated_at = excluded.updated_at`,
      )
      .run(feed, link, new Date().toISOString());
  }

  /** Counts a failed try of an item link; returns the tries so far. */
  markFailed(feed: string, link: string, error: string): number {
    const row = this.db
      .prepare<[string, string, string, string], { attempts: number }>(
        `INSERT INTO feed_items (feed_url, link, done, attempts, last_error, updated_at) VALUES (?, ?, 0, 1, ?, ?)
         ON CONFLICT (feed_url, link) DO UPDATE SET attempts = attempts + 1, last_error = excluded.last_error, updated_at = excluded.updated_at
         RETURNING attempts`,
      )
      .get(feed, link, error, new Date().toISOString());
    return row?.attempts ?? 1;
  }

  /** Closes the file; the state is already written. */
  close(): void {
    this.db.close();
  }
}
