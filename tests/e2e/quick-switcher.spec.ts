/**
 * Quick switcher (Ctrl/Cmd+O), a dialog named "Quick switcher": fuzzy over titles, aliases and paths (typos such as
 * `gorutine`, `chanel`; Chinese aliases; pinyin initials), matched characters marked, recent notes first; Enter
 * opens, Ctrl+Enter opens in a new tab, Shift+Enter creates a note with the typed name. A vault of up to 16,000
 * notes is searched on the UI thread, each key answered in its own task (so in its own frame); larger vaults, and
 * queries typed while that thread's targets are being built, in a worker.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eventually, startApp, waitForGraphNodes, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic' });
  await waitForGraphNodes(app.page, 7);
});
after(async () => {
  await app?.close();
});

const editor = () => app.page.getByRole('region', { name: 'Editor' });
async function openSwitcher() {
  await app.page.keyboard.press('Control+o');
  const dialog = app.page.getByRole('dialog', { name: 'Quick switcher' });
  await dialog.waitFor();
  return dialog;
}
/** Types `query`, waits for the options that answer it (the search runs in a worker), returns the first. */
async function firstOption(dialog: ReturnType<typeof app.page.getByRole>, query: string) {
  await dialog.getByRole('combobox').fill(query);
  await dialog.locator(`[role=listbox][data-query="${query}"]:not([aria-busy])`).waitFor();
  return dialog.getByRole('option').first();
}

test('typos find the note (fuzzy); Enter opens it with the matched characters marked', async () => {
  const dialog = await openSwitcher();
  const first = await firstOption(dialog, 'gorutine');
  await dialog.getByRole('option', { name: 'goroutine', exact: true }).waitFor();
  assert.equal(await first.getAttribute('aria-label'), 'goroutine');
  assert.ok((await first.locator('mark').count()) > 0, 'matched characters marked');
  await app.page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await editor().getByRole('tab', { name: 'goroutine', exact: true, selected: true }).waitFor();

  const d2 = await openSwitcher();
  const f2 = await firstOption(d2, 'chanel');
  await d2.getByRole('option', { name: 'channel', exact: true }).waitFor();
  assert.equal(await f2.getAttribute('aria-label'), 'channel');
  await app.page.keyboard.press('Escape');
  await d2.waitFor({ state: 'detached' });
});

test('Chinese: an alias and pinyin initials find the note; Ctrl+Enter opens it in a new tab', async () => {
  const before = await editor().getByRole('tab').count();
  const dialog = await openSwitcher();
  await firstOption(dialog, '通道');
  await dialog.getByRole('option', { name: '通道 → channel' }).waitFor();
  // 调度器 by its pinyin initials d-d-q
  await firstOption(dialog, 'ddq');
  const hit = dialog.getByRole('option', { name: '调度器', exact: true });
  await hit.waitFor();
  assert.equal(await dialog.getByRole('option').first().getAttribute('aria-label'), '调度器');
  await app.page.keyboard.press('Control+Enter');
  await editor().getByRole('tab', { name: '调度器', exact: true, selected: true }).waitFor();
  assert.equal(await editor().getByRole('tab').count(), before + 1);
});

test('recent notes come first on an empty query', async () => {
  const dialog = await openSwitcher();
  const options = dialog.getByRole('option');
  await options.first().waitFor();
  assert.deepEqual(await options.evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('aria-label'))), [
    '调度器',
    'goroutine',
  ]);
  await app.page.keyboard.press('Escape');
});

test('Shift+Enter creates a note with the typed name', async () => {
  const dialog = await openSwitcher();
  await firstOption(dialog, '新的想法 idea');
  await app.page.keyboard.press('Shift+Enter');
  await editor().getByRole('tab', { name: '新的想法 idea', exact: true, selected: true }).waitFor();
  await eventually(() => fs.existsSync(path.join(app.vaultDir, '新的想法 idea.md')), 10_000, 'created file');
});

/** Types `query` into the open switcher's field and reads the list after microtasks only (no task, no frame). */
const answerNow = (query: string) =>
  app.page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('[role=dialog][aria-label="Quick switcher"] input')!;
    const list = document.querySelector('[role=dialog][aria-label="Quick switcher"] [role=listbox]')!;
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    set.call(input, q);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // microtasks only: a worker's answer is a task of its own and cannot arrive here
    for (let i = 0; i < 5; i++) await Promise.resolve();
    return {
      query: list.getAttribute('data-query'),
      busy: list.getAttribute('aria-busy'),
      first: list.querySelector('[role=option]')?.getAttribute('aria-label'),
    };
  }, query);

test('a small vault is searched on the UI thread: every key is answered in its own task, before any frame', async () => {
  const dialog = await openSwitcher();
  // A note created by an earlier test reaches the note list when the index has it; the UI thread's targets of that
  // new list are built at idle (meanwhile the worker answers), so wait until a query is answered in its own task.
  if (fs.existsSync(path.join(app.vaultDir, '新的想法 idea.md'))) {
    await firstOption(dialog, '新的想法 idea');
    await dialog.getByRole('option', { name: '新的想法 idea', exact: true }).waitFor();
  }
  await eventually(
    async () => (await answerNow('')) && (await answerNow('gor')).query === 'gor',
    15_000,
    'a query answered in its own task',
  );
  // a first query, one extending it, and one that does not (a deleted character): each answered at once
  assert.deepEqual(await answerNow('gor'), { query: 'gor', busy: null, first: 'goroutine' });
  assert.deepEqual(await answerNow('goro'), { query: 'goro', busy: null, first: 'goroutine' });
  assert.deepEqual(await answerNow('chann'), { query: 'chann', busy: null, first: 'channel' });
  assert.deepEqual(await answerNow('chan'), { query: 'chan', busy: null, first: 'chan → channel' });
  await app.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('the search ran in its worker (it loaded: no fallback to the UI thread)', async () => {
  assert.ok(
    app.page.workers().some((w) => w.url().includes('search-worker')),
    `workers: ${app.page.workers().map((w) => w.url())}`,
  );
  assert.deepEqual(
    app.pageErrors.filter((e) => e.includes('note-search worker')),
    [],
  );
});
