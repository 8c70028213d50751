/**
 * style-triggers.ts and style-context-keys.ts: with both patches, Cytoscape's style application gives every element
 * the same context key, style values and bounding boxes as without them (a first application, classes that resize
 * nodes and so move their edges' ends, a data change, parallel bezier edges, a new stylesheet), with fewer `bounds`
 * events (one per element per application), and one kept result per context-key change.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cytoscape from 'cytoscape';
import { installInternedContextKeys } from '../../renderer/src/graph/style-context-keys.ts';
import { installBatchedStyleTriggers } from '../../renderer/src/graph/style-triggers.ts';

const style: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: { label: 'data(label)', width: 'mapData(size, 8, 40, 8, 30)', height: 'mapData(size, 8, 40, 8, 30)' },
  },
  { selector: 'node.hover', style: { width: 44, height: 44, 'border-width': 3, 'z-index': 10 } },
  { selector: 'node.far', style: { opacity: 0.4 } },
  { selector: 'edge', style: { width: 1, 'curve-style': 'haystack', 'line-color': '#999' } },
  { selector: 'edge[kind = "prereq"]', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
  { selector: 'edge.hot', style: { width: 4, label: 'data(id)', 'z-index': 5 } },
];
const restyled: cytoscape.StylesheetJson = [
  { selector: 'node', style: { label: 'data(id)', width: 12, height: 12, shape: 'round-rectangle' } },
  { selector: 'node.hover', style: { width: 20, height: 20 } },
  { selector: 'edge', style: { width: 2, 'curve-style': 'bezier' } },
];

function elements(): cytoscape.ElementDefinition[] {
  const elements: cytoscape.ElementDefinition[] = [];
  for (let i = 0; i < 30; i++)
    elements.push({
      data: { id: `n${i}`, label: `note ${i} 笔记`, size: 8 + (i % 30) },
      position: { x: i * 37, y: (i * 53) % 400 },
    });
  for (let i = 0; i < 50; i++)
    elements.push({
      data: { id: `e${i}`, source: `n${i % 30}`, target: `n${(i * 7 + 3) % 30}`, kind: i % 3 ? 'link' : 'prereq' },
    });
  // parallel bezier edges: their control points depend on each other
  for (let i = 0; i < 3; i++) elements.push({ data: { id: `p${i}`, source: 'n1', target: 'n2', kind: 'prereq' } });
  return elements;
}
function graph(): cytoscape.Core {
  return cytoscape({ headless: true, styleEnabled: true, style, elements: elements() });
}

type Snapshot = Record<string, unknown>[];
function snapshot(cy: cytoscape.Core): Snapshot {
  return cy.elements().map((e) => {
    const bb = e.boundingBox();
    const p = (e as unknown as { _private: { styleCxtKey: string } })._private;
    return {
      id: e.id(),
      key: p.styleCxtKey,
      width: e.style('width'),
      opacity: e.style('opacity'),
      label: e.style('label'),
      curve: e.isEdge() ? e.style('curve-style') : null,
      z: e.style('z-index'),
      bb: [bb.x1, bb.y1, bb.x2, bb.y2].map((v) => Math.round(v * 1000) / 1000),
    };
  });
}

/** Runs the scenario on a new graph: a snapshot after each step and the `bounds` events per step. */
function scenario(): { snaps: Snapshot[]; events: number[] } {
  const cy = cytoscape({ headless: true, styleEnabled: true, style });
  let events = 0;
  cy.on('bounds', () => {
    events++;
  });
  const snaps: Snapshot[] = [];
  const counts: number[] = [];
  const step = (change: () => void) => {
    events = 0;
    change();
    snaps.push(snapshot(cy));
    counts.push(events);
  };
  step(() => {
    cy.add(elements());
  });
  step(() => {
    cy.nodes()
      .filter((_n, i) => i % 3 === 0)
      .addClass('hover');
    cy.edges()
      .filter((_e, i) => i % 4 === 0)
      .addClass('hot');
  });
  step(() => {
    cy.getElementById('n5').data('size', 40);
    cy.nodes().addClass('far');
    cy.nodes('.hover').removeClass('hover');
  });
  step(() => {
    cy.style().fromJson(restyled).update();
  });
  cy.destroy();
  return { snaps, events: counts };
}

test('batched triggers and kept context keys: the same keys, styles and boxes as Cytoscape’s own, fewer events', () => {
  const own = scenario();

  const probe = graph();
  installBatchedStyleTriggers(probe);
  installInternedContextKeys(probe);
  probe.destroy();
  const patched = scenario();

  for (let i = 0; i < own.snaps.length; i++) assert.deepEqual(patched.snaps[i], own.snaps[i], `step ${i}`);
  assert.ok(
    own.snaps[1]!.some((s, j) => JSON.stringify(s.bb) !== JSON.stringify(own.snaps[0]![j]!.bb)),
    'the classes moved some boxes',
  );
  // adding an element and reading its box emit `bounds` too; the first application alone emitted more than one per element
  const elements = own.snaps[0]!.length;
  assert.ok(
    own.events[0]! - patched.events[0]! >= elements,
    `first application: ${patched.events[0]} vs ${own.events[0]}`,
  );
  for (let i = 1; i < own.events.length; i++)
    assert.ok(patched.events[i]! < own.events[i]!, `step ${i}: ${patched.events[i]} < ${own.events[i]}`);
});

test('kept context keys: elements matching the same selectors share one result object', () => {
  const cy = graph();
  installInternedContextKeys(cy);
  const styleProto = Object.getPrototypeOf(cy.style()) as {
    getContextMeta(ele: unknown): { key: string; diffPropNames: string[] };
  };
  const a = cy.getElementById('n3');
  const b = cy.getElementById('n4');
  const fresh = (e: cytoscape.SingularElementReturnValue) => {
    (e as unknown as { _private: { styleCxtKey: string } })._private.styleCxtKey = '';
    return styleProto.getContextMeta.call(cy.style(), e);
  };
  const ma = fresh(a);
  const mb = fresh(b);
  assert.equal(ma, mb);
  assert.ok(ma.diffPropNames.includes('width'));
  a.addClass('hover');
  const hovered = fresh(a);
  assert.notEqual(hovered, ma);
  assert.notEqual(hovered.key, ma.key);
  cy.destroy();
});
