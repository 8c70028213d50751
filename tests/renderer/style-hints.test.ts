/**
 * style-hints.ts: with the shared scratch object, Cytoscape computes the same style keys for every element (plain,
 * restyled by a class, with a label, node and edge) and no element keeps its per-group hash arrays.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cytoscape from 'cytoscape';
import { installSharedStyleKeys, usesSharedStyleKeys } from '../../renderer/src/graph/style-hints.ts';

const KEYS = [
  'styleKey',
  'labelDimsKey',
  'labelKey',
  'labelStyleKey',
  'sourceLabelKey',
  'sourceLabelStyleKey',
  'targetLabelKey',
  'targetLabelStyleKey',
  'nodeKey',
  'hasPie',
  'hasStripe',
] as const;

const style: cytoscape.StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', width: 'mapData(size, 8, 40, 8, 30)', 'font-size': 12 } },
  { selector: 'node.hover', style: { 'border-width': 3, 'z-index': 10, 'background-color': '#c33' } },
  { selector: 'edge', style: { width: 1, 'line-color': '#999', 'curve-style': 'haystack' } },
  { selector: 'edge.hot', style: { width: 3, 'target-arrow-shape': 'triangle', label: 'data(id)' } },
];

function graph(): cytoscape.Core {
  const elements: cytoscape.ElementDefinition[] = [];
  for (let i = 0; i < 40; i++) elements.push({ data: { id: `n${i}`, label: `note ${i} 笔记`, size: 8 + (i % 30) } });
  for (let i = 0; i < 60; i++)
    elements.push({ data: { id: `e${i}`, source: `n${i % 40}`, target: `n${(i * 7 + 3) % 40}` } });
  return cytoscape({ headless: true, styleEnabled: true, style, elements });
}

type Hints = Record<string, unknown>[];
function hints(cy: cytoscape.Core): Hints {
  return cy.elements().map((e) => {
    const p = (e as unknown as { _private: Record<string, unknown> })._private;
    return Object.fromEntries(KEYS.map((k) => [k, p[k]]));
  });
}
function restyle(cy: cytoscape.Core) {
  cy.nodes()
    .filter((_n, i) => i % 3 === 0)
    .addClass('hover');
  cy.edges()
    .filter((_e, i) => i % 4 === 0)
    .addClass('hot');
  cy.getElementById('n5').data('label', 'renamed');
  cy.elements().forEach((e) => {
    e.style('width'); // apply the lazily queued restyles
  });
}

test('shared style keys: the same style hints as Cytoscape’s own, and none kept per element', () => {
  const before = graph();
  before.elements().forEach((e) => {
    e.style('width');
  });
  const plain = hints(before);
  restyle(before);
  const restyled = hints(before);
  const own = (before.nodes()[0] as unknown as { _private: { styleKeys: Record<string, unknown> } })._private.styleKeys;
  assert.ok(Object.keys(own).length >= 20, 'Cytoscape keeps one hash array per property group per element');

  installSharedStyleKeys(before);
  const after = graph();
  after.elements().forEach((e) => {
    e.style('width');
  });
  assert.deepEqual(hints(after), plain);
  assert.ok(
    plain.some((h) => typeof h.styleKey === 'number' && h.styleKey !== 0),
    'keys were computed',
  );
  restyle(after);
  assert.deepEqual(hints(after), restyled);
  assert.notDeepEqual(restyled, plain, 'the restyle changed keys');
  assert.ok(
    after.elements().every((e) => usesSharedStyleKeys(e)),
    'no element keeps its own',
  );
  // a headless instance with style runs an animation loop until destroyed
  before.destroy();
  after.destroy();
});
