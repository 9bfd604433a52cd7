// Independent sources: duplicates count once, links through articles outside the set still join.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { independentSources } from './independent-sources.ts';

test('no links: every article is a source', () => {
  assert.deepEqual(independentSources(['a', 'b', 'c'], []), { count: 3, groups: [['a'], ['b'], ['c']] });
});

test('a copy and a version of one story count once', () => {
  const got = independentSources(['wire', 'copy', 'other', 'update'], [
    { a: 'copy', b: 'wire' },
    { a: 'update', b: 'copy' },
  ]);
  assert.equal(got.count, 2);
  assert.deepEqual(got.groups, [['wire', 'copy', 'update'], ['other']]);
});

test('two copies of an article outside the set are one source', () => {
  assert.equal(independentSources(['x', 'y'], [{ a: 'x', b: 'outside' }, { a: 'y', b: 'outside' }]).count, 1);
});

test('an empty set has no sources; repeated ids count once', () => {
  assert.equal(independentSources([], [{ a: 'x', b: 'y' }]).count, 0);
  assert.equal(independentSources(['a', 'a'], []).count, 1);
});
