/**
 * Editing: a link typed in the editor is autosaved and shows up as a backlink and a graph edge; an external change
 * to a note with unsaved edits asks the user and overwrites nothing until they choose.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eventually, startApp, waitForGraphEdge, waitForGraphNodes, type AtlasApp, treeItem } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic' });
  await waitForGraphNodes(app.page, 7);
});
after(async () => {
  await app?.close();
});

async function openFromTree(title: string) {
  const { page } = app;
  await (await treeItem(page, title)).click();
  await page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name: title, exact: true, selected: true })
    .waitFor();
}

async function typeAtEnd(text: string) {
  const content = app.page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await content.click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.type(text);
}

test('a typed link is autosaved and updates the target’s backlinks and the graph', async () => {
  const { page } = app;
  await openFromTree('Mutex');
  await typeAtEnd('\nA Mutex often guards a [[select]] loop.');
  const file = path.join(app.vaultDir, 'concepts', 'Mutex.md');
  await eventually(
    () => fs.readFileSync(file, 'utf8').includes('A Mutex often guards a [[select]] loop.'),
    10_000,
    'autosave',
  );

  await waitForGraphEdge(page, 'concepts/Mutex.md', 'concepts/select.md');
  await openFromTree('select');
  await page
    .getByRole('region', { name: 'Backlinks' })
    .getByRole('button', { name: /^Mutex/ })
    .waitFor();
  await app.screenshot('autosave-backlink');
});

test('Chinese link typed through an alias resolves', async () => {
  const { page } = app;
  await openFromTree('学习计划');
  await typeAtEnd('\n最后复习 [[互斥锁]]。');
  const file = path.join(app.vaultDir, '笔记', '学习计划.md');
  await eventually(() => fs.readFileSync(file, 'utf8').includes('最后复习 [[互斥锁]]。'), 10_000, 'autosave');
  await waitForGraphEdge(page, '笔记/学习计划.md', 'concepts/Mutex.md');
});

test('[[ completion offers notes by alias and inserts [[title|alias]], as Obsidian does', async () => {
  const { page } = app;
  await openFromTree('select');
  await typeAtEnd('\n见 [[通');
  const option = page.locator('.cm-tooltip-autocomplete li', { hasText: '通道' });
  await option.waitFor();
  await option.click();
  const file = path.join(app.vaultDir, 'concepts', 'select.md');
  await eventually(() => fs.readFileSync(file, 'utf8').includes('见 [[channel|通道]]'), 10_000, 'autosave');
});

test('an external change under unsaved edits shows the dialog; "Keep my version" saves only then', async () => {
  const { page } = app;
  await openFromTree('process and thread');
  const file = path.join(app.vaultDir, 'concepts', 'process and thread.md');
  const external = '# Process and thread\n\nRewritten by another program.\n';
  await typeAtEnd('\nMY LOCAL EDIT');
  fs.writeFileSync(file, external);

  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /changed on disk/);
  // Well past the autosave delay: still the other program's text.
  await page.waitForTimeout(1500);
  assert.equal(fs.readFileSync(file, 'utf8'), external);
  await app.screenshot('conflict-dialog');

  await dialog.getByRole('button', { name: 'Keep my version' }).click();
  await eventually(() => fs.readFileSync(file, 'utf8').includes('MY LOCAL EDIT'), 10_000, 'my version saved');
  assert.ok(!fs.readFileSync(file, 'utf8').includes('Rewritten by another program'));
  assert.equal(await dialog.count(), 0);
});

test('"Load disk version" drops the edits and keeps the disk file', async () => {
  const { page } = app;
  await openFromTree('select');
  const file = path.join(app.vaultDir, 'concepts', 'select.md');
  const external = '# Select\n\nChanged outside: 外部修改。\n';
  await typeAtEnd('\nEDIT TO DISCARD');
  fs.writeFileSync(file, external);
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Load disk version' }).click();
  const content = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await content.getByText('Changed outside: 外部修改。').waitFor();
  assert.ok(!(await content.innerText()).includes('EDIT TO DISCARD'));
  await page.waitForTimeout(1200);
  assert.equal(fs.readFileSync(file, 'utf8'), external);
});

test('an external change to an open note without edits reloads silently', async () => {
  const { page } = app;
  await openFromTree('goroutine');
  const file = path.join(app.vaultDir, 'concepts', 'goroutine.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + '\n外部追加的一行。\n');
  await page.getByRole('region', { name: 'Editor' }).locator('.cm-content').getByText('外部追加的一行。').waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0);
});

test('"Link" on an unlinked mention turns the Chinese alias into a wiki link', async () => {
  const { page } = app;
  await openFromTree('goroutine');
  const pane = page.getByRole('region', { name: 'Unlinked mentions' });
  await pane.getByRole('button', { name: 'Link mention in 调度器 line 8' }).click();
  const file = path.join(app.vaultDir, '笔记', '调度器.md');
  await eventually(
    () => fs.readFileSync(file, 'utf8').includes('调度器使用 channel 唤醒等待的[[goroutine|协程]]。'),
    10_000,
    'mention linked',
  );
  // The linked line is no longer an unlinked mention; the note is now a backlink.
  await pane.getByRole('button', { name: 'Link mention in 调度器 line 8' }).waitFor({ state: 'detached' });
  await page
    .getByRole('region', { name: 'Backlinks' })
    .getByRole('button', { name: /唤醒等待的\[\[goroutine\|协程\]\]/ })
    .waitFor();
});

test('Ctrl-click on a wiki link opens its target; on an unresolved link creates the note', async () => {
  const { page } = app;
  await openFromTree('channel');
  const content = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  // Live Preview shows the alias of `[[goroutine|goroutines]]` off the cursor line
  await content.locator('.cm-wikilink', { hasText: 'goroutines' }).click({ modifiers: ['Control'] });
  await page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name: 'goroutine', exact: true, selected: true })
    .waitFor();

  await openFromTree('channel');
  // CodeMirror may redraw the line between Playwright locating the link and the click landing (a save or a
  // re-index on a loaded machine), so the Ctrl-click is retried until the new note's tab is open.
  const newTab = page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name: '不存在的笔记', exact: true, selected: true });
  await eventually(
    async () => {
      await content.locator('.cm-wikilink', { hasText: '不存在的笔记' }).click({ modifiers: ['Control'] });
      return newTab.waitFor({ timeout: 5000 }).then(() => true);
    },
    30_000,
    'the new note opened from an unresolved link',
  );
  assert.ok(fs.existsSync(path.join(app.vaultDir, '不存在的笔记.md')));
  // The link now resolves: the graph's unresolved node gives way to the note.
  await waitForGraphEdge(page, 'concepts/channel.md', '不存在的笔记.md');
});

test('"Link all" links every unlinked mention of the note on disk, keeping the sentence as written', async () => {
  const { page } = app;
  await openFromTree('channel');
  const pane = page.getByRole('region', { name: 'Unlinked mentions' });
  await pane.getByRole('button', { name: 'Link mention in 调度器 line 8' }).waitFor();
  await pane.getByRole('button', { name: 'Link all' }).click();
  const file = path.join(app.vaultDir, '笔记', '调度器.md');
  await eventually(
    () => fs.readFileSync(file, 'utf8').includes('调度器使用 [[channel]] 唤醒等待的'),
    10_000,
    'mentions linked',
  );
  await pane.getByText('No unlinked mentions.').waitFor();
  // the rest of the note is as it was
  assert.match(fs.readFileSync(file, 'utf8'), /Go 调度器把 \[\[协程\]\] 分配到线程上运行。/);
});
