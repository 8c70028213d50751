/**
 * Rule 4 of link resolution (ours, beyond Obsidian): a link may resolve through a note's alias; an alias shared by
 * two or more notes resolves to none of them and is reported as ambiguous; an option turns alias resolution off
 * (links then resolve exactly as in Obsidian), at open, at run time, and across a warm restart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createAtlasService } from '../../../electron/services/atlas-service.ts';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

function fill(root: string): void {
  writeVault(root, 'channel.md', '---\naliases: [通道, pipe]\n---\n# channel\n');
  writeVault(root, 'pipe.md', '# a file named pipe wins over the alias\n');
  writeVault(root, 'queue.md', '---\naliases: [缓冲]\n---\n');
  writeVault(root, 'buffer.md', '---\naliases: [缓冲]\n---\n');
  writeVault(root, 'user.md', 'See [[通道]], [[缓冲]], [[pipe]] and [[channel]].\n');
}

test('an alias of one note resolves to it; a shared alias to none, reported as ambiguous', async () => {
  const { root, db, work } = tempVault();
  fill(root);
  const index = await openIndex(root, db);
  try {
    await index.sync();
    const q = queryOf(index);
    assert.deepEqual(
      q.outgoing('user.md').map((l) => [l.raw, l.target, l.resolvedBy]),
      [
        ['[[通道]]', 'channel.md', 'alias'],
        ['[[缓冲]]', null, null],
        ['[[pipe]]', 'pipe.md', 'path'],
        ['[[channel]]', 'channel.md', 'path'],
      ],
    );
    const report = q.indexReport();
    assert.deepEqual(
      report.ambiguous.map((a) => [a.raw, a.chosen, a.candidates]),
      [['[[缓冲]]', null, ['queue.md', 'buffer.md']]],
    );
    assert.deepEqual(report.unresolved, []);
    assert.equal(q.resolveLink('user.md', '缓冲'), null);
    assert.equal(q.resolveLink('user.md', '[[通道|x]]'), 'channel.md');
    // dropping the alias from one of the two makes it unique again
    writeVault(root, 'buffer.md', '# no alias now\n');
    await index.update(['buffer.md']);
    assert.equal(q.outgoing('user.md')[1].target, 'queue.md');
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('alias resolution off: at open, switched at run time, and after a warm restart', async () => {
  const { root, db, work } = tempVault();
  fill(root);
  let index = await openIndex(root, db, { aliasResolution: false });
  try {
    await index.sync();
    assert.equal(index.aliasResolution, false);
    const targets = () =>
      queryOf(index)
        .outgoing('user.md')
        .map((l) => l.target);
    assert.deepEqual(targets(), [null, null, 'pipe.md', 'channel.md']);
    assert.deepEqual(queryOf(index).indexReport().ambiguous, [], 'no alias, no ambiguity');
    assert.deepEqual(await index.setAliasResolution(true), ['user.md']);
    assert.deepEqual(targets(), ['channel.md', null, 'pipe.md', 'channel.md']);
    assert.deepEqual(await index.setAliasResolution(false), ['user.md']);
    assert.deepEqual(targets(), [null, null, 'pipe.md', 'channel.md']);
    index.close();
    // the database was left with the option off; a warm start with it on re-resolves
    index = await openIndex(root, db, { aliasResolution: true });
    assert.equal((await index.sync()).mode, 'warm');
    assert.deepEqual(targets(), ['channel.md', null, 'pipe.md', 'channel.md']);
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('service: setAliasResolution re-resolves and reports the notes it changed', async () => {
  const { root, db, work } = tempVault();
  fill(root);
  const service = await createAtlasService({ vaultRoot: root, dbPath: db, watch: false, workers: 0 });
  try {
    await service.ready;
    assert.equal(await service.api.aliasResolution(), true);
    const events: string[][] = [];
    service.events.on('vault-changed', (e) => events.push(e.changed));
    await service.api.setAliasResolution(false);
    assert.equal(await service.api.aliasResolution(), false);
    assert.equal(await service.api.resolveLink('user.md', '通道'), null);
    assert.deepEqual(events, [['user.md']]);
    assert.deepEqual(
      (await service.api.backlinks('channel.md')).map((b) => b.source),
      ['user.md'],
    );
  } finally {
    await service.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
