import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computePlan } from '../../../electron/core/learning/plan.ts';
import { graph, id, known, titles } from './build.ts';

test('diamond: shared prerequisite appears once, before both branches, target last', () => {
  const g = graph([
    { title: 'base' },
    { title: 'left', pre: ['base'] },
    { title: 'right', pre: ['base'] },
    { title: 'top', pre: ['left', 'right'] },
    { title: 'unrelated', pre: ['base'] },
  ]);
  const r = computePlan(g, id(g, 'top'), known(g));
  assert.deepEqual(titles(g, r.order), ['base', 'left', 'right', 'top']);
  assert.deepEqual(titles(g, r.neededBy[0]), ['left', 'right']); // not `unrelated`: outside the plan
  assert.deepEqual(titles(g, r.neededBy[1]), ['top']);
  assert.deepEqual(r.neededBy[3], []);
  assert.deepEqual(r.cycles, []);
});

test('a 5,000-deep chain is planned without recursion overflow', () => {
  const specs = Array.from({ length: 5000 }, (_, i) => ({ title: `c${i}`, pre: i > 0 ? [`c${i - 1}`] : [] }));
  const g = graph(specs);
  const r = computePlan(g, id(g, 'c4999'), known(g));
  assert.equal(r.order.length, 5000);
  assert.equal(g.nodes[r.order[0]].title, 'c0');
  assert.equal(g.nodes[r.order[4999]].title, 'c4999');
  for (let i = 0; i < 5000; i++) assert.equal(g.nodes[r.order[i]].title, `c${i}`);
});

test('a 5,000-member cycle is found and still planned', () => {
  const specs = Array.from({ length: 5000 }, (_, i) => ({
    title: `r${String(i).padStart(4, '0')}`,
    pre: [`r${String((i + 1) % 5000).padStart(4, '0')}`],
  }));
  const g = graph(specs);
  const r = computePlan(g, id(g, 'r0000'), known(g));
  assert.equal(r.order.length, 5000);
  assert.equal(r.cycles.length, 1);
  assert.equal(r.cycles[0].length, 5000);
  assert.equal(g.nodes[r.order[4999]].title, 'r0000');
});

test('cycles are reported with their members and broken by level, then title', () => {
  const g = graph([
    { title: 'base', level: 1 },
    { title: 'alpha', pre: ['beta', 'base'], level: 2 },
    { title: 'beta', pre: ['gamma'], level: 1 },
    { title: 'gamma', pre: ['alpha'], level: 2 },
    { title: 'goal', pre: ['alpha'] },
    { title: 'selfish', pre: ['selfish', 'goal'] },
  ]);
  const r = computePlan(g, id(g, 'selfish'), known(g));
  // Cycle alpha→beta→gamma→alpha: ordered beta (level 1), alpha, gamma (level 2, by title); back edges ignored.
  assert.deepEqual(titles(g, r.order), ['base', 'beta', 'alpha', 'gamma', 'goal', 'selfish']);
  assert.deepEqual(r.cycles.map((c) => titles(g, c)).sort(), [['beta', 'alpha', 'gamma'], ['selfish']]);
});

test('target inside a cycle is still the last step', () => {
  const g = graph([
    { title: 'a', pre: ['z'] },
    { title: 'z', pre: ['a'] },
  ]);
  const r = computePlan(g, id(g, 'a'), known(g));
  assert.deepEqual(titles(g, r.order), ['z', 'a']);
  assert.deepEqual(
    r.cycles.map((c) => titles(g, c)),
    [['z', 'a']],
  );
});

test('a learned note prunes what is reachable only through it, not what another unlearned step needs', () => {
  const g = graph([
    { title: 'deep' },
    { title: 'shared' },
    { title: 'known', pre: ['deep', 'shared'] },
    { title: 'other', pre: ['shared'] },
    { title: 'target', pre: ['known', 'other'] },
  ]);
  const r = computePlan(g, id(g, 'target'), known(g, 'known'));
  assert.deepEqual(titles(g, r.order), ['shared', 'other', 'target']);
  const all = computePlan(g, id(g, 'target'), known(g));
  assert.deepEqual(titles(g, all.order), ['deep', 'shared', 'known', 'other', 'target']);
});

test('the target is kept even when learned', () => {
  const g = graph([{ title: 'p' }, { title: 't', pre: ['p'] }]);
  const r = computePlan(g, id(g, 't'), known(g, 't'));
  assert.deepEqual(titles(g, r.order), ['p', 't']);
});

test('ties are broken by level, then title (numeric-aware), levels before none', () => {
  const g = graph([
    { title: 'zeta', level: '初级' },
    { title: 'beta', level: 'senior' },
    { title: 'alpha', level: 2 },
    { title: 'step 10', level: 3 },
    { title: 'step 9', level: '资深' },
    { title: 'aaa-nolevel' },
    { title: 'omega', level: '专家' },
    { title: 'goal', pre: ['aaa-nolevel', 'omega', 'step 10', 'step 9', 'alpha', 'beta', 'zeta'] },
  ]);
  const r = computePlan(g, id(g, 'goal'), known(g));
  assert.deepEqual(titles(g, r.order), ['zeta', 'alpha', 'beta', 'step 9', 'step 10', 'omega', 'aaa-nolevel', 'goal']);
});

test('a prerequisite never comes after its dependent even with a better tie-break', () => {
  const g = graph([
    { title: 'a', level: 4, pre: ['z'] },
    { title: 'z', level: 4 },
    { title: 'b', level: 1, pre: ['a'] },
    { title: 'g', pre: ['b'] },
  ]);
  const r = computePlan(g, id(g, 'g'), known(g));
  assert.deepEqual(titles(g, r.order), ['z', 'a', 'b', 'g']);
});

test('unresolved prerequisites are reported, not dropped silently', () => {
  const g = graph([
    { title: 'p', pre: ['ghost', 'phantom'] },
    { title: 't', pre: ['p', 'ghost'] },
    { title: 'elsewhere', pre: ['nowhere'] },
  ]);
  const r = computePlan(g, id(g, 't'), known(g));
  assert.deepEqual(titles(g, r.order), ['p', 't']);
  assert.deepEqual(r.unresolved, ['ghost', 'phantom']);
});

test('inline `prerequisites:: [[x]]` fields are prerequisites; other typed links are not', () => {
  const g = graph([
    { title: 'inline' },
    { title: 'rel' },
    { title: 't', inlinePre: ['inline'], typed: { related: ['rel'], 'part-of': ['rel'] }, links: ['rel'] },
  ]);
  const r = computePlan(g, id(g, 't'), known(g));
  assert.deepEqual(titles(g, r.order), ['inline', 't']);
  assert.equal(g.links.filter((l) => l.relation === 'related').length, 1, 'typed edges are kept in the graph');
});

test('a cycle that runs through a learned note is not a cycle of the plan', () => {
  const g = graph([
    { title: 'a', pre: ['b'] },
    { title: 'b', pre: ['c'] },
    { title: 'c', pre: ['a'] },
    { title: 'x', pre: ['y'] },
    { title: 'y', pre: ['x'] },
  ]);
  const r = computePlan(g, id(g, 'a'), known(g, 'b'));
  assert.deepEqual(titles(g, r.order), ['a']);
  assert.deepEqual(r.cycles, []);
  const all = computePlan(g, id(g, 'a'), known(g));
  assert.deepEqual(
    all.cycles.map((c) => titles(g, c)),
    [['b', 'c', 'a']],
  );
});
