/**
 * Files: renaming in the tree rewrites links on disk; a file written by another program appears in the tree and the
 * graph; paths outside the vault are refused by the API and reported in the UI.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  callApiFromPage,
  eventually,
  startApp,
  waitForGraphEdge,
  waitForGraphNodes,
  treeItem,
  type AtlasApp,
} from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic' });
  await waitForGraphNodes(app.page, 7);
});
after(async () => {
  await app?.close();
});

test('renaming a note in the tree rewrites the links to it on disk', async () => {
  const { page } = app;
  const tree = page.getByRole('region', { name: 'File tree' });
  // F2 renames the focused row in place (VS Code, Obsidian).
  await (await treeItem(page, 'channel', 'concepts')).click();
  await page.keyboard.press('F2');
  const input = tree.getByRole('treeitem').getByRole('textbox', { name: 'New name' });
  assert.equal(await input.inputValue(), 'channel');
  await input.fill('Go channel');
  await input.press('Enter');

  const dir = path.join(app.vaultDir, 'concepts');
  await eventually(() => fs.existsSync(path.join(dir, 'Go channel.md')), 10_000, 'renamed file');
  assert.ok(!fs.existsSync(path.join(dir, 'channel.md')));
  // The file moves first, then the backend rewrites the links; wait for the rewrite, then check it exactly.
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  await eventually(
    () => read('goroutine.md').includes('[[Go channel]]') && read('select.md').includes('[[Go channel]]'),
    10_000,
    'links rewritten',
  );
  assert.doesNotMatch(read('goroutine.md'), /\[\[channel\]\]/);
  assert.match(read('select.md'), /- "\[\[Go channel\]\]"/, 'the prerequisite property link is rewritten too');
  assert.match(read('select.md'), /waits on several \[\[Go channel\]\] operations/);

  await tree.getByRole('treeitem', { name: 'Go channel', exact: true }).waitFor();
  await page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'Go channel', exact: true }).waitFor();
  await waitForGraphEdge(page, 'concepts/goroutine.md', 'concepts/Go channel.md');
  await app.screenshot('after-rename');
});

test('a file written by another program appears in the tree and the graph', async () => {
  const { page } = app;
  fs.writeFileSync(
    path.join(app.vaultDir, '笔记', '外部笔记.md'),
    '# 外部笔记\n\n由其他程序写入，链接到 [[goroutine]]。\n',
  );
  await treeItem(page, '外部笔记', '笔记');
  await waitForGraphEdge(page, '笔记/外部笔记.md', 'concepts/goroutine.md');
});

test('the API refuses a path outside the vault', async () => {
  fs.writeFileSync(path.join(app.vaultDir, '..', 'outside.md'), 'secret');
  const r = await callApiFromPage(app.page, app.token, 'readNote', ['../outside.md']);
  const body = r.body as { ok: boolean; error?: { code: string } };
  assert.equal(body.ok, false);
  assert.equal(body.error?.code, 'outside-vault');
  assert.equal(r.status, 403);
});

test('creating a note named ../x shows an alert and writes nothing', async () => {
  const { page } = app;
  const tree = page.getByRole('region', { name: 'File tree' });
  await tree.getByRole('button', { name: 'New note' }).click();
  const input = tree.getByRole('textbox', { name: 'Name' });
  await input.fill('../x');
  await input.press('Enter');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /outside/i);
  assert.ok(!fs.existsSync(path.join(app.vaultDir, '..', 'x.md')));
  await app.screenshot('outside-vault-alert');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);
});

test('a new note created from the tree opens in the editor', async () => {
  const { page } = app;
  const tree = page.getByRole('region', { name: 'File tree' });
  const form = tree.getByRole('textbox', { name: 'Name' });
  if (!(await form.count())) await tree.getByRole('button', { name: 'New note' }).click();
  await form.fill('新建笔记');
  await form.press('Enter');
  await page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name: '新建笔记', exact: true, selected: true })
    .waitFor();
  await tree.getByRole('treeitem', { name: '新建笔记', exact: true }).waitFor();
  // The keyboard focus is in the new note's editor: typing goes straight into it (and is autosaved).
  await page.waitForFunction(() => document.activeElement?.closest('.cm-editor') != null, undefined, {
    timeout: 10_000,
  });
  await page.keyboard.type('第一行 typed at once');
  // The note goes into the selected note's folder; the tab's title is its vault path.
  const rel = await page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name: '新建笔记', exact: true })
    .getAttribute('title');
  assert.match(rel ?? '', /新建笔记\.md$/);
  await eventually(
    () => fs.readFileSync(path.join(app.vaultDir, rel!), 'utf8').includes('第一行 typed at once'),
    10_000,
    'typed text saved',
  );
});

test('dragging a note onto a folder moves it there', async () => {
  const { page } = app;
  const tree = page.getByRole('region', { name: 'File tree' });
  await (await treeItem(page, '学习计划', '笔记')).dragTo(
    tree.getByRole('treeitem', { name: 'concepts', exact: true }),
  );
  await eventually(() => fs.existsSync(path.join(app.vaultDir, 'concepts', '学习计划.md')), 10_000, 'moved file');
  assert.ok(!fs.existsSync(path.join(app.vaultDir, '笔记', '学习计划.md')));
  await page.waitForFunction(() => window.__atlasGraph!.getElementById('concepts/学习计划.md').nonempty());
});

test('deleting the open note from the tree moves it to .trash and shows another open tab', async () => {
  const { page } = app;
  const tree = page.getByRole('region', { name: 'File tree' });
  const editor = page.getByRole('region', { name: 'Editor' });
  // Another note in a second tab (Ctrl-click opens a new tab, as in Obsidian), so a tab is left when this one goes.
  await (await treeItem(page, 'goroutine', 'concepts')).click({ modifiers: ['Control'] });
  await editor.getByRole('tab', { name: 'goroutine', exact: true, selected: true }).waitFor();
  await tree.getByRole('treeitem', { name: '新建笔记', exact: true }).click();
  const tab = editor.getByRole('tab', { name: '新建笔记', exact: true, selected: true });
  await tab.waitFor();
  const rel = (await tab.getAttribute('title'))!;
  // The Delete key on the focused row asks first, naming the note and its backlinks; Cancel has the focus.
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete “新建笔记”?' });
  await confirm.getByText('No other note links to it.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await eventually(() => !fs.existsSync(path.join(app.vaultDir, rel)), 10_000, 'file gone');
  const trash = path.join(app.vaultDir, '.trash');
  assert.ok(
    fs.existsSync(trash) &&
      (fs.readdirSync(trash, { recursive: true }) as string[]).some((f) => f.endsWith('新建笔记.md')),
    'in .trash',
  );
  await tree.getByRole('treeitem', { name: '新建笔记', exact: true }).waitFor({ state: 'detached' });
  // Like closing the tab: another open tab becomes active (not an empty editor); the keyboard stays in the tree.
  assert.equal(await editor.getByRole('tab', { name: '新建笔记', exact: true }).count(), 0);
  await editor.getByRole('tab', { selected: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'treeitem');
});

test('an image opened from the tree is shown in its tab, as Obsidian shows it, not as a note that cannot load', async () => {
  const { page } = app;
  fs.mkdirSync(path.join(app.vaultDir, 'Attachments'), { recursive: true });
  fs.copyFileSync(
    path.join(import.meta.dirname, '..', 'fixtures', 'e2e-render', 'media', 'pic.png'),
    path.join(app.vaultDir, 'Attachments', 'pic.png'),
  );
  await (await treeItem(page, 'pic.png', 'Attachments')).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'pic.png', selected: true }).waitFor();
  const img = editor.getByRole('figure', { name: 'pic.png' }).getByRole('img');
  await eventually(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth > 0), 10_000, 'the image loaded');
  assert.equal(await editor.getByText(/Cannot open/).count(), 0);
  assert.equal(await page.getByText(/Not a note/).count(), 0, 'no error reported');
  // no Editing/Reading toggle for a file that is not a note
  assert.equal(await editor.getByRole('button', { name: 'Reading view', exact: true }).count(), 0);
});
