/**
 * The binding shared by IPC and the browser host: `dispatch` validates arguments with the schema table, confines
 * paths to the vault, and returns errors as `{ code, message }` without stacks.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { API_METHODS } from '../../electron/shared/api-methods.ts';
import { dispatch, type DispatchResult } from '../../electron/services/dispatch.ts';
import { API_SCHEMAS } from '../../electron/services/schemas.ts';
import { openService } from './helpers.ts';

let ctx: Awaited<ReturnType<typeof openService>>;
before(async () => {
  ctx = await openService();
});
after(async () => {
  await ctx.close();
});

function assertError(r: DispatchResult, code: string): void {
  assert.equal(r.ok, false, `expected ${code}, got ${JSON.stringify(r)}`);
  if (r.ok) return;
  assert.deepEqual(Object.keys(r.error).sort(), ['code', 'message']);
  assert.equal(r.error.code, code, r.error.message);
  assert.equal(typeof r.error.message, 'string');
  assert.ok(r.error.message.length > 0);
  assert.doesNotMatch(r.error.message, /\n\s+at /, 'no stack trace');
}

test('every API method has an argument schema, and no schema is extra', () => {
  assert.deepEqual(Object.keys(API_SCHEMAS).sort(), [...API_METHODS].sort());
});

test('wrong types, missing and extra arguments are invalid-argument', async () => {
  const api = ctx.service.api;
  assertError(await dispatch(api, 'readNote', [42]), 'invalid-argument');
  assertError(await dispatch(api, 'readNote', []), 'invalid-argument');
  assertError(await dispatch(api, 'readNote', ['a.md', 'extra']), 'invalid-argument');
  assertError(await dispatch(api, 'readNote', 'notes/ref.md'), 'invalid-argument');
  assertError(await dispatch(api, 'writeNote', ['notes/ref.md']), 'invalid-argument');
  assertError(await dispatch(api, 'writeNote', ['notes/ref.md', 'x', 'not-a-hash']), 'invalid-argument');
  assertError(await dispatch(api, 'neighbourhood', ['notes/ref.md', 1.5]), 'invalid-argument');
  assertError(await dispatch(api, 'setProgress', ['notes/ref.md', 'done']), 'invalid-argument');
  assertError(await dispatch(api, 'graph', [{ tag: 3 }]), 'invalid-argument');
  assertError(await dispatch(api, 'graph', [{ unknownKey: true }]), 'invalid-argument');
  assertError(await dispatch(api, 'graphDelta', ['3']), 'invalid-argument');
  assertError(await dispatch(api, 'graphDelta', [-1]), 'invalid-argument');
});

test('unknown methods are refused without calling anything', async () => {
  assertError(await dispatch(ctx.service.api, 'constructor', []), 'not-found');
  assertError(await dispatch(ctx.service.api, '__proto__', []), 'not-found');
  assertError(await dispatch(ctx.service.api, 'deleteEverything', []), 'not-found');
});

test('valid calls succeed; null stands for an omitted optional argument (JSON)', async () => {
  const r = await dispatch(ctx.service.api, 'readNote', ['notes/ref.md']);
  assert.equal(r.ok, true);
  if (r.ok) assert.match((r.result as { content: string }).content, /Markdown link/);
  const g = await dispatch(ctx.service.api, 'graph', [null]);
  assert.equal(g.ok, true, JSON.stringify(g));
  const d = await dispatch(ctx.service.api, 'graphDelta', [null, null]);
  assert.equal(d.ok && (d.result as { kind: string }).kind, 'full', JSON.stringify(d).slice(0, 200));
  const w = await dispatch(ctx.service.api, 'writeNote', ['notes/new.md', 'hello', null]);
  assert.equal(w.ok, true, JSON.stringify(w));
  const v = await dispatch(ctx.service.api, 'createFolder', ['empty-folder']);
  assert.deepEqual(v, { ok: true, result: null });
});

test('paths outside the vault are refused with outside-vault', async () => {
  const api = ctx.service.api;
  for (const p of [
    '../x.md',
    '/etc/passwd',
    'a/../../x.md',
    '..',
    'notes/../../x.md',
    'C:/Windows/x.md',
    'a\\..\\x.md',
    'a\0.md',
  ]) {
    assertError(await dispatch(api, 'readNote', [p]), 'outside-vault');
    assertError(await dispatch(api, 'writeNote', [p, 'x']), 'outside-vault');
  }
  assertError(await dispatch(api, 'renamePath', ['notes/ref.md', '../ref.md']), 'outside-vault');
  assertError(await dispatch(api, 'deletePath', ['../']), 'outside-vault');
  assertError(await dispatch(api, 'backlinks', ['/etc/passwd']), 'outside-vault');
  assertError(await dispatch(api, 'plan', ['../../etc/passwd']), 'outside-vault');
  assert.equal(fs.existsSync(path.join(ctx.vault.tmp, 'x.md')), false);
});

test('a symlink inside the vault that points outside is refused', async () => {
  const outsideDir = path.join(ctx.vault.tmp, 'outside');
  fs.mkdirSync(outsideDir);
  fs.writeFileSync(path.join(outsideDir, 'secret.md'), 'secret');
  fs.symlinkSync(outsideDir, path.join(ctx.vault.root, 'link-dir'));
  fs.symlinkSync(path.join(outsideDir, 'secret.md'), path.join(ctx.vault.root, 'link-note.md'));
  const api = ctx.service.api;
  assertError(await dispatch(api, 'readNote', ['link-dir/secret.md']), 'outside-vault');
  assertError(await dispatch(api, 'readNote', ['link-note.md']), 'outside-vault');
  assertError(await dispatch(api, 'writeNote', ['link-dir/secret.md', 'pwned']), 'outside-vault');
  assertError(await dispatch(api, 'writeNote', ['link-note.md', 'pwned']), 'outside-vault');
  assertError(await dispatch(api, 'createNote', ['link-dir/new.md']), 'outside-vault');
  assert.equal(fs.readFileSync(path.join(outsideDir, 'secret.md'), 'utf8'), 'secret');
  assert.equal(fs.existsSync(path.join(outsideDir, 'new.md')), false);
});

test('writes into .atlas, .git and .obsidian are refused', async () => {
  for (const p of ['.git/config.md', '.obsidian/app.md', '.atlas/progress.md']) {
    assertError(await dispatch(ctx.service.api, 'writeNote', [p, 'x']), 'invalid-argument');
    assertError(await dispatch(ctx.service.api, 'createNote', [p]), 'invalid-argument');
  }
  assertError(await dispatch(ctx.service.api, 'renamePath', ['notes/ref.md', '.git/ref.md']), 'invalid-argument');
  assert.equal(fs.existsSync(path.join(ctx.vault.root, '.git')), false);
});

test('errors from the engine and the file system keep the { code, message } shape', async () => {
  assertError(await dispatch(ctx.service.api, 'readNote', ['missing.md']), 'not-found');
  assert.deepEqual(await dispatch(ctx.service.api, 'noteInfo', ['missing.md']), { ok: true, result: null });
  assertError(await dispatch(ctx.service.api, 'createNote', ['notes/ref.md']), 'exists');
  const r = await dispatch(ctx.service.api, 'readNote', ['missing.md']);
  if (!r.ok) assert.doesNotMatch(r.error.message, new RegExp(ctx.vault.tmp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});

test('learning methods: check merges the prerequisite report; setProgress emits progress-changed', async () => {
  const api = ctx.service.api;
  const report = await api.check();
  assert.ok(Array.isArray(report.cycles) && Array.isArray(report.missingPrerequisites));
  assert.ok(Array.isArray(report.unresolved));
  const seen: Record<string, string>[] = [];
  const off = ctx.service.events.on('progress-changed', (p) => seen.push(p));
  assert.deepEqual(await dispatch(api, 'setProgress', ['concurrency/通道.md', 'learned']), { ok: true, result: null });
  off();
  assert.deepEqual(seen, [{ 'concurrency/通道.md': 'learned' }]);
  assert.deepEqual(await api.progress(), { 'concurrency/通道.md': 'learned' });
  const plan = await dispatch(api, 'plan', ['goroutine', null]);
  assert.equal(plan.ok, true, JSON.stringify(plan));
  assertError(await dispatch(api, 'plan', ['没有这个笔记']), 'not-found');
});
