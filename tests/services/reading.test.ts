/**
 * The reading view's backend: `embed` (whole note, section under a heading, block by id, attachment, unresolved,
 * missing anchors) and `resolveLinks` (unresolved, alias-only, broken heading/block), on a real index of the
 * e2e-render fixture; and `blockBounds` on Obsidian's block forms.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createAtlasService, type AtlasService } from '../../electron/services/atlas-service.ts';
import { blockBounds } from '../../electron/core/query/excerpt.ts';
import { tempVault, type TempVault } from './helpers.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/e2e-render/', import.meta.url));
let vault: TempVault;
let service: AtlasService;

before(async () => {
  vault = tempVault(FIXTURE);
  service = await createAtlasService({ vaultRoot: vault.root, dbPath: vault.dbPath, watch: false, workers: 0 });
  await service.ready;
});
after(async () => {
  await service?.close();
  vault?.cleanup();
});

test('a whole-note embed is the body without frontmatter, with its first line', async () => {
  const e = await service.api.embed('Embeds.md', 'Embedded note');
  assert.equal(e.path, 'notes/Embedded note.md');
  assert.equal(e.kind, 'note');
  assert.equal(e.markdown, 'This is the **embedded note** body, with a link to [[Sections]].\n');
  assert.equal(e.line, 4);
  assert.equal(e.missing, null);
});

test('a heading embed is that section, subsections included, up to the next heading of its level', async () => {
  const e = await service.api.embed('Embeds.md', 'Sections', 'second SECTION');
  assert.match(e.markdown, /^## Second section\nSecond section text/);
  assert.match(e.markdown, /### Sub of second\nStill inside/);
  assert.doesNotMatch(e.markdown, /Third|First/);
  assert.ok(e.line > 80, 'the line of the heading in the file');
  const missing = await service.api.embed('Embeds.md', 'Sections', 'Nope');
  assert.equal(missing.missing, 'heading');
  assert.equal(missing.markdown, '');
});

test('block embeds: a paragraph, a list item with its children, a table named by an id on its own line', async () => {
  const p = await service.api.embed('Embeds.md', 'Blocks', null, 'para1');
  assert.equal(p.markdown, 'This paragraph is a block. ^para1');
  assert.equal(p.line, 5);
  const li = await service.api.embed('Embeds.md', 'Blocks', null, 'item2');
  assert.equal(li.markdown, '- item two ^item2\n  - child of item two');
  const missing = await service.api.embed('Embeds.md', 'Blocks', null, 'nope');
  assert.equal(missing.missing, 'block');
});

test('attachments and unresolved targets carry no markdown', async () => {
  assert.deepEqual(await service.api.embed('Embeds.md', 'pic.png'), {
    path: 'media/pic.png',
    kind: 'attachment',
    markdown: '',
    line: 1,
    missing: null,
    truncated: false,
  });
  assert.equal((await service.api.embed('Embeds.md', 'Nowhere')).kind, 'unresolved');
  await assert.rejects(service.api.embed('../x.md', 'Sections'), { code: 'outside-vault' });
});

test('resolveLinks tells unresolved, alias-only and broken anchors apart', async () => {
  const r = await service.api.resolveLinks('Home.md', [
    { target: 'Sections', heading: 'Third section' },
    { target: 'Sections', heading: 'No such heading' },
    { target: 'Blocks', block: 'item2' },
    { target: 'Blocks', block: 'nope' },
    { target: 'Sunny' },
    { target: 'Nowhere' },
    { target: 'notes/Weather' },
  ]);
  assert.deepEqual(r, [
    { path: 'notes/Sections.md', viaAlias: false, anchor: 'found' },
    { path: 'notes/Sections.md', viaAlias: false, anchor: 'missing' },
    { path: 'notes/Blocks.md', viaAlias: false, anchor: 'found' },
    { path: 'notes/Blocks.md', viaAlias: false, anchor: 'missing' },
    { path: 'notes/Weather.md', viaAlias: true, anchor: null },
    { path: null, viaAlias: false, anchor: null },
    { path: 'notes/Weather.md', viaAlias: false, anchor: null },
  ]);
});

test('blockBounds: paragraph upwards to a blank line, list item down its children, id after a blank line', () => {
  const lines = [
    '# H',
    'first line',
    'second ^a',
    '',
    '- x',
    '- y ^b',
    '  - y1',
    '- z',
    '',
    '> quote',
    '> more',
    '',
    '^c',
  ];
  assert.deepEqual(blockBounds(lines, 2), [1, 2]);
  assert.deepEqual(blockBounds(lines, 5), [5, 6]);
  assert.deepEqual(blockBounds(lines, 12), [9, 10]);
});
