import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withKeys } from './react-keys.ts';

test('keys come from content; repeats get #2, #3; an item keeps its key when a different one is removed', () => {
  const items = ['a', 'b', 'a', 'c', 'a'];
  assert.deepEqual(
    withKeys(items, (x) => x).map((k) => k.key),
    ['a', 'b', 'a#2', 'c', 'a#3'],
  );
  const after = withKeys(['a', 'a', 'c', 'a'], (x) => x).map((k) => k.key);
  assert.deepEqual(after, ['a', 'a#2', 'c', 'a#3']);
  assert.equal(new Set(withKeys(items, () => 'same').map((k) => k.key)).size, items.length);
});
