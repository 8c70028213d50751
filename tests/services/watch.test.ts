/** Files written by another program are picked up by the watcher, re-indexed, and reported as `vault-changed`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openService } from './helpers.ts';

/**
 * Resolves on the first `vault-changed` for which `match` holds. `poke` performs the external change; it is
 * repeated every second because chokidar may still be walking the vault when the first one happens.
 */
function changeAndWait(
  on: (listener: (e: { changed: string[]; deleted: string[] }) => void) => () => void,
  match: (e: { changed: string[]; deleted: string[] }) => boolean,
  poke: () => void,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      clearInterval(again);
      clearTimeout(timer);
      off();
      if (err) reject(err);
      else resolve();
    };
    const off = on((e) => {
      if (match(e)) done();
    });
    const again = setInterval(poke, 1000);
    const timer = setTimeout(() => done(new Error(`no vault-changed for ${what}`)), 20_000);
    poke();
  });
}

test('a note written by another program is indexed and emits vault-changed', async () => {
  const ctx = await openService({ watch: true });
  try {
    const on = (l: (e: { changed: string[]; deleted: string[] }) => void) => ctx.service.events.on('vault-changed', l);
    const file = path.join(ctx.vault.root, '外部/外部笔记.md');
    fs.mkdirSync(path.dirname(file));
    await changeAndWait(
      on,
      (e) => e.changed.includes('外部/外部笔记.md'),
      () => fs.writeFileSync(file, '# 外部笔记\n\n链接到 [[通道]]。\n'),
      'a new note',
    );
    const back = await ctx.service.api.backlinks('concurrency/通道.md');
    assert.ok(
      back.some((b) => b.source === '外部/外部笔记.md'),
      JSON.stringify(back),
    );

    await changeAndWait(
      on,
      (e) => e.deleted.includes('外部/外部笔记.md'),
      () => fs.rmSync(file, { force: true }),
      'a deletion',
    );
    assert.ok(!(await ctx.service.api.listFiles()).some((f) => f.path === '外部/外部笔记.md'));
  } finally {
    await ctx.close();
  }
});
