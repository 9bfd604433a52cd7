-- Near-duplicates: the same tables, with the same meaning, as ../sqlite/20261124T1600-duplicates.sql
-- (fingerprints, their keys, the links between copies and versions, and the backfill of records
-- stored before them); see there for what each column holds. Shingles are bytea; ids and keys are
-- COLLATE "C" as elsewhere. Never edit this file once released.

CREATE TABLE fingerprints (
  record_id text  COLLATE "C" PRIMARY KEY,
  url       text,
  text_hash text  COLLATE "C",
  shingles  bytea NOT NULL
);

CREATE TABLE fingerprint_keys (
  key       text COLLATE "C" NOT NULL,
  record_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (key, record_id)
);

CREATE TABLE duplicates (
  record_id   text COLLATE "C" NOT NULL,
  other_id    text COLLATE "C" NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('copy', 'version')),
  evidence    text NOT NULL,
  similarity  double precision NOT NULL,
  containment double precision NOT NULL,
  PRIMARY KEY (record_id, other_id)
);
CREATE INDEX duplicates_other ON duplicates (other_id);

CREATE TABLE fingerprint_backfill (
  upto bigint NOT NULL,
  done bigint NOT NULL
);
INSERT INTO fingerprint_backfill (upto, done) SELECT max(seq), 0 FROM articles HAVING count(*) > 0;
