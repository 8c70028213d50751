/** A whole Chinese note (tests/fixtures/parse/runtime/GMP 模型.md) through the parser, LF and CRLF. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeNote, parseNote } from '../../../electron/core/parse/index.ts';
import { lineOf } from './helpers.ts';

const file = new URL('../../fixtures/parse/runtime/GMP 模型.md', import.meta.url);
const text = readFileSync(file, 'utf8');

test('GMP 模型.md: every fact', () => {
  const n = parseNote('runtime/GMP 模型.md', text);
  assert.equal(n.title, 'GMP 模型');
  assert.deepEqual(n.aliases, ['GMP', '调度器']);
  assert.deepEqual(n.tags, ['go/runtime', '并发', '调度', 'go/并发']);
  assert.deepEqual(n.properties, {
    level: '高级',
    prerequisites: ['[[goroutine]]', '[[进程与线程|线程]]'],
    created: '2024-03-01',
  });
  assert.deepEqual(n.headings, [
    { level: 1, text: 'GMP 模型 #调度', line: 10 },
    { level: 2, text: '调度循环', line: 14 },
  ]);
  assert.deepEqual(n.blocks, [{ id: 'gmp-intro', line: 12 }]);
  assert.equal(n.frontmatterLines, 9);
  assert.deepEqual(n.problems, []);
  assert.deepEqual(
    n.links.map((l) => [l.kind, l.raw, l.target, l.heading, l.block, l.alias, l.line, l.relation]),
    [
      ['property', '[[goroutine]]', 'goroutine', null, null, null, 7, 'prerequisites'],
      ['property', '[[进程与线程|线程]]', '进程与线程', null, null, '线程', 7, 'prerequisites'],
      ['wiki', '[[goroutine]]', 'goroutine', null, null, null, 12, null],
      ['wiki', '[[通道]]', '通道', null, null, null, 12, null],
      ['wiki', '[[GMP 模型#调度循环|调度循环]]', 'GMP 模型', '调度循环', null, '调度循环', 16, null],
      ['wiki', '[[work stealing|偷取]]', 'work stealing', null, null, '偷取', 16, null],
      ['embed', '![[调度图.png]]', '调度图.png', null, null, null, 17, null],
      ['embed', '![[sysmon#^sysmon-loop]]', 'sysmon', null, 'sysmon-loop', null, 17, null],
      ['wiki', '[[内存分配]]', '内存分配', null, null, null, 19, '前置'],
      ['wiki', '[[系统调用]]', '系统调用', null, null, null, 19, '前置'],
      ['wiki', '[[goroutine\\|协程]]', 'goroutine', null, null, '协程', 35, null],
      [
        'markdown',
        '[netpoller](../network/net%20poller.md#epoll)',
        '../network/net poller.md',
        'epoll',
        null,
        'netpoller',
        38,
        null,
      ],
    ],
  );
  assert.equal(n.links[2].context, 'Go 的调度器由 G、M、P 三者组成，参见 [[goroutine]] 与 [[通道]]。 ^gmp-intro');
  // mentionText: prose stays on its line, links/code/comments are gone
  assert.equal(n.mentionText.split('\n').length, text.split('\n').length);
  assert.match(lineOf(n.mentionText, 12), /^Go 的调度器由 G、M、P 三者组成，参见 +与 +。 \^gmp-intro$/);
  assert.equal(lineOf(n.mentionText, 22).trim(), '');
  assert.ok(
    !n.mentionText.includes('草稿') && !n.mentionText.includes('old note') && !n.mentionText.includes('go.dev'),
  );
  assert.ok(n.cjkChars > 100 && n.words > 20);
});

test('GMP 模型.md: CRLF and a BOM give the same facts', () => {
  const lf = parseNote('runtime/GMP 模型.md', text);
  const bytes = new TextEncoder().encode('\uFEFF' + text.replace(/\n/g, '\r\n'));
  const d = decodeNote(bytes);
  assert.deepEqual(d.problems, []);
  const crlf = parseNote('runtime/GMP 模型.md', d.text!);
  assert.deepEqual(crlf, lf);
});
