-- Entity identities across the store: one row per person, organisation, place, group or event,
-- the keys it is found by, which entity of which stored record belongs to it (with the evidence),
-- the titles each record states for it, and relations between identities. Filled inside the
-- transaction that stores a record (see ../../sqlite/sqlite-identities.ts and
-- ../../../link/entities/entity-linker.ts). Only latest versions are linked: a new version
-- replaces its article's links and titles. Never edit this file once released.

CREATE TABLE identities (
  id        TEXT    PRIMARY KEY,        -- 16 hex digits: hash of the record and entity that founded it
  type      TEXT    NOT NULL,           -- PERSON | ORG | GPE | LOC | NORP | EVENT | OTHER
  name      TEXT    NOT NULL,           -- canonical name ("Steve Witkoff", "International Criminal Court")
  ambiguous INTEGER NOT NULL DEFAULT 0 CHECK (ambiguous IN (0, 1)),  -- stands for a surname several people share
  articles  INTEGER NOT NULL DEFAULT 0, -- linked records (latest versions), kept in step with entity_links
  mentions  INTEGER NOT NULL DEFAULT 0  -- their mentions of it
) WITHOUT ROWID;

-- Listing by how much an identity is mentioned, with or without a type.
CREATE INDEX identities_rank ON identities (articles DESC, mentions DESC, id);
CREATE INDEX identities_type_rank ON identities (type, articles DESC, mentions DESC, id);

-- Normalised name keys ("n:karoline leavitt", "s:leavitt", "i:icc", "a:icc", "x:biden"): a new
-- record's candidates are looked up here by key, never by scanning identities.
CREATE TABLE identity_keys (
  key         TEXT NOT NULL,
  identity_id TEXT NOT NULL,
  PRIMARY KEY (key, identity_id)
) WITHOUT ROWID;
CREATE INDEX identity_keys_identity ON identity_keys (identity_id);

-- One row per linked entity of a stored record (latest versions only).
CREATE TABLE entity_links (
  record_id     TEXT    NOT NULL,       -- articles.id
  entity_id     TEXT    NOT NULL,       -- the entity's id within the record ("e1")
  identity_id   TEXT    NOT NULL,
  evidence      TEXT    NOT NULL,       -- "exact name", "alias", "acronym", "surname of unique person", …
  note          TEXT,                   -- what else was considered, when it matters
  name          TEXT    NOT NULL,       -- the entity's name in the record
  mentions      TEXT    NOT NULL,       -- JSON [{start, end, text}], spans into the record's text
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (record_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_links_identity ON entity_links (identity_id);

-- Titles a record states for an identity, with the record's publication date: titles over time.
CREATE TABLE identity_titles (
  identity_id TEXT NOT NULL,
  title_key   TEXT NOT NULL,            -- lower case, single spaces: what titles are grouped by
  title       TEXT NOT NULL,            -- as the record gives it
  record_id   TEXT NOT NULL,
  published   TEXT,                     -- the record's publication date, YYYY-MM-DD or NULL
  PRIMARY KEY (identity_id, title_key, record_id)
) WITHOUT ROWID;
CREATE INDEX identity_titles_record ON identity_titles (record_id);

-- Relations between identities: identity_id is the demonym of related_id ("Israeli" -> "Israel").
CREATE TABLE identity_relations (
  identity_id TEXT NOT NULL,
  related_id  TEXT NOT NULL,
  relation    TEXT NOT NULL,
  PRIMARY KEY (identity_id, related_id, relation)
) WITHOUT ROWID;
CREATE INDEX identity_relations_related ON identity_relations (related_id);
