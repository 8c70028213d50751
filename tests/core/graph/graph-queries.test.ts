/** Graph view queries (#11): local graph depth and direction toggles, neighbour links, tags as nodes, kept state. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openIndex, queryOf, tempVault, writeVault } from '../index/helpers.ts';
import {
  readGraphViewState,
  writeGraphViewState,
  GRAPH_POSITIONS_FILE,
} from '../../../electron/services/graph-view-state.ts';
import { API_SCHEMAS } from '../../../electron/services/schemas.ts';

// a → b → c → d (a chain), e → a (a backlink of a), b → e (so e and b are linked: a neighbour link at depth 1)
async function chain() {
  const v = tempVault();
  writeVault(v.root, 'a.md', '---\ntags: [core]\n---\n[[b]]\n');
  writeVault(v.root, 'b.md', '[[c]] [[e]] #core/deep\n');
  writeVault(v.root, 'c.md', '[[d]]\n');
  writeVault(v.root, 'd.md', 'end\n');
  writeVault(v.root, 'e.md', '[[a]]\n');
  const index = await openIndex(v.root, v.db);
  await index.sync();
  return { ...v, index, q: queryOf(index) };
}

const ids = (g: { nodes: { id: string }[] }) => g.nodes.map((n) => n.id).sort();

test('local graph: depth 1–3 widens the view', async () => {
  const { index, q, work } = await chain();
  try {
    assert.deepEqual(ids(q.neighbourhood('a.md', 1)), ['a.md', 'b.md', 'e.md']);
    assert.deepEqual(ids(q.neighbourhood('a.md', 2)), ['a.md', 'b.md', 'c.md', 'e.md']);
    assert.deepEqual(ids(q.neighbourhood('a.md', 3)), ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('local graph: incoming / outgoing toggles and neighbour links', async () => {
  const { index, q, work } = await chain();
  try {
    assert.deepEqual(ids(q.neighbourhood('a.md', 1, { incoming: false })), ['a.md', 'b.md']);
    assert.deepEqual(ids(q.neighbourhood('a.md', 1, { outgoing: false })), ['a.md', 'e.md']);
    const withLinks = q
      .neighbourhood('a.md', 1)
      .edges.map((e) => `${e.source}>${e.target}`)
      .sort();
    assert.deepEqual(withLinks, ['a.md>b.md', 'b.md>e.md', 'e.md>a.md']);
    const without = q
      .neighbourhood('a.md', 1, { neighbourLinks: false })
      .edges.map((e) => `${e.source}>${e.target}`)
      .sort();
    assert.deepEqual(without, ['a.md>b.md', 'e.md>a.md'], 'b → e joins two neighbours: dropped');
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('global graph: tags as nodes, folders on nodes', async () => {
  const { index, q, work } = await chain();
  try {
    const g = q.graph({ includeTags: true });
    const tags = g.nodes
      .filter((n) => n.kind === 'tag')
      .map((n) => `${n.id}=${n.label}`)
      .sort();
    assert.deepEqual(tags, ['tag:core/deep=#core/deep', 'tag:core=#core']);
    assert.ok(g.edges.some((e) => e.kind === 'tag' && e.source === 'a.md' && e.target === 'tag:core'));
    assert.equal(
      q.graph().nodes.some((n) => n.kind === 'tag'),
      false,
      'no tag nodes unless asked',
    );
    assert.equal(g.nodes.find((n) => n.id === 'a.md')?.folder, '');
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('graph view state: kept atomically in .atlas, damaged files moved aside, sizes capped', async () => {
  const { root, work } = tempVault();
  try {
    assert.deepEqual(readGraphViewState(root), { settings: null, positions: {} });
    await writeGraphViewState(root, { settings: { depth: 2 }, positions: { 'a.md': [1.234, -5] } });
    assert.deepEqual(readGraphViewState(root), { settings: { depth: 2 }, positions: { 'a.md': [1.2, -5] } });
    fs.writeFileSync(path.join(root, GRAPH_POSITIONS_FILE), '{ not json');
    assert.deepEqual(readGraphViewState(root).positions, {});
    const kept = fs.readdirSync(path.join(root, '.atlas')).filter((f) => f.startsWith('graph-positions.json.damaged-'));
    assert.equal(kept.length, 1, 'the damaged file is kept beside, not overwritten');
    const schema = API_SCHEMAS.saveGraphViewState;
    assert.equal(schema.safeParse([{ positions: { a: [1, Number.NaN] } }]).success, false);
    assert.equal(schema.safeParse([{ settings: { big: 'x'.repeat(70_000) } }]).success, false);
    assert.equal(schema.safeParse([{ positions: { a: [1, 2] } }]).success, true);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
