-- Near-duplicates: each stored record's fingerprint (../../../link/duplicates/fingerprint.ts), the
-- keys it is filed under, and the links between records judged copies or versions of one another
-- (../../../link/duplicates/duplicate-judge.ts). Filled inside the transaction that stores a
-- record (../../sqlite/sqlite-duplicates.ts, planned by ../../duplicate-rows.ts). Every version
-- is fingerprinted and linked, older ones included. Never edit this file once released.

CREATE TABLE fingerprints (
  record_id TEXT PRIMARY KEY,           -- articles.id
  url       TEXT,                       -- the record's URL, trimmed, or NULL
  text_hash TEXT,                       -- hash of its normalised words; equal for copies; NULL: no words
  shingles  BLOB NOT NULL               -- its shingle hashes, ascending, 4 bytes each, little-endian
);

-- One row per (key, record): a new record's candidates are looked up here by key ("b7:1f3a9c20",
-- "t:…", "u:…"), never by scanning fingerprints. At most 44 keys per record.
CREATE TABLE fingerprint_keys (
  key       TEXT NOT NULL,
  record_id TEXT NOT NULL,
  PRIMARY KEY (key, record_id)
) WITHOUT ROWID;

-- One row per pair of records judged duplicates; not directed: read from both ends.
CREATE TABLE duplicates (
  record_id   TEXT NOT NULL,             -- the record stored later (articles.id)
  other_id    TEXT NOT NULL,             -- the record it copies or is a version of
  kind        TEXT NOT NULL CHECK (kind IN ('copy', 'version')),
  evidence    TEXT NOT NULL,             -- "same text", "same url" or "light edit"
  similarity  REAL NOT NULL,             -- Jaccard similarity of the shingle sets
  containment REAL NOT NULL,             -- shared shingles over the smaller set
  PRIMARY KEY (record_id, other_id)
) WITHOUT ROWID;
CREATE INDEX duplicates_other ON duplicates (other_id);

-- Records stored before this migration have no fingerprint: SQL cannot compute one, so the store
-- fingerprints them in code when it opens, in storage order, a batch per transaction, moving
-- `done` on (resumable: a backfill cut short goes on at the next opening). The row is deleted
-- when done; a new store gets none.
CREATE TABLE fingerprint_backfill (
  upto INTEGER NOT NULL,                -- the last articles.seq to fingerprint
  done INTEGER NOT NULL                 -- the last articles.seq fingerprinted
);
INSERT INTO fingerprint_backfill (upto, done) SELECT max(seq), 0 FROM articles HAVING count(*) > 0;
