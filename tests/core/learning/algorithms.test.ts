import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findConnection } from '../../../electron/core/learning/connection.ts';
import { computeCuratedPaths } from '../../../electron/core/learning/curated.ts';
import { buildLearningGraph } from '../../../electron/core/learning/graph.ts';
import { computeNextUp } from '../../../electron/core/learning/next-up.ts';
import { estimateFromLength, parseEstimate, parseLevel } from '../../../electron/core/properties/readers.ts';
import { graph, id, rows, titles } from './build.ts';

test('levels: numbers, roadmap names and English names map to 1..4', () => {
  assert.deepEqual(['初级', '高级', '资深', '专家'].map(parseLevel), [1, 2, 3, 4]);
  assert.deepEqual(['junior', 'Senior', 'STAFF', 'expert', 3, '2', 5, 'novice', null].map(parseLevel), [
    1,
    2,
    3,
    4,
    3,
    2,
    null,
    null,
    null,
  ]);
});

test('estimates: minutes, "15 min", hours, Chinese units; derived from length when absent', () => {
  assert.deepEqual([15, '15 min', '20m', '1.5 h', '2 hours', '15分钟', '1小时', 'soon', -3, 0].map(parseEstimate), [
    15,
    15,
    20,
    90,
    120,
    15,
    60,
    null,
    null,
    null,
  ]);
  assert.equal(estimateFromLength(0, 0), 1);
  assert.equal(estimateFromLength(200, 0), 1);
  assert.equal(estimateFromLength(201, 0), 2);
  assert.equal(estimateFromLength(300, 600), 3);
  const g = graph([
    { title: 'a', estimate: '25 min' },
    { title: 'b', words: 1000, cjkChars: 800 },
  ]);
  assert.deepEqual([g.nodes[0].estimateMin, g.nodes[0].estimated], [25, false]);
  assert.deepEqual([g.nodes[1].estimateMin, g.nodes[1].estimated], [7, true]);
});

test('connection: shortest path over both directions, preferring prerequisite hops, each hop with its context', () => {
  const g = graph([
    { title: 'a', links: ['m1'] },
    { title: 'm1', links: ['b'] },
    { title: 'm2', pre: ['a'] },
    { title: 'b', pre: ['m2'] },
    { title: 'far', links: ['x1'] },
    { title: 'x1', links: ['x2'] },
    { title: 'x2', links: ['b'] },
    { title: 'island' },
  ]);
  const hops = findConnection(g, id(g, 'a'), id(g, 'b'))!;
  // a–m1–b (2 wiki hops) and a–m2–b (2 prerequisite hops, both travelled against the link) tie on length.
  assert.deepEqual(
    hops.map((h) => [g.nodes[h.from].title, g.nodes[h.to].title]),
    [
      ['a', 'm2'],
      ['m2', 'b'],
    ],
  );
  assert.equal(g.links[hops[0].link].relation, 'prerequisites');
  assert.equal(g.links[hops[0].link].context, '- "[[a]]"');
  const far = findConnection(g, id(g, 'far'), id(g, 'a'))!;
  assert.deepEqual(titles(g, [far[0].from, ...far.map((h) => h.to)]), ['far', 'x1', 'x2', 'b', 'm2', 'a']);
  assert.equal(findConnection(g, id(g, 'a'), id(g, 'island')), null);
  assert.deepEqual(findConnection(g, id(g, 'a'), id(g, 'a')), []);
});

test('connection: fewer hops beats prerequisite preference', () => {
  const g = graph([
    { title: 'a', links: ['b'] },
    { title: 'p1', pre: ['a'] },
    { title: 'p2', pre: ['p1'] },
    { title: 'b', pre: ['p2'] },
  ]);
  const hops = findConnection(g, id(g, 'a'), id(g, 'b'))!;
  assert.equal(hops.length, 1);
  assert.equal(g.links[hops[0].link].kind, 'wiki');
});

test('next up: ready notes ranked by what they directly unblock, then level, then title', () => {
  const g = graph([
    { title: 'go', level: 1 },
    { title: 'threads', level: 1 },
    { title: 'lonely', level: 1 },
    { title: 'later', level: 2 },
    { title: 'goroutine', pre: ['go', 'threads'] },
    { title: 'toolchain', pre: ['go'] },
    { title: 'modules', pre: ['go'] },
    { title: 'channel', pre: ['goroutine'] },
    { title: 'course', type: 'path', pre: ['lonely'] },
  ]);
  const none = new Uint8Array(g.nodes.length);
  const r = computeNextUp(g, none, 10).map((x) => [g.nodes[x.id].title, x.unlocks]);
  // go unblocks toolchain + modules (goroutine still needs threads); the path note is not a concept; `later` is
  // outside the prerequisite graph (nothing lists it, it lists nothing), so it is not a step of any learning order.
  assert.deepEqual(r, [
    ['go', 2],
    ['lonely', 0],
    ['threads', 0],
  ]);
  const learned = new Uint8Array(g.nodes.length);
  learned[id(g, 'go')] = 1;
  const r2 = computeNextUp(g, learned, 2).map((x) => [g.nodes[x.id].title, x.unlocks]);
  assert.deepEqual(r2, [
    ['threads', 1],
    ['lonely', 0],
  ]);
});

test('curated paths: body links in line order, de-duplicated, without property links', () => {
  const g = graph([
    { title: 'one' },
    { title: 'two' },
    { title: 'three' },
    { title: 'Go path', type: 'path', typed: { related: ['three'] }, links: ['two', 'one', 'two', 'missing', 'three'] },
    { title: 'not a path', links: ['one'] },
  ]);
  const r = computeCuratedPaths(g);
  assert.equal(r.length, 1);
  assert.equal(g.nodes[r[0].id].title, 'Go path');
  assert.deepEqual(
    r[0].steps.map((s) => [s.title, s.id >= 0]),
    [
      ['two', true],
      ['one', true],
      ['missing', false],
      ['three', true],
    ],
  );
});

test('curated paths skip attachments and sort links of one note by line', () => {
  const { notes, links } = rows([{ title: 'p', type: 'path' }, { title: 'a' }, { title: 'b' }]);
  const base = {
    source: 'p.md',
    heading: null,
    block: null,
    alias: null,
    relation: null,
    resolvedBy: 'shortest' as const,
    context: '',
  };
  links.push(
    { ...base, raw: '[[b]]', kind: 'wiki', target: 'b.md', targetText: 'b', line: 9 },
    { ...base, raw: '![[pic.png]]', kind: 'embed', target: 'pic.png', targetText: 'pic.png', line: 3 },
    { ...base, raw: '[[a]]', kind: 'wiki', target: 'a.md', targetText: 'a', line: 4 },
    { ...base, raw: '[[#Intro]]', kind: 'wiki', target: 'p.md', targetText: '', line: 5 },
  );
  const g = buildLearningGraph(notes, links);
  assert.deepEqual(
    computeCuratedPaths(g)[0].steps.map((s) => s.raw),
    ['[[a]]', '[[b]]'],
  );
});
