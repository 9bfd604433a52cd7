-- The search vector kept in the articles row itself (STORAGE MAIN), not in the TOAST table. Why:
-- a ranked search reads the vector of every article that matches (8,715 of 10,000 for "Trump" in
-- bench/serve.bench.ts), and a vector of some 5 KB stored out of line costs a TOAST index lookup
-- and several chunk reads each: ranking them took 118 ms, against 32 ms read from the row. A row
-- keeps the vector compressed if it must, and moves it out of line only when the row would not
-- fit a page. The record and body, read for one article at a time, stay out of line.
-- Never edit this file once released.
ALTER TABLE articles ALTER COLUMN search SET STORAGE MAIN;
-- Vectors already stored move into their rows when they are written again: an update computes the
-- generated column anew.
UPDATE articles SET body = body;
