-- Articles and their versions, with full-text search over title and text.
-- One row per stored record (one version of an article). Never edit this file once released:
-- schema changes go in a new migration with a later timestamp.

CREATE TABLE articles (
  seq         INTEGER PRIMARY KEY,        -- storage order; also the rowid of articles_fts
  id          TEXT    NOT NULL UNIQUE,    -- record id: hash of the text
  article_id  TEXT    NOT NULL,           -- the article this is a version of: id of its first version
  version     INTEGER NOT NULL CHECK (version >= 1),
  latest      INTEGER NOT NULL CHECK (latest IN (0, 1)),
  url         TEXT,
  outlet      TEXT,
  published   TEXT,                       -- YYYY-MM-DD or NULL
  title       TEXT,
  ingested_at TEXT    NOT NULL,           -- ISO 8601, UTC
  record      TEXT    NOT NULL,           -- the full analysis record, JSON
  UNIQUE (article_id, version)
);

-- At most one latest version per URL: what getByUrl and new versions look up.
CREATE UNIQUE INDEX articles_latest_url ON articles (url) WHERE latest = 1 AND url IS NOT NULL;
-- Listing latest versions in storage order.
CREATE INDEX articles_latest_seq ON articles (seq) WHERE latest = 1;
CREATE INDEX articles_published ON articles (published) WHERE latest = 1;
CREATE INDEX articles_outlet ON articles (outlet) WHERE latest = 1;

-- Filled by explicit inserts in the transaction that inserts the article (rowid = articles.seq),
-- not by triggers (4x faster on bulk ingest). Keeps its own copy of title and text for snippet().
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title,
  text,
  tokenize = 'unicode61 remove_diacritics 2'
);
