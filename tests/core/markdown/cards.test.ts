/** The flashcard syntax (electron/core/markdown/cards.ts): every form of the Obsidian Spaced Repetition plugin. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cardId,
  MAX_CARDS_PER_NOTE,
  noteHasCards,
  parseCards,
  stableHash,
} from '../../../electron/core/markdown/cards.ts';
import { parseNote } from '../../../electron/core/parse/index.ts';

const qa = (body: string, opts = {}) => parseCards('n.md', body, 0, opts).map((c) => [c.question, c.answer]);

test('single-line basic: Question::Answer, one card, list markers dropped', () => {
  assert.deepEqual(qa('What is a goroutine::a function running concurrently'), [
    ['What is a goroutine', 'a function running concurrently'],
  ]);
  assert.deepEqual(qa('- GOMAXPROCS default::the number of CPUs\n- chan zero value::nil'), [
    ['GOMAXPROCS default', 'the number of CPUs'],
    ['chan zero value', 'nil'],
  ]);
});

test('single-line reversed: Question:::Answer gives both directions', () => {
  const cards = parseCards('n.md', 'goroutine:::协程');
  assert.deepEqual(
    cards.map((c) => [c.question, c.answer, c.reversed, c.kind]),
    [
      ['goroutine', '协程', false, 'single'],
      ['协程', 'goroutine', true, 'single'],
    ],
  );
  assert.notEqual(cards[0].id, cards[1].id);
});

test('multi-line basic: the paragraph around a ? line; both sides touch the separator', () => {
  const body = 'intro paragraph\n\nWhat does the netpoller\nwrap on Linux?\n?\nepoll\nin edge-triggered mode\n\nafter';
  const cards = parseCards('n.md', body, 3);
  assert.equal(cards.length, 1);
  assert.equal(cards[0].question, 'What does the netpoller\nwrap on Linux?');
  assert.equal(cards[0].answer, 'epoll\nin edge-triggered mode');
  assert.equal(cards[0].kind, 'multi');
  // body lines 3..7 are file lines 6..10 with 3 frontmatter lines
  assert.deepEqual([cards[0].line, cards[0].endLine], [6, 10]);
});

test('multi-line reversed: ?? gives both directions', () => {
  assert.deepEqual(qa('通道\n??\nchannel'), [
    ['通道', 'channel'],
    ['channel', '通道'],
  ]);
});

test('cloze: each ==deletion== is one card, the others shown', () => {
  const cards = parseCards('n.md', 'A channel send blocks until ==a receiver== is ready on an ==unbuffered== channel.');
  assert.deepEqual(
    cards.map((c) => c.question),
    [
      'A channel send blocks until [...] is ready on an unbuffered channel.',
      'A channel send blocks until a receiver is ready on an [...] channel.',
    ],
  );
  assert.equal(cards[0].answer, 'A channel send blocks until ==a receiver== is ready on an unbuffered channel.');
  assert.equal(cards[0].kind, 'cloze');
});

test('cloze variants **bold** and {{curly}} only when enabled', () => {
  assert.deepEqual(qa('The **P** holds a run queue'), []);
  assert.deepEqual(qa('The **P** holds a run queue', { clozeBold: true }), [
    ['The [...] holds a run queue', 'The ==P== holds a run queue'],
  ]);
  assert.deepEqual(qa('The {{M}} is an OS thread', { clozeCurly: true }), [
    ['The [...] is an OS thread', 'The ==M== is an OS thread'],
  ]);
  assert.deepEqual(qa('plain ==hl== text', { clozeHighlight: false }), []);
});

test('Chinese cards: questions, answers and clozes', () => {
  assert.deepEqual(qa('什么是协程泄漏::协程永远阻塞，无法退出'), [['什么是协程泄漏', '协程永远阻塞，无法退出']]);
  assert.deepEqual(qa('Go 的调度器使用 ==GMP== 模型。'), [
    ['Go 的调度器使用 [...] 模型。', 'Go 的调度器使用 ==GMP== 模型。'],
  ]);
  assert.deepEqual(qa('互斥锁和读写锁的区别？\n?\n读写锁允许多个读者同时持有'), [
    ['互斥锁和读写锁的区别？', '读写锁允许多个读者同时持有'],
  ]);
});

test('cards in code blocks, inline code and comments are ignored', () => {
  const body = [
    '```go',
    'x::y',
    'a ==b== c',
    '?',
    '```',
    '',
    '~~~',
    'm::n',
    '~~~',
    '',
    '    indented::code',
    '',
    'use `std::vector` here',
    '',
    '%% hidden::card %%',
    '',
    '<!-- also::hidden -->',
    '',
    'real::card',
  ].join('\n');
  assert.deepEqual(qa(body), [['real', 'card']]);
});

test('a fenced code block may be part of a multi-line answer', () => {
  const body = 'How do you start a goroutine?\n?\n```go\ngo f()\n\n// x::y\n```';
  assert.deepEqual(qa(body), [['How do you start a goroutine?', '```go\ngo f()\n\n// x::y\n```']]);
});

test("the plugin's <!--SR:…--> scheduling comments are ignored and do not split a card", () => {
  const body =
    'Q1::A1 <!--SR:!2024-01-01,3,250-->\n\nQ2\n?\nA2\n<!--SR:!2024-01-02,1,230-->\n\nQ3::A3\n<!--SR:!2024-01-03,4,270-->';
  assert.deepEqual(qa(body), [
    ['Q1', 'A1'],
    ['Q2', 'A2'],
    ['Q3', 'A3'],
  ]);
});

test('relation fields whose value is only wiki links stay fields even in a card note', () => {
  assert.deepEqual(
    qa('prerequisites:: [[goroutine]], [[channel]]\nconcepts:: [[select]]\nWhat blocks::[[select]] with no ready case'),
    [['What blocks', '[[select]] with no ready case']],
  );
});

test('the card tag is removed from card text', () => {
  assert.deepEqual(qa('#flashcards/go\nWhat is GOGC\n?\nthe GC target percentage'), [
    ['What is GOGC', 'the GC target percentage'],
  ]);
});

test('ids: note + stable hash of the normalised question; duplicates within a note get a suffix', () => {
  assert.equal(stableHash('abc'), stableHash('abc'));
  assert.notEqual(stableHash('abc'), stableHash('abd'));
  assert.match(stableHash('协程'), /^[0-9a-z]{11}$/);
  const cards = parseCards('go/chan.md', 'Q::A\n\nQ::B\n\nQ  ::C');
  assert.equal(cards[0].id, cardId('go/chan.md', 'Q'));
  assert.ok(cards[0].id.startsWith('go/chan.md#'));
  assert.deepEqual(
    cards.map((c) => c.id.slice(cards[0].id.length)),
    ['', '-2', '-3'],
  );
  // editing the answer keeps the id (review history survives)
  assert.equal(parseCards('go/chan.md', 'Q::changed')[0].id, cards[0].id);
});

test('which notes have cards: #flashcards (nested, any case, frontmatter or inline) and type: quiz', () => {
  const tagged = (text: string) => {
    const n = parseNote('n.md', text);
    return noteHasCards(n.tags, n.properties);
  };
  assert.equal(tagged('---\ntags: [flashcards]\n---\nq::a'), true);
  assert.equal(tagged('#flashcards/go\nq::a'), true);
  assert.equal(tagged('#FlashCards\nq::a'), true);
  assert.equal(tagged('---\ntype: quiz\n---\nq::a'), true);
  assert.equal(tagged('prerequisites:: [[x]]'), false);
  assert.equal(tagged('#flashcardsx\nq::a'), false);
  const n = parseNote('n.md', '#srs\nq::a');
  assert.equal(noteHasCards(n.tags, n.properties, ['srs']), true);
});

test('bounded: a huge note gives at most MAX_CARDS_PER_NOTE cards, in linear time', () => {
  const body = Array.from({ length: 50_000 }, (_, i) => `q${i}::a${i}`).join('\n');
  const t0 = performance.now();
  const cards = parseCards('big.md', body);
  const ms = performance.now() - t0;
  assert.equal(cards.length, MAX_CARDS_PER_NOTE);
  assert.ok(ms < 5000, `took ${ms} ms`);
  // pathological inline code: many backticks and separators on one line stay fast
  const line = '`::` '.repeat(20_000) + '\n\n' + '`::` '.repeat(1500) + 'q::a';
  const t1 = performance.now();
  assert.deepEqual(
    parseCards('bt.md', line).map((c) => c.answer),
    ['a'],
  );
  assert.ok(performance.now() - t1 < 5000);
});
