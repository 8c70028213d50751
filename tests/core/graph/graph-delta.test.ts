/**
 * The graph delta (#11: one saved note changes only its node and edges): `graphUpdate` over a real index (temp vault,
 * SQLite) answers the change since a version, and applying it to the old graph (renderer/src/graph/graph-delta.ts)
 * gives exactly the graph `graph()` reads afresh.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { GraphData, GraphDelta, GraphFilter, GraphUpdate } from '../../../electron/core/model.ts';
import { MAX_ENTRIES } from '../../../electron/core/index/change-log.ts';
import { applyGraphDelta, edgeKey } from '../../../renderer/src/graph/graph-delta.ts';
import { openIndex, queryOf, tempVault, writeVault } from '../index/helpers.ts';

async function vault() {
  const v = tempVault();
  writeVault(v.root, 'a.md', '[[b]]\n');
  writeVault(v.root, 'b.md', '---\nprerequisites: ["[[c]]"]\n---\n[[a]] ![[c]]\n');
  writeVault(v.root, 'c.md', 'see [[ghost]]\n');
  writeVault(v.root, 'd.md', '#solo\n');
  const index = await openIndex(v.root, v.db);
  await index.sync();
  const q = queryOf(index);
  return {
    ...v,
    index,
    q,
    async save(rel: string, content: string | null) {
      if (content === null) fs.rmSync(path.join(v.root, rel));
      else writeVault(v.root, rel, content);
      await index.update([rel]);
    },
    close() {
      index.close();
      fs.rmSync(v.work, { recursive: true, force: true });
    },
  };
}

/** The graph in a comparable form: node ids with kind and label, sorted edge keys. */
function canon(g: GraphData) {
  return {
    nodes: g.nodes.map((n) => `${n.id}|${n.kind}|${n.label}|${n.tags.join(',')}`).sort(),
    edges: g.edges.map(edgeKey).sort(),
  };
}

function deltaOf(u: GraphUpdate): GraphDelta {
  assert.equal(u.kind, 'delta', 'answered as a delta');
  return (u as Extract<GraphUpdate, { kind: 'delta' }>).delta;
}

/** The delta since `since`, checked against a fresh read: applied to `before` it gives `graph(filter)`. */
function checkedDelta(q: ReturnType<typeof queryOf>, before: GraphData, since: number, filter?: GraphFilter) {
  const u = q.graphUpdate(since, filter);
  const delta = deltaOf(u);
  assert.equal(u.version, q.version);
  const after = applyGraphDelta(before, delta);
  assert.deepEqual(canon(after), canon(q.graph(filter)), 'delta applied = graph read afresh');
  return { delta, after };
}

const key = (source: string, target: string, kind = 'wiki', relation: string | null = null) =>
  edgeKey({ source, target, kind: kind as 'wiki', relation });

test('a new link adds exactly one edge; the delta carries only the saved note', async () => {
  const v = await vault();
  try {
    const before = v.q.graph();
    const since = v.q.version;
    await v.save('a.md', '[[b]] and [[c]]\n');
    const { delta, after } = checkedDelta(v.q, before, since);
    assert.deepEqual(delta.sources, ['a.md']);
    assert.deepEqual(
      delta.nodes.map((n) => n.id),
      ['a.md'],
    );
    assert.deepEqual(delta.removed, []);
    const added = canon(after).edges.filter((e) => !canon(before).edges.includes(e));
    assert.deepEqual(added, [key('a.md', 'c.md')]);
    assert.equal(after.edges.length, before.edges.length + 1);
  } finally {
    v.close();
  }
});

test('removing a link removes its edge; its other edges and kinds stay', async () => {
  const v = await vault();
  try {
    const before = v.q.graph();
    assert.ok(canon(before).edges.includes(key('b.md', 'c.md', 'embed')));
    const since = v.q.version;
    await v.save('b.md', '---\nprerequisites: ["[[c]]"]\n---\n[[a]]\n');
    const { after } = checkedDelta(v.q, before, since);
    const edges = canon(after).edges;
    assert.ok(!edges.includes(key('b.md', 'c.md', 'embed')), 'the embed is gone');
    assert.ok(edges.includes(key('b.md', 'a.md')));
    assert.ok(edges.includes(key('b.md', 'c.md', 'property', 'prerequisites')), 'the prerequisite stays');
    assert.equal(after.edges.length, before.edges.length - 1);
  } finally {
    v.close();
  }
});

test('a new unresolved target appears as an unresolved node, and goes when its last link does', async () => {
  const v = await vault();
  try {
    const before = v.q.graph();
    let since = v.q.version;
    await v.save('a.md', '[[b]] [[Nowhere]]\n');
    const { delta, after } = checkedDelta(v.q, before, since);
    const node = delta.nodes.find((n) => n.id === 'unresolved:nowhere');
    assert.equal(node?.kind, 'unresolved');
    assert.equal(node?.label, 'Nowhere');
    assert.ok(after.nodes.some((n) => n.id === 'unresolved:nowhere'));
    assert.ok(canon(after).edges.includes(key('a.md', 'unresolved:nowhere')));
    since = v.q.version;
    await v.save('a.md', '[[b]]\n');
    const second = checkedDelta(v.q, after, since);
    assert.ok(!second.after.nodes.some((n) => n.id === 'unresolved:nowhere'), 'no link left: no node');
    // `after` gave its index on to `second.after`: the same delta applied to it again indexes it afresh
    assert.deepEqual(canon(applyGraphDelta(after, second.delta)), canon(second.after), 'again from a spent base');
    // an unresolved node that another note still links to stays
    since = v.q.version;
    await v.save('d.md', '#solo [[ghost]]\n');
    await v.save('d.md', '#solo\n');
    const third = checkedDelta(v.q, second.after, since);
    assert.ok(
      third.after.nodes.some((n) => n.id === 'unresolved:ghost'),
      'c.md still links to ghost',
    );
  } finally {
    v.close();
  }
});

