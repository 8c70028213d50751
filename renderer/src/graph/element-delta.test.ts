/**
 * element-delta.ts: the elements after a delta equal the elements built whole from the new graph data, and the diff
 * it hands Cytoscape touches only the changed note, its links and the neighbours whose size moved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GraphData, GraphDelta, GraphNode } from '../../../electron/shared/api.ts';
import { elementDiffOf, elementsAfter, isSpent } from './element-delta.ts';
import { diffElements } from './element-diff.ts';
import { type GraphElements, toElements } from './elements.ts';
import { applyGraphDelta, derivationOf } from './graph-delta.ts';

const note = (id: string, tags: string[] = []): GraphNode => ({
  id,
  label: id.replace(/\.md$/, ''),
  kind: 'note',
  tags,
});
const link = (
  source: string,
  target: string,
  kind: 'wiki' | 'embed' | 'property' = 'wiki',
  relation: string | null = null,
) => ({
  source,
  target,
  kind,
  relation,
});

const base: GraphData = {
  nodes: [
    note('a.md', ['x']),
    note('b.md'),
    note('c.md'),
    note('d.md'),
    { id: 'unresolved:ghost', label: 'ghost', kind: 'unresolved', tags: [] },
  ],
  edges: [
    link('a.md', 'b.md'),
    link('b.md', 'c.md', 'property', 'prerequisites'),
    link('b.md', 'a.md'),
    link('c.md', 'unresolved:ghost'),
    link('d.md', 'a.md'),
  ],
};
const settings = { groups: [{ query: 'tag:x', color: '#f00' }], nodeSizeByLinks: true };

function canon(els: GraphElements) {
  return {
    nodes: [...els.nodes.values()].map((n) => JSON.stringify(n.data)).sort(),
    edges: [...els.edges.values()].map((e) => JSON.stringify(e.data)).sort(),
    degree: [...els.degree].filter(([, d]) => d > 0).sort(),
    byId: [...els.byId.keys()].sort(),
  };
}

function step(prev: GraphElements, data: GraphData, delta: GraphDelta) {
  const next = applyGraphDelta(data, delta);
  // prev is changed in place: the full diff is taken from elements built whole from the same data
  const whole = diffElements(toElements(data, settings), toElements(next, settings));
  const els = elementsAfter(prev, derivationOf(next)!, settings);
  assert.ok(isSpent(prev) && !isSpent(els));
  assert.deepEqual(canon(els), canon(toElements(next, settings)), 'same elements as built whole');
  const d = elementDiffOf(els)!;
  assert.equal(d.base, prev);
  assert.deepEqual([...d.diff.remove].sort(), [...whole.remove].sort(), 'removes what the full diff removes');
  assert.deepEqual(d.diff.addEdges.map((e) => e.data.id).sort(), whole.addEdges.map((e) => e.data.id).sort());
  assert.deepEqual(d.diff.changed.map((c) => c.id).sort(), whole.changed.map((c) => c.id).sort());
  assert.equal(d.diff.removedEdges, whole.removedEdges);
  return { next, els, diff: d.diff };
}

test('a new link: one edge added, the two ends resized, nothing else touched', () => {
  const prev = toElements(base, settings);
  const { diff } = step(prev, base, {
    nodes: [note('d.md')],
    removed: [],
    sources: ['d.md'],
    edges: [link('d.md', 'a.md'), link('d.md', 'c.md')],
  });
  assert.deepEqual(
    diff.addEdges.map((e) => `${e.data.source}>${e.data.target}`),
    ['d.md>c.md'],
  );
  assert.deepEqual(diff.remove, []);
  assert.deepEqual(diff.addNodes, []);
  assert.deepEqual(diff.changed.map((c) => c.id).sort(), ['c.md', 'd.md'], 'only the ends whose degree moved');
});

test('a removed link, a new unresolved target, a dropped tag (group), a prerequisite reversed', () => {
  const prev = toElements(base, settings);
  const { next, els } = step(prev, base, {
    nodes: [note('a.md'), { id: 'unresolved:new', label: 'New', kind: 'unresolved', tags: [] }],
    removed: [],
    sources: ['a.md'],
    edges: [link('a.md', 'unresolved:new'), link('a.md', 'c.md', 'property', 'prerequisites')],
  });
  assert.ok(els.edges.has('c.md\u0000a.md\u0000prereq'));
  assert.ok(next.nodes.some((n) => n.id === 'unresolved:new'));
  // then c's unresolved target goes with c
  step(els, next, { nodes: [], removed: ['c.md'], sources: [], edges: [] });
});

test('a deleted note: its node and every edge to it go; links to it become unresolved', () => {
  const prev = toElements(base, settings);
  const { diff } = step(prev, base, {
    nodes: [note('b.md'), note('d.md'), { id: 'unresolved:a', label: 'a', kind: 'unresolved', tags: [] }],
    removed: ['a.md'],
    sources: ['b.md', 'd.md'],
    edges: [
      link('b.md', 'c.md', 'property', 'prerequisites'),
      link('b.md', 'unresolved:a'),
      link('d.md', 'unresolved:a'),
    ],
  });
  assert.ok(diff.remove.includes('a.md'));
  assert.equal(diff.removedNodes, 1);
  assert.deepEqual(
    diff.addNodes.map((n) => n.data.id),
    ['unresolved:a'],
  );
});

test('deltas in a row: each result equals the elements built whole; a spent base is refused', () => {
  let data = base;
  let els = toElements(base, settings);
  const first = els;
  const deltas: GraphDelta[] = [
    { nodes: [note('e.md')], removed: [], sources: ['e.md'], edges: [link('e.md', 'a.md'), link('e.md', 'd.md')] },
    { nodes: [note('a.md')], removed: [], sources: ['a.md'], edges: [] },
    { nodes: [note('b.md', ['x'])], removed: [], sources: ['b.md'], edges: [link('b.md', 'e.md', 'embed')] },
    {
      nodes: [note('e.md'), { id: 'unresolved:d', label: 'd', kind: 'unresolved', tags: [] }],
      removed: ['d.md'],
      sources: ['e.md'],
      edges: [link('e.md', 'unresolved:d')],
    },
    {
      nodes: [note('a.md')],
      removed: [],
      sources: ['a.md'],
      edges: [link('a.md', 'unresolved:d'), link('a.md', 'b.md', 'property', 'prerequisites')],
    },
  ];
  for (const d of deltas) {
    const out = step(els, data, d);
    data = out.next;
    els = out.els;
  }
  assert.throws(() => elementsAfter(first, derivationOf(data)!, settings), /already moved on/);
});
