-- Figures of the stored articles: one row per figure of a latest version's `figures` layer, with
-- what listings order and filter by (its day, its claimant's identity, the claimant as written,
-- the words of what it counts) and where the sentence holding it is. Filled inside the
-- transaction that stores a record (see ../../sqlite/sqlite-figures.ts; the facts are computed by
-- figureIndexFacts in ../../store.ts, which the backfill below mirrors). A new version replaces
-- its article's rows. Never edit this file once released.

CREATE TABLE figures (
  id                INTEGER PRIMARY KEY,  -- also the rowid of figure_counts
  record_id         TEXT    NOT NULL,     -- articles.id of a latest version
  figure_index      INTEGER NOT NULL,     -- its place in the record's figures layer
  article_seq       INTEGER NOT NULL,     -- articles.seq: between articles of one day, the last stored comes first
  position          INTEGER NOT NULL,     -- its place in text order within the record, from 0
  day               TEXT,                 -- the figure's asOf when a day, else the article's publication date; NULL: undated
  claimant_entity   TEXT,                 -- the claimant's entity within the record ("e7") or NULL
  claimant_identity TEXT,                 -- the identity that entity is linked to (entity_links) or NULL
  claimant_text     TEXT COLLATE NOCASE,  -- the claimant as written, or NULL; compared case-insensitively (ASCII letters)
  sentence_start    INTEGER,              -- the sentence holding the figure, as a span into the record's
  sentence_end      INTEGER,              -- text (JavaScript string indices); NULL when no sentence does
  figure            TEXT    NOT NULL,     -- the figure as the record gives it, JSON
  UNIQUE (record_id, figure_index)
);

-- Listing order: newest day first (NULL sorts lowest, so undated figures come last), then the last
-- stored article, then text order. One index per way of narrowing the listing.
CREATE INDEX figures_by_day ON figures (day DESC, article_seq DESC, position);
CREATE INDEX figures_by_claimant_identity ON figures (claimant_identity, day DESC, article_seq DESC, position);
CREATE INDEX figures_by_claimant_text ON figures (claimant_text, day DESC, article_seq DESC, position);

-- What each figure counts, as words ("living hostages"): `--counts hostages` is a phrase query
-- on whole words, case and diacritics aside, as the articles' search is. Rows are written and
-- deleted with their figures, by rowid (= figures.id); a figure whose counts is null has none.
CREATE VIRTUAL TABLE figure_counts USING fts5 (
  counts,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Backfill: the figures of the latest versions already stored, as storing them now would index
-- them. Offsets are only compared here, never used to cut text (SQLite counts characters where
-- the record counts UTF-16 units), so they stay exact.
INSERT INTO figures (record_id, figure_index, article_seq, position, day, claimant_entity, claimant_identity, claimant_text, sentence_start, sentence_end, figure)
SELECT
  f.record_id,
  f.figure_index,
  f.article_seq,
  row_number() OVER (PARTITION BY f.record_id ORDER BY f.f_start, f.f_end, f.figure_index) - 1,
  CASE WHEN f.as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN f.as_of ELSE f.published END,
  f.claimant_entity,
  (SELECT l.identity_id FROM entity_links l WHERE l.record_id = f.record_id AND l.entity_id = f.claimant_entity),
  f.claimant_text,
  (SELECT min(json_extract(s.value, '$.start')) FROM json_each(f.record, '$.sentences') s
   WHERE json_extract(s.value, '$.end') > f.f_start AND json_extract(s.value, '$.start') < f.f_end),
  (SELECT max(json_extract(s.value, '$.end')) FROM json_each(f.record, '$.sentences') s
   WHERE json_extract(s.value, '$.end') > f.f_start AND json_extract(s.value, '$.start') < f.f_end),
  f.figure
FROM (
  SELECT
    a.id AS record_id,
    a.seq AS article_seq,
    a.published,
    a.record,
    j.key AS figure_index,
    j.value AS figure,
    json_extract(j.value, '$.start') AS f_start,
    json_extract(j.value, '$.end') AS f_end,
    json_extract(j.value, '$.asOf') AS as_of,
    json_extract(j.value, '$.claimant.entity') AS claimant_entity,
    json_extract(j.value, '$.claimant.text') AS claimant_text
  FROM articles a, json_each(a.record, '$.figures') j
  WHERE a.latest = 1
) f
ORDER BY f.article_seq, f.figure_index;

INSERT INTO figure_counts (rowid, counts)
SELECT id, json_extract(figure, '$.counts') FROM figures WHERE json_extract(figure, '$.counts') IS NOT NULL;
