/**
 * The graph views' folder groups (renderer/src/graph/folder-groups.ts): one group per top-level folder, in name
 * order, with stable colours; and a re-fetched graph with the same folders gives the very same array back, so the
 * views' restyle (keyed on their groups, a pass over every element) does not run for every saved note.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GraphData, GraphNode } from '../../electron/shared/api.ts';
import { FOLDER_PALETTE, folderGroups } from '../../renderer/src/graph/folder-groups.ts';

const note = (id: string): GraphNode => ({ id, label: id, kind: 'note', tags: [] });

function vault(extra: string[] = []): GraphData {
  return {
    nodes: ['runtime/gmp.md', 'runtime/netpoller.md', 'concurrency/channel.md', 'top.md', ...extra].map(note),
    edges: [{ source: 'runtime/gmp.md', target: 'concurrency/channel.md', kind: 'wiki', relation: null }],
  };
}

test('one group per top-level folder, in name order, coloured from the palette', () => {
  const groups = folderGroups(vault());
  assert.deepEqual(
    groups.map((g) => [g.query, g.color, g.label]),
    [
      ['path:concurrency', FOLDER_PALETTE[0], 'Folder: concurrency'],
      ['path:runtime', FOLDER_PALETTE[1], 'Folder: runtime'],
    ],
  );
  assert.deepEqual(folderGroups({ nodes: [note('a/x.md'), note('y.md')], edges: [] }), []);
});

test('a re-fetched graph with the same folders keeps the same array; a new folder gives a new one', () => {
  const first = folderGroups(vault());
  const refetched = folderGroups(vault(['runtime/select.md']));
  assert.equal(refetched, first, 'same folders: the same array (no restyle)');
  const grown = folderGroups(vault(['network/tcp.md']));
  assert.notEqual(grown, first);
  assert.deepEqual(
    grown.map((g) => g.query),
    ['path:concurrency', 'path:network', 'path:runtime'],
  );
});
