-- The PostgreSQL store: the same tables, with the same meaning, as the SQLite store's migrations
-- up to ../sqlite/20261124T1300-figures.sql (articles and versions, entity identities, quotes,
-- figures); see there for what each column holds. What differs is PostgreSQL's own:
--   - full-text search is a tsvector column with a GIN index, over the text search
--     configuration `dossier_words`: words as the default parser finds them, diacritics removed
--     (unaccent), lower case, no stemming and no stop words (as FTS5's unicode61 remove_diacritics 2);
--   - ids, days and other keys are COLLATE "C" so that they order byte by byte, as in SQLite;
--   - `latest` and `ambiguous` are booleans; speaker and claimant texts are compared by lower().
-- Records and other JSON are kept as text, not jsonb: jsonb refuses "\u0000" and lone surrogates,
-- which a record's JSON may hold. Never edit this file once released.

-- unaccent ships with PostgreSQL (contrib) and is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION dossier_words (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION dossier_words
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
  WITH unaccent, simple;

CREATE TABLE articles (
  seq         bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- storage order
  id          text    COLLATE "C" NOT NULL UNIQUE,
  article_id  text    COLLATE "C" NOT NULL,
  version     integer NOT NULL CHECK (version >= 1),
  latest      boolean NOT NULL,
  url         text,
  outlet      text,
  published   text    COLLATE "C",
  title       text,
  ingested_at text    NOT NULL,
  record      text    NOT NULL,
  -- The record's text, for snippets (ts_headline), as SQLite's FTS5 table keeps its own copy.
  -- A NUL character, which PostgreSQL text cannot hold, is a space here (same length).
  body        text    NOT NULL,
  -- Title words weigh as 'A', text words as 'D'; search ranks with these weights.
  search      tsvector NOT NULL GENERATED ALWAYS AS (
                setweight(to_tsvector('dossier_words', coalesce(title, '')), 'A') || setweight(to_tsvector('dossier_words', body), 'D')
              ) STORED,
  UNIQUE (article_id, version)
);

CREATE UNIQUE INDEX articles_latest_url ON articles (url) WHERE latest AND url IS NOT NULL;
CREATE INDEX articles_latest_seq ON articles (seq) WHERE latest;
CREATE INDEX articles_published ON articles (published) WHERE latest;
CREATE INDEX articles_outlet ON articles (outlet) WHERE latest;
CREATE INDEX articles_search ON articles USING gin (search) WHERE latest;

CREATE TABLE identities (
  id        text    COLLATE "C" PRIMARY KEY,
  type      text    NOT NULL,
  name      text    NOT NULL,
  ambiguous boolean NOT NULL DEFAULT false,
  articles  integer NOT NULL DEFAULT 0,
  mentions  integer NOT NULL DEFAULT 0
);
CREATE INDEX identities_rank ON identities (articles DESC, mentions DESC, id);
CREATE INDEX identities_type_rank ON identities (type, articles DESC, mentions DESC, id);

CREATE TABLE identity_keys (
  key         text COLLATE "C" NOT NULL,
  identity_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (key, identity_id)
);
CREATE INDEX identity_keys_identity ON identity_keys (identity_id);

CREATE TABLE entity_links (
  record_id     text    COLLATE "C" NOT NULL,
  entity_id     text    COLLATE "C" NOT NULL,
  identity_id   text    COLLATE "C" NOT NULL,
  evidence      text    NOT NULL,
  note          text,
  name          text    NOT NULL,
  mentions      text    NOT NULL,       -- JSON [{start, end, text}]
  mention_count integer NOT NULL,
  PRIMARY KEY (record_id, entity_id)
);
CREATE INDEX entity_links_identity ON entity_links (identity_id);

CREATE TABLE identity_titles (
  identity_id text COLLATE "C" NOT NULL,
  title_key   text COLLATE "C" NOT NULL,
  title       text NOT NULL,
  record_id   text COLLATE "C" NOT NULL,
  published   text COLLATE "C",
  PRIMARY KEY (identity_id, title_key, record_id)
);
CREATE INDEX identity_titles_record ON identity_titles (record_id);

CREATE TABLE identity_relations (
  identity_id text COLLATE "C" NOT NULL,
  related_id  text COLLATE "C" NOT NULL,
  relation    text NOT NULL,
  PRIMARY KEY (identity_id, related_id, relation)
);
CREATE INDEX identity_relations_related ON identity_relations (related_id);

CREATE TABLE quotes (
  record_id        text    COLLATE "C" NOT NULL,
  quote_index      integer NOT NULL,
  article_seq      bigint  NOT NULL,
  position         integer NOT NULL,
  day              text    COLLATE "C",
  speaker_entity   text    COLLATE "C",
  speaker_identity text    COLLATE "C",
  speaker_text     text,
  sentences_start  integer,
  sentences_end    integer,
  quote            text    NOT NULL,
  PRIMARY KEY (record_id, quote_index)
);
-- Undated last: NULLS LAST, where SQLite sorts NULL lowest.
CREATE INDEX quotes_by_day ON quotes (day DESC NULLS LAST, article_seq DESC, position);
CREATE INDEX quotes_by_speaker_identity ON quotes (speaker_identity, day DESC NULLS LAST, article_seq DESC, position);
CREATE INDEX quotes_by_speaker_text ON quotes (lower(speaker_text), day DESC NULLS LAST, article_seq DESC, position);

CREATE TABLE figures (
  id                bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id         text    COLLATE "C" NOT NULL,
  figure_index      integer NOT NULL,
  article_seq       bigint  NOT NULL,
  position          integer NOT NULL,
  day               text    COLLATE "C",
  claimant_entity   text    COLLATE "C",
  claimant_identity text    COLLATE "C",
  claimant_text     text,
  sentence_start    integer,
  sentence_end      integer,
  figure            text    NOT NULL,
  -- What the figure counts ("living hostages"), as words: SQLite's figure_counts table.
  counts            text,
  counts_words      tsvector GENERATED ALWAYS AS (to_tsvector('dossier_words', coalesce(counts, ''))) STORED,
  UNIQUE (record_id, figure_index)
);
CREATE INDEX figures_by_day ON figures (day DESC NULLS LAST, article_seq DESC, position);
CREATE INDEX figures_by_claimant_identity ON figures (claimant_identity, day DESC NULLS LAST, article_seq DESC, position);
CREATE INDEX figures_by_claimant_text ON figures (lower(claimant_text), day DESC NULLS LAST, article_seq DESC, position);
CREATE INDEX figures_counts ON figures USING gin (counts_words) WHERE counts IS NOT NULL;
