/**
 * The graph view's element diff (renderer/src/graph/element-diff.ts): one saved note yields exactly its node's and
 * edges' changes, a removed node takes its edges along, unchanged graphs give an empty diff, and a 10,000-node diff
 * does a bounded amount of work per element (counted by the elements it returns, not by time).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GraphData } from '../../electron/shared/api.ts';
import { diffElements } from '../../renderer/src/graph/element-diff.ts';
import { toElements } from '../../renderer/src/graph/elements.ts';

const settings = { groups: [], nodeSizeByLinks: true };

function vault(n: number): GraphData {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}.md`,
    label: `n${i}`,
    kind: 'note' as const,
    tags: [],
  }));
  const edges = [];
  for (let i = 1; i < n; i++)
    edges.push({ source: `n${i}.md`, target: `n${(i * 7) % i}.md`, kind: 'wiki' as const, relation: null });
  return { nodes, edges };
}

test('the same graph again diffs to nothing', () => {
  const d = diffElements(toElements(vault(50), settings), toElements(vault(50), settings));
  assert.deepEqual(d, { remove: [], removedNodes: 0, removedEdges: 0, changed: [], addNodes: [], addEdges: [] });
});

test('a saved note with one new link to a new target: one node, one edge, and the sizes that changed', () => {
  const a = vault(200);
  const b = structuredClone(a);
  b.nodes.push({ id: 'unresolved:new', label: 'new', kind: 'unresolved', tags: [] } as GraphData['nodes'][number]);
  b.edges.push({ source: 'n3.md', target: 'unresolved:new', kind: 'wiki', relation: null });
  const d = diffElements(toElements(a, settings), toElements(b, settings));
  assert.deepEqual(
    d.addNodes.map((n) => n.data.id),
    ['unresolved:new'],
  );
  assert.deepEqual(
    d.addEdges.map((e) => [e.data.source, e.data.target]),
    [['n3.md', 'unresolved:new']],
  );
  // n3 gained a link: its size (by link count) may change, nothing else does.
  assert.ok(d.changed.every((c) => c.id === 'n3.md'));
  assert.equal(d.remove.length, 0);
});

test('a deleted note removes its node; its edges go with it and are counted', () => {
  const a = vault(30);
  const b = structuredClone(a);
  b.nodes = b.nodes.filter((n) => n.id !== 'n1.md');
  b.edges = b.edges.filter((e) => e.source !== 'n1.md' && e.target !== 'n1.md');
  const before = toElements(a, settings);
  const touching = [...before.edges.values()].filter(
    (e) => e.data.source === 'n1.md' || e.data.target === 'n1.md',
  ).length;
  const d = diffElements(before, toElements(b, settings));
  assert.deepEqual(d.remove, ['n1.md']);
  assert.equal(d.removedNodes, 1);
  assert.equal(d.removedEdges, touching);
});

test('a renamed label and a removed link between kept notes', () => {
  const a = vault(30);
  const b = structuredClone(a);
  b.nodes[5].label = 'renamed';
  const cut = b.edges.findIndex((e) => e.source === 'n9.md');
  const [gone] = b.edges.splice(cut, 1);
  const d = diffElements(toElements(a, settings), toElements(b, settings));
  assert.ok(d.changed.some((c) => c.id === 'n5.md' && c.data.label === 'renamed'));
  assert.equal(d.remove.length, 1);
  assert.match(d.remove[0], new RegExp(`^${gone.source}\u0000`));
  assert.equal(d.removedNodes, 0);
  assert.equal(d.removedEdges, 1);
});

test('on 10,000 notes one changed note changes at most its node and its neighbours', () => {
  const a = vault(10_000);
  const b = structuredClone(a);
  b.edges.push({ source: 'n42.md', target: 'n9999.md', kind: 'wiki', relation: null });
  const d = diffElements(toElements(a, settings), toElements(b, settings));
  assert.equal(d.addEdges.length, 1);
  assert.equal(d.addNodes.length, 0);
  assert.ok(d.changed.length <= 2, `${d.changed.length} nodes changed`);
});
