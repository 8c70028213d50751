/**
 * elements.ts `toElementsInSlices`: a large graph built in slices that yield to the event loop gives the same
 * elements as `toElements` built in one task, and stops (null) when a newer build made it stale.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GraphData } from '../../../electron/shared/api.ts';
import { type GraphElements, toElements, toElementsInSlices } from './elements.ts';

/** `n` notes, each linking to the next 30 (some as prerequisites), and a few duplicate links. */
function bigGraph(n: number): GraphData {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}.md`,
    label: `n${i}`,
    kind: 'note' as const,
    tags: i % 5 ? [] : ['x'],
  }));
  const edges = [];
  for (let i = 0; i < n; i++)
    for (let k = 1; k <= 30; k++)
      edges.push({
        source: `n${i}.md`,
        target: `n${(i + k) % n}.md`,
        kind: k % 7 ? ('wiki' as const) : ('property' as const),
        relation: k % 7 ? null : 'prerequisites',
      });
  edges.push({ source: 'n0.md', target: 'n1.md', kind: 'wiki' as const, relation: null });
  return { nodes, edges };
}

const settings = { groups: [{ query: 'tag:x', color: '#f00' }], nodeSizeByLinks: true };

function canon(els: GraphElements) {
  return {
    nodes: [...els.nodes.values()].map((e) => JSON.stringify(e.data)),
    edges: [...els.edges.values()].map((e) => JSON.stringify(e.data)),
    degree: [...els.degree],
    incident: [...els.incident].map(([k, v]) => [k, [...v]]),
  };
}

const data = bigGraph(10_000);

test('built in slices: the same elements as built whole, with yields between slices', async () => {
  let checks = 0;
  const sliced = await toElementsInSlices(data, settings, () => {
    checks++;
    return false;
  });
  assert.ok(sliced);
  assert.ok(checks > 0, 'yielded at least once (300,000 edges take longer than one task budget)');
  assert.deepEqual(canon(sliced), canon(toElements(data, settings)));
});

test('a stale build stops at its first yield', async () => {
  assert.equal(await toElementsInSlices(data, settings, () => true), null);
});
