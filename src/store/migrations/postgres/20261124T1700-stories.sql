-- Stories (src/link/stories), as in the SQLite migration of the same name: document counts of
-- profile features ('' counts the linked articles), the blocking index, bounded story summaries
-- (JSON text) and the story and sub-event of each article.
CREATE TABLE story_counts (
  feature text COLLATE "C" PRIMARY KEY,
  n       integer NOT NULL
);

CREATE TABLE stories (
  id      text COLLATE "C" PRIMARY KEY,
  label   text NOT NULL,
  size    integer NOT NULL,
  summary text NOT NULL,
  seq     bigint NOT NULL
);
CREATE INDEX stories_seq ON stories (seq);

CREATE TABLE story_index (
  feature  text COLLATE "C" NOT NULL,
  story_id text COLLATE "C" NOT NULL,
  seq      bigint NOT NULL,
  PRIMARY KEY (feature, story_id)
);
CREATE INDEX story_index_recent ON story_index (feature, seq DESC);

CREATE TABLE story_articles (
  article_id      text COLLATE "C" PRIMARY KEY,
  story_id        text COLLATE "C" NOT NULL,
  sub_event_id    text COLLATE "C" NOT NULL,
  score           double precision,
  sub_event_score double precision,
  seq             bigint NOT NULL UNIQUE
);
CREATE INDEX story_articles_story ON story_articles (story_id, seq);
