/** The index database goes to the platform's per-user cache folder (env-paths), not `~/.cache` everywhere. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { cacheDir, defaultDbPath } from '../../../electron/core/index/db-path.ts';

function onPlatform<T>(platform: NodeJS.Platform, fn: () => T): T {
  const saved = Object.getOwnPropertyDescriptor(process, 'platform') as PropertyDescriptor;
  Object.defineProperty(process, 'platform', { value: platform });
  try {
    return fn();
  } finally {
    Object.defineProperty(process, 'platform', saved);
  }
}

test('macOS: ~/Library/Caches/concept-atlas; Windows: %LOCALAPPDATA%\\concept-atlas\\Cache; Linux: XDG', () => {
  assert.equal(onPlatform('darwin', cacheDir), path.join(os.homedir(), 'Library', 'Caches', 'concept-atlas'));
  const savedLocal = process.env.LOCALAPPDATA;
  process.env.LOCALAPPDATA = path.join(os.tmpdir(), 'Local AppData');
  try {
    assert.equal(onPlatform('win32', cacheDir), path.join(os.tmpdir(), 'Local AppData', 'concept-atlas', 'Cache'));
  } finally {
    if (savedLocal === undefined) delete process.env.LOCALAPPDATA;
    else process.env.LOCALAPPDATA = savedLocal;
  }
  const savedXdg = process.env.XDG_CACHE_HOME;
  delete process.env.XDG_CACHE_HOME;
  try {
    assert.equal(onPlatform('linux', cacheDir), path.join(os.homedir(), '.cache', 'concept-atlas'));
  } finally {
    if (savedXdg !== undefined) process.env.XDG_CACHE_HOME = savedXdg;
  }
});

test('the database file is the sha256 of the vault path, inside the cache folder', () => {
  const p = onPlatform('darwin', () => defaultDbPath('/some/vault'));
  assert.match(p, /Library\/Caches\/concept-atlas\/[0-9a-f]{64}\.db$/);
  assert.equal(
    onPlatform('darwin', () => defaultDbPath('/some/vault/')),
    p,
  );
});
