// The in-memory fingerprint index: keyed lookups, each fingerprint once, refiling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fingerprint } from './fingerprint.ts';
import { MemoryFingerprintIndex } from './fingerprint-index.ts';

const fp = (id: string): Fingerprint => ({ id, url: null, textHash: id, shingles: new Uint32Array(0) });

test('a lookup returns each fingerprint filed under any key once, in filing order', () => {
  const index = new MemoryFingerprintIndex();
  index.add(fp('b'), ['k1', 'k2']);
  index.add(fp('a'), ['k2', 'k3']);
  index.add(fp('c'), ['k4']);
  assert.deepEqual(
    index.lookup(['k3', 'k2', 'k1']).map((f) => f.id),
    ['b', 'a'],
  );
  assert.deepEqual(index.lookup(['none']), []);
  assert.deepEqual(index.lookup([]), []);
  assert.equal(index.size, 3);
  assert.equal(index.keyCount, 4);
});

test('filing an id again replaces its fingerprint and adds keys', () => {
  const index = new MemoryFingerprintIndex();
  index.add(fp('a'), ['k1']);
  index.add({ ...fp('a'), textHash: 'new' }, ['k1', 'k2']);
  assert.equal(index.size, 1);
  assert.deepEqual(
    index.lookup(['k1', 'k2']).map((f) => f.textHash),
    ['new'],
  );
});
