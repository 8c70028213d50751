/**
 * "Link" and "Link all" for unlinked mentions at the service level: files on disk are rewritten exactly at the
 * matched spans (longest match across notes, English and Chinese), display text kept, code/links/comments/
 * frontmatter untouched; a file changed meanwhile is refused, not overwritten.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createAtlasService } from '../../electron/services/atlas-service.ts';
import { tempDir } from '../support/temp-dir.ts';

function vault(files: Record<string, string>) {
  const tmp = tempDir('mentions');
  const root = path.join(tmp, 'vault');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return { tmp, root, read: (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8') };
}

const FILES = {
  'channel.md': '---\naliases: [通道]\n---\n# channel\n',
  'buffered channel.md': '---\naliases: [有缓冲通道]\n---\n# buffered channel\n',
  'notes/a.md': [
    '---',
    'see: channel',
    '---',
    'A channel and a buffered channel. Channels? A Channel!',
    '通道与有缓冲通道。`channel` [[channel]] %% channel %%',
    '```',
    'channel',
    '```',
  ].join('\n'),
  'notes/b.md': 'Only 通道 here.\r\nAnd channel.\r\n',
  'notes/c.md': 'Nothing to link: buffered channel only.\n',
};

test('Link all: every unlinked mention of channel is linked on disk, longest match, display text kept', async () => {
  const v = vault(FILES);
  const service = await createAtlasService({
    vaultRoot: v.root,
    dbPath: path.join(v.tmp, 'index.db'),
    watch: false,
    workers: 0,
  });
  try {
    await service.ready;
    const before = await service.api.mentions('channel.md');
    assert.deepEqual([...new Set(before.map((m) => m.source))].sort(), ['notes/a.md', 'notes/b.md']);
    const r = await service.api.linkMentions('channel.md');
    assert.deepEqual(r, { linked: 5, files: ['notes/a.md', 'notes/b.md'] });
    assert.equal(
      v.read('notes/a.md'),
      [
        '---',
        'see: channel',
        '---',
        'A [[channel]] and a buffered channel. Channels? A [[channel|Channel]]!',
        '[[channel|通道]]与有缓冲通道。`channel` [[channel]] %% channel %%',
        '```',
        'channel',
        '```',
      ].join('\n'),
    );
    assert.equal(v.read('notes/b.md'), 'Only [[channel|通道]] here.\r\nAnd [[channel]].\r\n');
    assert.equal(v.read('notes/c.md'), FILES['notes/c.md']);
    // the index follows: no unlinked mention is left, the links are backlinks now
    assert.deepEqual(await service.api.mentions('channel.md'), []);
    const back = await service.api.backlinks('channel.md');
    assert.equal(back.filter((b) => b.source === 'notes/a.md').length, 4); // three new + the one already there
    // and the longer note's mentions are its own
    const longer = await service.api.mentions('buffered channel.md');
    assert.deepEqual([...new Set(longer.map((m) => m.source))].sort(), ['notes/a.md', 'notes/c.md']);
  } finally {
    await service.close();
    fs.rmSync(v.tmp, { recursive: true, force: true });
  }
});

test('Link: one line only; a line that no longer mentions the note is refused', async () => {
  const v = vault(FILES);
  const service = await createAtlasService({
    vaultRoot: v.root,
    dbPath: path.join(v.tmp, 'index.db'),
    watch: false,
    workers: 0,
  });
  try {
    await service.ready;
    const r = await service.api.linkMentions('buffered channel.md', { source: 'notes/c.md', line: 1 });
    assert.deepEqual(r, { linked: 1, files: ['notes/c.md'] });
    assert.equal(v.read('notes/c.md'), 'Nothing to link: [[buffered channel]] only.\n');
    assert.equal(v.read('notes/a.md'), FILES['notes/a.md']);
    await assert.rejects(
      service.api.linkMentions('buffered channel.md', { source: 'notes/c.md', line: 1 }),
      (e: Error & { code?: string }) => e.code === 'not-found',
    );
  } finally {
    await service.close();
    fs.rmSync(v.tmp, { recursive: true, force: true });
  }
});