test('deleting a note removes its node and edges; links to it become unresolved', async () => {
  const v = await vault();
  try {
    const before = v.q.graph();
    const since = v.q.version;
    await v.save('c.md', null);
    const { delta, after } = checkedDelta(v.q, before, since);
    assert.deepEqual(delta.removed, ['c.md']);
    assert.deepEqual(delta.sources, ['b.md'], 'b.md links to c: its links now resolve differently');
    assert.ok(!after.nodes.some((n) => n.id === 'c.md'));
    assert.ok(!after.edges.some((e) => e.source === 'c.md' || e.target === 'c.md'));
    assert.ok(!after.nodes.some((n) => n.id === 'unresolved:ghost'), "c.md's unresolved target went with it");
    assert.ok(canon(after).edges.includes(key('b.md', 'unresolved:c', 'embed')));
  } finally {
    v.close();
  }
});

test('a new note takes over the links to its name (its unresolved node goes), in one delta', async () => {
  const v = await vault();
  try {
    const before = v.q.graph();
    const since = v.q.version;
    await v.save('ghost.md', 'boo [[a]]\n');
    const { delta, after } = checkedDelta(v.q, before, since);
    assert.deepEqual(delta.sources.sort(), ['c.md', 'ghost.md']);
    assert.ok(!after.nodes.some((n) => n.id === 'unresolved:ghost'));
    assert.ok(canon(after).edges.includes(key('c.md', 'ghost.md')));
    assert.ok(canon(after).edges.includes(key('ghost.md', 'a.md')));
  } finally {
    v.close();
  }
});

test('several versions merge into one delta; tags as nodes follow the note', async () => {
  const v = await vault();
  try {
    const filter = { includeTags: true };
    const before = v.q.graph(filter);
    const since = v.q.version;
    await v.save('a.md', '[[b]] #fresh\n');
    await v.save('d.md', 'no tag now [[a]]\n');
    const { delta, after } = checkedDelta(v.q, before, since, filter);
    assert.deepEqual(delta.sources.sort(), ['a.md', 'd.md']);
    assert.ok(after.nodes.some((n) => n.id === 'tag:fresh'));
    assert.ok(!after.nodes.some((n) => n.id === 'tag:solo'), 'the tag no note carries any more is gone');
  } finally {
    v.close();
  }
});

test('the whole graph instead of a delta: no version, a cold index, an unknown or too old version', async () => {
  const v = await vault();
  try {
    assert.equal(v.q.graphUpdate(null).kind, 'full');
    // the first sync was a cold index: the versions before it are not deltas
    assert.equal(v.q.graphUpdate(0).kind, 'full');
    assert.equal(v.q.graphUpdate(v.q.version + 5).kind, 'full', 'a version of another index');
    const now = v.q.graphUpdate(v.q.version);
    assert.deepEqual(deltaOf(now), { nodes: [], removed: [], sources: [], edges: [] }, 'nothing changed');
    const since = v.q.version;
    for (let i = 0; i <= MAX_ENTRIES; i++) await v.save('a.md', `[[b]] ${i}\n`);
    const old = v.q.graphUpdate(since);
    assert.equal(old.kind, 'full', `a gap of ${MAX_ENTRIES + 1} versions`);
    assert.equal(old.version, v.q.version);
    assert.deepEqual(canon((old as Extract<GraphUpdate, { kind: 'full' }>).graph), canon(v.q.graph()));
    // a filter by tag or folder is answered whole
    assert.equal(v.q.graphUpdate(v.q.version, { tag: 'solo' }).kind, 'full');
  } finally {
    v.close();
  }
});

test('the whole graph is read once per index version and filter, and afresh after a change', async () => {
  const v = await vault();
  try {
    const first = v.q.graphUpdate(null);
    assert.equal(v.q.graphUpdate(null), first, 'same version, same filter: the same answer');
    const noUnresolved = v.q.graphUpdate(null, { includeUnresolved: false });
    assert.notEqual(noUnresolved, first, 'another filter is read for itself');
    assert.ok(
      !(noUnresolved as Extract<GraphUpdate, { kind: 'full' }>).graph.nodes.some((n) => n.kind === 'unresolved'),
    );
    await v.save('d.md', '[[a]] [[new target]]\n');
    const after = v.q.graphUpdate(null);
    assert.notEqual(after, first);
    assert.ok(after.version > first.version);
    const g = (after as Extract<GraphUpdate, { kind: 'full' }>).graph;
    assert.ok(
      g.nodes.some((n) => n.id === 'unresolved:new target'),
      'the saved link is in the new answer',
    );
    assert.deepEqual(canon(g), canon(v.q.graph()));
  } finally {
    v.close();
  }
});
