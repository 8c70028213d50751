import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkMentionInLine } from './mention-link.ts';
import { pathFromInput, titleOf } from './paths.ts';

test('links the first plain mention, keeping the text as written', () => {
  assert.equal(linkMentionInLine('A goroutine blocks.', 'goroutine', []), 'A [[goroutine]] blocks.');
  assert.equal(linkMentionInLine('Goroutines and a Goroutine.', 'goroutine', []), 'Goroutines and a [[goroutine|Goroutine]].');
  assert.equal(linkMentionInLine('调度器唤醒等待的协程。', 'goroutine', ['协程']), '调度器唤醒等待的[[goroutine|协程]]。');
});

test('skips mentions inside links and code, and word-internal Latin matches', () => {
  assert.equal(linkMentionInLine('Go 调度器把 [[协程]] 分配，`协程` 不算', 'goroutine', ['协程']), null);
  assert.equal(linkMentionInLine('[[协程]] 与协程', 'goroutine', ['协程']), '[[协程]] 与[[goroutine|协程]]');
  assert.equal(linkMentionInLine('Google is not Go', 'Go', []), 'Google is not [[Go]]');
  assert.equal(linkMentionInLine('Go modules and Go', 'Go', ['Go modules']), '[[Go|Go modules]] and Go');
});

test('path helpers', () => {
  assert.equal(titleOf('a/b/GMP model.md'), 'GMP model');
  assert.equal(titleOf('img/x.png'), 'x.png');
  assert.equal(pathFromInput('新笔记', 'notes', '.md'), 'notes/新笔记.md');
  assert.equal(pathFromInput('../x', 'notes', '.md'), '../x.md');
  assert.equal(pathFromInput('a/b.md', 'notes', '.md'), 'a/b.md');
});
