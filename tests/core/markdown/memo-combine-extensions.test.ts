/**
 * The parse worker bundle's `combineExtensions` (electron/core/markdown/memo-combine-extensions.ts, issue 13): the
 * same result as micromark-util-combine-extensions, computed once per list of the same extension objects.
 * (tests/core/index/worker-bundle.test.ts checks that the bundle, which uses it, parses as the source does.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { highlightMark } from 'micromark-extension-highlight-mark';
import { combineExtensions as memo } from '../../../electron/core/markdown/memo-combine-extensions.ts';

test('memoised combineExtensions: equal to the package, one object per list of the same extensions', () => {
  const a = highlightMark();
  // a second syntax extension of the same shape: one construct on `$` in text, one after the others on `!` in flow
  const tokenize = () => () => undefined;
  const b = {
    text: { 36: { name: 'dollar', tokenize } },
    flow: { 33: [{ name: 'bang', add: 'after' as const, tokenize }] },
  };
  const first = memo([a, b]);
  assert.deepEqual(first, combineExtensions([a, b]));
  assert.equal(memo([a, b]), first, 'the same objects again: the remembered result');
  assert.notEqual(memo([b, a]), first, 'another order is another list');
  assert.deepEqual(memo([b, a]), combineExtensions([b, a]));
  assert.notEqual(memo([a]), first, 'a prefix is another list');
  assert.deepEqual(memo([a]), combineExtensions([a]));
  assert.notEqual(memo([highlightMark(), b]), first, 'an equal but other object is another list');
});
