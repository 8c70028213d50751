/**
 * cy-diff.ts: the diff from what a (headless) Cytoscape instance holds to the wanted elements: everything for an
 * empty instance, else only what is missing, gone or changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import cytoscape from 'cytoscape';
import type { GraphData } from '../../../electron/shared/api.ts';
import { diffAgainstCy } from './cy-diff.ts';
import { toElements } from './elements.ts';

const note = (id: string) => ({ id, label: id, kind: 'note' as const, tags: [] });
const data: GraphData = {
  nodes: [note('a.md'), note('b.md'), note('c.md')],
  edges: [
    { source: 'a.md', target: 'b.md', kind: 'wiki', relation: null },
    { source: 'b.md', target: 'c.md', kind: 'wiki', relation: null },
  ],
};
const settings = { groups: [], nodeSizeByLinks: true };

test('an empty instance: every node and edge is added', () => {
  const els = toElements(data, settings);
  const d = diffAgainstCy(cytoscape({ headless: true }), els);
  assert.deepEqual(
    { remove: d.remove, changed: d.changed, nodes: d.addNodes.length, edges: d.addEdges.length },
    { remove: [], changed: [], nodes: 3, edges: 2 },
  );
});

test('a partly applied instance: the missing added, the gone removed, the changed updated', () => {
  const els = toElements(data, settings);
  const cy = cytoscape({ headless: true });
  const [a, b] = [els.nodes.get('a.md')!, els.nodes.get('b.md')!];
  cy.add([a, { ...b, data: { ...b.data, label: 'old' } }, { group: 'nodes', data: { id: 'gone.md' } }]);
  cy.add([...els.edges.values()][0]);
  const d = diffAgainstCy(cy, els);
  assert.deepEqual(d.remove, ['gone.md']);
  assert.deepEqual(
    d.addNodes.map((n) => n.data.id),
    ['c.md'],
  );
  assert.deepEqual(
    d.addEdges.map((e) => e.data.target),
    ['c.md'],
  );
  assert.deepEqual(
    d.changed.map((c) => c.id),
    ['b.md'],
  );
});
