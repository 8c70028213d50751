/**
 * The retention heat-map's groups (renderer/src/graph/retention-groups.ts): each note with cards lands in the bucket
 * of its retention (re-study first), and the graph's group index colours exactly those nodes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GraphNode } from '../../electron/shared/api.ts';
import { groupIndex } from '../../renderer/src/graph/groups.ts';
import { retentionGraphGroups } from '../../renderer/src/graph/retention-groups.ts';
import { readSettings } from '../../renderer/src/graph/settings.ts';

const node = (id: string): GraphNode => ({ id, label: id, kind: 'note', tags: [] }) as unknown as GraphNode;

test('notes fall into the retention buckets; groupIndex colours their nodes; the setting is read back', () => {
  const r = (retention: number | null, restudy = false) => ({ retention, cards: 2, due: 0, restudy });
  const groups = retentionGraphGroups({
    'failing.md': r(0.95, true),
    'weak.md': r(0.5),
    'fading.md': r(0.8),
    'strong.md': r(0.97),
    'new.md': r(null),
  });
  assert.deepEqual(
    groups.map((g) => [g.label, [...(g.ids ?? [])]]),
    [
      ['Re-study (cards failing)', ['failing.md']],
      ['Retention under 70 %', ['weak.md']],
      ['Retention 70–90 %', ['fading.md']],
      ['Retention 90 % or more', ['strong.md']],
      ['Cards not reviewed yet', ['new.md']],
    ],
  );
  const index = groupIndex(['failing.md', 'weak.md', 'strong.md', 'new.md', 'no cards.md'].map(node), groups);
  assert.deepEqual(Object.fromEntries(index), { 'failing.md': 0, 'weak.md': 1, 'strong.md': 3, 'new.md': 4 });
  assert.equal(readSettings({ colourBy: 'retention' }).colourBy, 'retention');
  assert.equal(readSettings({ colourBy: 'rainbow' }).colourBy, 'groups');
  assert.deepEqual(
    retentionGraphGroups(null).map((g) => g.ids?.size),
    [0, 0, 0, 0, 0],
  );
});
