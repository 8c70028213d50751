/**
 * decorations.ts on a headless Cytoscape: the overlay and current note land on the right elements, and a second
 * `decorate` takes the first one's classes off (tracked, no selector pass) exactly as a pass over the graph would;
 * `decorateNodes` after a delta marks what it decorates so the next full `decorate` clears it too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import cytoscape from 'cytoscape';
import type { GraphData } from '../../../electron/shared/api.ts';
import type { LearningOverlay } from '../learning/types.ts';
import { decorate, decorateNodes, type Decorated } from './decorations.ts';
import { toElements } from './elements.ts';

const note = (id: string) => ({ id, label: id.replace('.md', ''), kind: 'note' as const, tags: [] });
// c needs b, b needs a (prerequisites); d links to a; e is alone
const data: GraphData = {
  nodes: ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'].map(note),
  edges: [
    { source: 'c.md', target: 'b.md', kind: 'wiki', relation: 'prerequisites' },
    { source: 'b.md', target: 'a.md', kind: 'wiki', relation: 'prerequisites' },
    { source: 'd.md', target: 'a.md', kind: 'wiki', relation: null },
  ],
};

function graph(): cytoscape.Core {
  const els = toElements(data, { groups: [], nodeSizeByLinks: true });
  return cytoscape({ headless: true, elements: [...els.nodes.values(), ...els.edges.values()] });
}

const step = (path: string) => ({ path, title: path, level: null, estimateMin: 10, neededBy: [] });
const plan = (...paths: string[]) => ({
  target: paths.at(-1)!,
  steps: paths.map(step),
  totalMin: 0,
  cycles: [],
  unresolved: [],
});

/** Every decoration class on the graph, by a full pass (what the tracked removal must agree with). */
function classes(cy: cytoscape.Core): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of ['current', 'neighbour', 'current-edge', 'learned', 'learning', 'plan', 'plan-edge'])
    out[c] = cy
      .elements(`.${c}`)
      .map((e) => (e.isNode() ? e.id() : `${e.source().id()}>${e.target().id()}`))
      .sort();
  return out;
}

test('decorate marks the plan, its prerequisite edges, progress and the current note with its neighbours', () => {
  const cy = graph();
  const numbered = { current: [] as string[] };
  const marked: Decorated = { current: new Set() };
  const overlay: LearningOverlay = { plan: plan('a.md', 'b.md', 'c.md'), progress: { 'e.md': 'learned' } };
  decorate(cy, overlay, 'a.md', numbered, marked);
  assert.deepEqual(classes(cy), {
    current: ['a.md'],
    neighbour: ['b.md', 'd.md'],
    'current-edge': ['a.md>b.md', 'd.md>a.md'],
    learned: ['e.md'],
    learning: [],
    plan: ['a.md', 'b.md', 'c.md'],
    'plan-edge': ['a.md>b.md', 'b.md>c.md'],
  });
  assert.equal(cy.getElementById('b.md').data('display'), '2. b');
  assert.deepEqual(numbered.current, ['a.md', 'b.md', 'c.md']);
});

test('a second decorate takes the first one off: only the new overlay and current note remain', () => {
  const cy = graph();
  const numbered = { current: [] as string[] };
  const marked: Decorated = { current: new Set() };
  decorate(cy, { plan: plan('a.md', 'b.md', 'c.md'), progress: { 'e.md': 'learned' } }, 'a.md', numbered, marked);
  decorate(cy, { plan: null, progress: { 'c.md': 'learning' } }, 'e.md', numbered, marked);
  assert.deepEqual(classes(cy), {
    current: ['e.md'],
    neighbour: [],
    'current-edge': [],
    learned: [],
    learning: ['c.md'],
    plan: [],
    'plan-edge': [],
  });
  assert.equal(cy.getElementById('b.md').data('display'), 'b');
  assert.deepEqual([...marked.current].sort(), ['c.md', 'e.md']);
});

test('what decorateNodes adds after a delta is taken off by the next decorate', () => {
  const cy = graph();
  const numbered = { current: [] as string[] };
  const marked: Decorated = { current: new Set() };
  const overlay: LearningOverlay = { plan: plan('a.md', 'b.md'), progress: {} };
  decorate(cy, overlay, 'b.md', numbered, marked);
  // a delta: d now also needs b (a new prerequisite edge) and is learned
  cy.add({ group: 'edges', data: { id: 'b>d', source: 'b.md', target: 'd.md', type: 'prereq', prereq: true } });
  decorateNodes(cy, { plan: overlay.plan, progress: { 'd.md': 'learned' } }, 'b.md', numbered, ['d.md'], marked);
  assert.deepEqual(classes(cy).learned, ['d.md']);
  assert.deepEqual(classes(cy).neighbour, ['a.md', 'c.md', 'd.md']);
  assert.ok(classes(cy)['current-edge'].includes('b.md>d.md'));
  decorate(cy, { plan: null, progress: {} }, null, numbered, marked);
  assert.deepEqual(Object.values(classes(cy)).flat(), [], 'no decoration class is left anywhere');
});
