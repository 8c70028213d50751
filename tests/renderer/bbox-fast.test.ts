/**
 * bbox-fast.ts: the allocation-free cached path of `boundingBox()` computes Cytoscape's own position key, returns the
 * boxes Cytoscape returns, and after a move or a restyle falls through to Cytoscape's (a fresh box).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cytoscape from 'cytoscape';
import { installFastBoundingBox, positionKey } from '../../renderer/src/graph/bbox-fast.ts';

type Priv = Parameters<typeof positionKey>[0];
const priv = (e: cytoscape.SingularElementArgument) => (e as unknown as { _private: Priv })._private;
const plain = (b: cytoscape.BoundingBox12 & cytoscape.BoundingBoxWH) => ({ ...b });

function graph(): cytoscape.Core {
  const elements: cytoscape.ElementDefinition[] = [];
  for (let i = 0; i < 30; i++)
    elements.push({
      data: { id: `n${i}` },
      position: { x: ((i * 37.3) % 400) - 200.6, y: ((i * 91.7) % 300) - 150.2 },
    });
  for (let i = 0; i < 50; i++)
    elements.push({ data: { id: `e${i}`, source: `n${i % 30}`, target: `n${(i * 7 + 3) % 30}` } });
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [
      { selector: 'node', style: { width: 12, height: 12, 'border-width': 2 } },
      { selector: 'node.big', style: { width: 40, height: 40 } },
      { selector: 'edge', style: { width: 2, 'curve-style': 'straight', 'target-arrow-shape': 'triangle' } },
    ],
  });
}

test('fast bounding boxes: Cytoscape’s key and boxes; a move or a restyle gives a fresh box', () => {
  const cy = graph();
  const before = cy.elements().map((e) => plain(e.boundingBox()));
  // the key computed without allocating is the one Cytoscape stored with each cached box
  cy.elements().forEach((e) => {
    assert.equal(positionKey(priv(e)), priv(e).bbCachePosKey, `${e.id()}: the same position key`);
  });
  installFastBoundingBox(cy);
  assert.deepEqual(
    cy.elements().map((e) => plain(e.boundingBox())),
    before,
  );
  const n0 = cy.getElementById('n0');
  assert.equal(n0.boundingBox(), priv(n0).bbCache, 'a valid cached box is returned as it is');
  // a move: the node's and its edges' boxes follow
  n0.position({ x: n0.position('x') + 100.4, y: n0.position('y') - 50 });
  for (const e of n0.union(n0.connectedEdges()).toArray()) {
    assert.deepEqual(
      plain(e.boundingBox()),
      plain(e.boundingBox({ useCache: false } as cytoscape.BoundingBoxOptions)),
      `${e.id()} after a move`,
    );
  }
  assert.ok(n0.boundingBox().x1 > before[0].x1 + 90, 'the moved node’s box moved');
  // a restyle: the box grows
  n0.addClass('big');
  assert.ok(n0.boundingBox().w > before[0].w + 20, 'the restyled node’s box grew');
  assert.deepEqual(plain(n0.boundingBox()), plain(n0.boundingBox({ useCache: false } as cytoscape.BoundingBoxOptions)));
  cy.destroy();
});
