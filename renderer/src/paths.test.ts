import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathFromInput, titleOf } from './paths.ts';

test('path helpers', () => {
  assert.equal(titleOf('a/b/GMP model.md'), 'GMP model');
  assert.equal(titleOf('img/x.png'), 'x.png');
  assert.equal(pathFromInput('新笔记', 'notes', '.md'), 'notes/新笔记.md');
  assert.equal(pathFromInput('../x', 'notes', '.md'), '../x.md');
  assert.equal(pathFromInput('a/b.md', 'notes', '.md'), 'a/b.md');
});
