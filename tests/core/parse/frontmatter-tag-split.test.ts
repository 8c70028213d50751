/** A tag holds no spaces (Obsidian): a frontmatter tag string or list item with spaces names several tags. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from './helpers.ts';

test('frontmatter tags split on whitespace as well as commas', () => {
  assert.deepEqual(parse('---\ntags: alpha beta, gamma\n---\n').tags, ['alpha', 'beta', 'gamma']);
  assert.deepEqual(parse('---\ntags: 并发 通道\n---\n').tags, ['并发', '通道']);
  assert.deepEqual(parse('---\ntags:\n  - go/并发 "#x"\n  - "#c/d"\n---\n').tags, ['go/并发', 'x', 'c/d']);
  assert.deepEqual(parse('---\ntag: solo\n---\n').tags, ['solo']);
});
