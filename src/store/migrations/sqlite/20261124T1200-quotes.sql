-- Quotes of the stored articles: one row per quote of a latest version's `quotes` layer, with
-- what listings order and filter by (its day, its speaker's identity, the speaker as written)
-- and where the sentences holding it are. Filled inside the transaction that stores a record
-- (see ../../sqlite/sqlite-quotes.ts; the facts are computed by quoteIndexFacts in
-- ../../store.ts, which the backfill below mirrors). A new version replaces its article's rows.
-- Never edit this file once released.

CREATE TABLE quotes (
  record_id        TEXT    NOT NULL,    -- articles.id of a latest version
  quote_index      INTEGER NOT NULL,    -- its place in the record's quotes layer
  article_seq      INTEGER NOT NULL,    -- articles.seq: between articles of one day, the last stored comes first
  position         INTEGER NOT NULL,    -- its place in text order within the record, from 0
  day              TEXT,                -- the quote's date when a day, else the article's publication date; NULL: undated
  speaker_entity   TEXT,                -- the speaker's entity within the record ("e3") or NULL
  speaker_identity TEXT,                -- the identity that entity is linked to (entity_links) or NULL
  speaker_text     TEXT COLLATE NOCASE, -- the speaker as written, or NULL; compared case-insensitively (ASCII letters)
  sentences_start  INTEGER,             -- the sentences holding content and cue, as a span into the record's
  sentences_end    INTEGER,             -- text (JavaScript string indices); NULL when no sentence does
  quote            TEXT    NOT NULL,    -- the quote as the record gives it, JSON
  PRIMARY KEY (record_id, quote_index)
) WITHOUT ROWID;

-- Listing order: newest day first (NULL sorts lowest, so undated quotes come last), then the last
-- stored article, then text order. One index per way of narrowing the listing.
CREATE INDEX quotes_by_day ON quotes (day DESC, article_seq DESC, position);
CREATE INDEX quotes_by_speaker_identity ON quotes (speaker_identity, day DESC, article_seq DESC, position);
CREATE INDEX quotes_by_speaker_text ON quotes (speaker_text, day DESC, article_seq DESC, position);

-- Backfill: the quotes of the latest versions already stored, as storing them now would index
-- them. Offsets are only compared here, never used to cut text (SQLite counts characters where
-- the record counts UTF-16 units), so they stay exact.
INSERT INTO quotes (record_id, quote_index, article_seq, position, day, speaker_entity, speaker_identity, speaker_text, sentences_start, sentences_end, quote)
SELECT
  q.record_id,
  q.quote_index,
  q.article_seq,
  row_number() OVER (PARTITION BY q.record_id ORDER BY q.q_start, q.q_end, q.quote_index) - 1,
  CASE WHEN q.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN q.date ELSE q.published END,
  q.speaker_entity,
  (SELECT l.identity_id FROM entity_links l WHERE l.record_id = q.record_id AND l.entity_id = q.speaker_entity),
  q.speaker_text,
  (SELECT min(json_extract(s.value, '$.start')) FROM json_each(q.record, '$.sentences') s
   WHERE json_extract(s.value, '$.end') > q.lo AND json_extract(s.value, '$.start') < q.hi),
  (SELECT max(json_extract(s.value, '$.end')) FROM json_each(q.record, '$.sentences') s
   WHERE json_extract(s.value, '$.end') > q.lo AND json_extract(s.value, '$.start') < q.hi),
  q.quote
FROM (
  SELECT
    a.id AS record_id,
    a.seq AS article_seq,
    a.published,
    a.record,
    j.key AS quote_index,
    j.value AS quote,
    json_extract(j.value, '$.start') AS q_start,
    json_extract(j.value, '$.end') AS q_end,
    json_extract(j.value, '$.date') AS date,
    json_extract(j.value, '$.speaker.entity') AS speaker_entity,
    json_extract(j.value, '$.speaker.text') AS speaker_text,
    min(json_extract(j.value, '$.start'), coalesce(json_extract(j.value, '$.cue.start'), json_extract(j.value, '$.start'))) AS lo,
    max(json_extract(j.value, '$.end'), coalesce(json_extract(j.value, '$.cue.end'), json_extract(j.value, '$.end'))) AS hi
  FROM articles a, json_each(a.record, '$.quotes') j
  WHERE a.latest = 1
) q;
