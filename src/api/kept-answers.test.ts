// Kept answers on a store whose change mark the test moves by hand: kept while the mark stays,
// made again once it moves, never kept when making failed, bounded in bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeptAnswers } from './kept-answers.ts';

/** A store that has only a change mark, moved by `write()`. */
function markedStore() {
  let mark = 0;
  return { changeMark: async () => String(mark), write: () => void mark++ };
}

/** A `make` that counts its calls and answers `body` (a string, or null). */
function counted(body: string | null) {
  const make = async () => {
    make.calls++;
    return body;
  };
  make.calls = 0;
  return make;
}

test('an answer is made once while the mark stays, and again once a write moves it', async () => {
  const store = markedStore();
  const kept = new KeptAnswers(store);
  const make = counted('{"a":"é"}');
  assert.deepEqual(await kept.answer('k', make), Buffer.from('{"a":"é"}', 'utf8'));
  assert.deepEqual(await kept.answer('k', make), Buffer.from('{"a":"é"}', 'utf8'));
  assert.equal(make.calls, 1);
  const other = counted(null);
  assert.equal(await kept.answer('other key', other), null);
  assert.equal(await kept.answer('other key', other), null);
  assert.equal(other.calls, 1, 'an absent answer is kept too');
  store.write();
  await kept.answer('k', make);
  assert.equal(make.calls, 2);
});

test('an answer begun before a write is not given after it', async () => {
  const store = markedStore();
  const kept = new KeptAnswers(store);
  let release!: () => void;
  const slow = new Promise<void>((resolve) => (release = resolve));
  const first = kept.answer('k', async () => {
    await slow;
    return 'before';
  });
  // The first answer is still being made when the write lands: the next request must not share it.
  await new Promise((resolve) => setImmediate(resolve));
  store.write();
  const second = kept.answer('k', async () => 'after');
  release();
  assert.equal((await first)?.toString(), 'before');
  assert.equal((await second)?.toString(), 'after');
  assert.equal((await kept.answer('k', async () => 'again'))?.toString(), 'after');
});

test('a failed answer is not kept; the bytes kept stay under the bound, the least recently used going first', async () => {
  const store = markedStore();
  const kept = new KeptAnswers(store, 100);
  await assert.rejects(
    kept.answer('k', async () => {
      throw new Error('store down');
    }),
    /store down/,
  );
  const make = counted('x'.repeat(40));
  await kept.answer('k', make);
  assert.equal(make.calls, 1, 'made again after the failure');
  const b = counted('y'.repeat(40));
  await kept.answer('b', b);
  await kept.answer('k', make);
  // 'c' does not fit beside both: 'b', used least recently, goes.
  await kept.answer('c', counted('z'.repeat(40)));
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(kept.stats.bytes <= 100, JSON.stringify(kept.stats));
  await kept.answer('k', make);
  assert.equal(make.calls, 1, "'k' is still kept");
  await kept.answer('b', b);
  assert.equal(b.calls, 2, "'b' was dropped");
});

test('an answer kept under its own mark is kept while that mark holds, whatever the store writes', async () => {
  const store = markedStore();
  const kept = new KeptAnswers(store);
  const make = counted('story page');
  assert.equal((await kept.answer('story', make, 'basis 1'))?.toString(), 'story page');
  store.write();
  assert.equal((await kept.answer('story', make, 'basis 1'))?.toString(), 'story page');
  assert.equal(make.calls, 1);
  await kept.answer('story', make, 'basis 2');
  assert.equal(make.calls, 2);
});
