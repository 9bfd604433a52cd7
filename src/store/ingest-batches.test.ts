// The batching and failure policy of ingest, on an in-memory SQLite store: batch sizes, a record
// the store refuses, and a store failure that stops the run with earlier batches kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InputResult } from '../analyze/analyze-sources.ts';
import { fromRecord, type AnalysisRecord } from '../model/record.ts';
import { InputError } from '../read/input-error.ts';
import { ingestResults } from './ingest-batches.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import { makeRecord } from './store.contract.ts';
import type { Store } from './store.ts';

const records = Array.from({ length: 7 }, (_, i) => makeRecord({ title: `Note ${i}`, paragraphs: [`Body of note ${i}.`], outlet: i % 2 ? 'Odd Times' : 'Even Post', date: `2026-10-0${1 + i}` }));
const result = (name: string, ...rs: AnalysisRecord[]): InputResult => ({ ref: { name, path: name }, docs: rs.map(fromRecord) });
const feed = result('feed.xml', records[1]!, records[2]!, records[3]!);

/** A store that counts its batches and can be made to fail on one of them. */
function spy(store: Store, failOn?: { batch: number; error: Error }) {
  const sizes: number[] = [];
  const wrapped: Store = Object.create(store) as Store;
  wrapped.putArticles = async (batch) => {
    sizes.push(batch.length);
    if (failOn && sizes.length === failOn.batch) throw failOn.error;
    return store.putArticles(batch);
  };
  return { wrapped, sizes };
}

test('records go to the store in batches; errors are reported per input and the rest is stored', async () => {
  const store = await openSqliteStore(':memory:');
  const { wrapped, sizes } = spy(store);
  const errors: string[] = [];
  const progress: number[] = [];
  const tally = await ingestResults(
    [
      result('a.txt', records[0]!),
      { ref: { name: 'bad.txt', path: 'bad.txt' }, error: new InputError('bad.txt', 'empty') },
      feed,
      // A bad item of an input whose other items were read: the same input, as analyzeSources yields it.
      { ref: feed.ref, error: new InputError('feed.xml', 'item 4: no text') },
      result('b.txt', records[4]!),
      result('c.txt', records[0]!),
    ],
    wrapped,
    { batchSize: 2, onError: (m) => errors.push(m), onInput: (t) => progress.push(t.inputs) },
  );
  assert.deepEqual(sizes, [2, 2, 2]);
  assert.deepEqual(errors, ['bad.txt: empty', 'feed.xml: item 4: no text']);
  // feed.xml's two results count as one input.
  assert.deepEqual(progress, [1, 2, 3, 4, 5]);
  assert.equal(tally.inputs, 5);
  assert.equal(tally.articles, 6);
  assert.equal(tally.new, 5);
  assert.equal(tally.unchanged, 1);
  assert.equal(tally.errors, 2);
  assert.deepEqual([...tally.outlets], [['Even Post', 4], ['Odd Times', 2]]);
  assert.equal(tally.firstPublished, '2026-10-01');
  assert.equal(tally.lastPublished, '2026-10-05');
  assert.equal((await store.stats()).articles, 5);
  await store.close();
});

test('a record the store refuses is reported against its input; its batch is stored without it', async () => {
  const store = await openSqliteStore(':memory:');
  const bad = { ...structuredClone(records[1]!), published: { date: 'yesterday', basis: 'metadata' as const, conflicts: [] } };
  const errors: string[] = [];
  const tally = await ingestResults([result('a.txt', records[0]!), result('odd.json', bad), result('c.txt', records[2]!)], store, {
    batchSize: 10,
    onError: (m) => errors.push(m),
  });
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /^odd\.json: cannot store article [0-9a-f]+: published\.date must be YYYY-MM-DD or null$/);
  assert.equal(tally.new, 2);
  assert.equal(tally.errors, 1);
  assert.ok(await store.getArticle(records[0]!.id));
  assert.ok(await store.getArticle(records[2]!.id));
  assert.equal(await store.getArticle(records[1]!.id), null);
  await store.close();
});

test('any other store failure stops the run; the batches before it stay stored and a re-run completes', async () => {
  const store = await openSqliteStore(':memory:');
  const { wrapped } = spy(store, { batch: 2, error: new Error('disk I/O error') });
  const inputs = records.map((r, i) => result(`n${i}.txt`, r));
  await assert.rejects(ingestResults(inputs, wrapped, { batchSize: 3, onError: () => assert.fail('no input error expected') }), /disk I\/O error/);
  assert.equal((await store.stats()).articles, 3);
  const tally = await ingestResults(inputs, store, { batchSize: 3, onError: () => assert.fail('no input error expected') });
  assert.deepEqual([tally.unchanged, tally.new], [3, 4]);
  assert.deepEqual(store.integrityProblems(), []);
  await store.close();
});
