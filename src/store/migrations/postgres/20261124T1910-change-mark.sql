-- The store's change counter (PostgresStore.changeMark): one row, counting the transactions that
-- changed what the store answers. Caches of the API and the web pages compare it before they
-- answer from what they kept, so reading it must be one cheap lookup and it must move exactly when
-- a write becomes visible. Never edit this file once released.
--   - It is counted by deferred triggers, which run as the writing transaction commits: the row is
--     locked for that last moment only, so writers (which take their advisory locks first) never
--     wait on it for long and never deadlock on it, and the count becomes visible together with
--     the rows it counts.
--   - Only tables that every kind of write touches carry the trigger: articles (storing a batch,
--     with its identities, quotes, figures and duplicate links), stories and story_articles
--     (linking stories), duplicates (the fingerprint backfill's links).
--   - Each transaction counts once: the row remembers the last transaction that counted.
-- A snapshot-based mark (pg_current_snapshot) needs no table, but moves with every write to any
-- database of the cluster: on a shared server the caches would never hold.

CREATE TABLE store_changes (
  n     bigint NOT NULL,
  xact  xid8
);
INSERT INTO store_changes (n) VALUES (0);

CREATE FUNCTION count_store_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_changes SET n = n + 1, xact = pg_current_xact_id() WHERE xact IS DISTINCT FROM pg_current_xact_id();
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER articles_change AFTER INSERT OR UPDATE OR DELETE ON articles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_store_change();
CREATE CONSTRAINT TRIGGER stories_change AFTER INSERT OR UPDATE OR DELETE ON stories
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_store_change();
CREATE CONSTRAINT TRIGGER story_articles_change AFTER INSERT OR UPDATE OR DELETE ON story_articles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_store_change();
CREATE CONSTRAINT TRIGGER duplicates_change AFTER INSERT OR UPDATE OR DELETE ON duplicates
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_store_change();
