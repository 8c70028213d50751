/**
 * The service in its own thread (used by the browser host and the Electron main process): calls, errors and events
 * cross the thread boundary with the same shapes as in-process, and a missing vault fails clearly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/services/dispatch.ts';
import { startAtlasServiceThread } from '../../electron/services/service-thread.ts';
import { AtlasError } from '../../electron/services/errors.ts';
import { tempVault } from './helpers.ts';

test('calls, errors and events cross the service thread', async () => {
  const vault = tempVault();
  const service = await startAtlasServiceThread({ vaultRoot: vault.root, dbPath: vault.dbPath, watch: false });
  try {
    await service.ready;
    const info = await dispatch(service.api, 'vaultInfo', []);
    assert.ok(info.ok && (info.result as { noteCount: number }).noteCount > 0);
    const outside = await dispatch(service.api, 'readNote', ['../outside.md']);
    assert.equal(outside.ok, false);
    assert.equal(!outside.ok && outside.error.code, 'outside-vault');
    const missing = await dispatch(service.api, 'readNote', ['no such note.md']);
    assert.equal(!missing.ok && missing.error.code, 'not-found');

    const changed = new Promise<string[]>((resolve) => service.events.on('vault-changed', (e) => resolve(e.changed)));
    const created = await dispatch(service.api, 'createNote', ['线程里的笔记.md', '# 线程\n\n[[不存在]]\n']);
    assert.ok(created.ok);
    assert.ok((await changed).includes('线程里的笔记.md'));
    assert.ok(fs.existsSync(path.join(vault.root, '线程里的笔记.md')));
    const search = await dispatch(service.api, 'search', ['线程']);
    assert.ok(search.ok && (search.result as { path: string }[]).some((h) => h.path === '线程里的笔记.md'));
  } finally {
    await service.close();
    vault.cleanup();
  }
});

test('a missing vault rejects with not-found and leaves no thread running', async () => {
  const vault = tempVault();
  try {
    await assert.rejects(
      startAtlasServiceThread({ vaultRoot: path.join(vault.tmp, 'nope'), dbPath: vault.dbPath }),
      (e: unknown) => e instanceof AtlasError && e.code === 'not-found',
    );
  } finally {
    vault.cleanup();
  }
});
