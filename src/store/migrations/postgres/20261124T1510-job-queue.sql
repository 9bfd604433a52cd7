-- The ingest job queue: inputs waiting to be analysed and stored by `dossier worker` processes,
-- which may run on several machines against this one database. A worker claims a job with
-- SELECT … FOR UPDATE SKIP LOCKED (so two workers never take the same job), marks it running
-- under its name, and stores the job's articles and marks it done in one transaction, only if
-- it still holds the job (see ../../postgres/postgres-job-queue.ts). A running job whose worker
-- stopped answering (locked_at older than the workers' stale-lock timeout) is claimed again.
-- Never edit this file once released.

CREATE TABLE jobs (
  id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- queue order
  name        text    NOT NULL,          -- the input as named on the command line (a path, a URL, "stdin")
  url         text,                      -- an http(s) URL the worker fetches; else null
  path        text,                      -- the file to read when `content` is null; decides the kind by extension
  content     bytea,                     -- the input's bytes, read when it was queued; null: fetch `url` or read `path`
  options     text    NOT NULL,          -- JSON: how to analyse it ({plain, date, maxBytes, allowPrivate})
  state       text    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts    integer NOT NULL DEFAULT 0,  -- times a worker claimed it
  locked_by   text,                      -- the worker that claimed it last
  locked_at   timestamptz,               -- when it was claimed (running) or finished (done, failed)
  error       text,                      -- why it failed, or the errors of its bad records, one per line
  articles    integer,                   -- records it stored (new, unchanged or new versions), once done
  queued_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(url, path, content) >= 1)
);

-- What workers look through: jobs not finished, in queue order.
CREATE INDEX jobs_open ON jobs (id) WHERE state IN ('queued', 'running');
