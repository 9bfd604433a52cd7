-- Stories (src/link/stories): what the incremental story linker asks of a store and keeps.
-- Document counts of profile features ('' counts the linked articles themselves), the blocking
-- index (feature -> stories, most recently joined first), bounded story summaries (JSON), and the
-- story and sub-event of each article. Filled after the articles are stored (see story-rows.ts).
CREATE TABLE story_counts (
  feature TEXT PRIMARY KEY,
  n       INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE stories (
  id      TEXT PRIMARY KEY,
  label   TEXT NOT NULL,
  size    INTEGER NOT NULL,
  summary TEXT NOT NULL,
  seq     INTEGER NOT NULL          -- the link number of its latest article: newest stories first
);
CREATE INDEX stories_seq ON stories (seq);

CREATE TABLE story_index (
  feature  TEXT NOT NULL,
  story_id TEXT NOT NULL,
  seq      INTEGER NOT NULL,
  PRIMARY KEY (feature, story_id)
) WITHOUT ROWID;
CREATE INDEX story_index_recent ON story_index (feature, seq DESC);

CREATE TABLE story_articles (
  article_id      TEXT PRIMARY KEY,
  story_id        TEXT NOT NULL,
  sub_event_id    TEXT NOT NULL,
  score           REAL,
  sub_event_score REAL,
  seq             INTEGER NOT NULL UNIQUE
);
CREATE INDEX story_articles_story ON story_articles (story_id, seq);
