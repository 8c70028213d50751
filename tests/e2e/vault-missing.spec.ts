/**
 * The vault folder renamed while the app runs (issue 10, item 5), in Chromium through the browser host: the
 * "Vault folder missing" banner appears, an edit is not saved anywhere (the old folder is not recreated, the moved one
 * is untouched) and stays in the editor, the file tree still shows the last index; when the folder is renamed back
 * the banner goes and the edit is saved by itself.
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
  // the harness removes the vault folder it made: put it back if a failed test left it moved
  const moved = `${app?.vaultDir}-moved`;
  if (app && fs.existsSync(moved) && !fs.existsSync(app.vaultDir)) fs.renameSync(moved, app.vaultDir);
  await app?.close();
});

test('vault folder renamed: banner, nothing saved or recreated, edits kept; renamed back: banner gone, saved by itself', async () => {
  const { page } = app;
  const moved = `${app.vaultDir}-moved`;
  const tree = page.getByRole('region', { name: 'File tree' });
  await tree.getByRole('treeitem', { name: 'Mutex', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'Mutex', exact: true, selected: true }).waitFor();
  const banner = page.getByRole('alert', { name: 'Vault folder missing' });
  assert.equal(await banner.count(), 0);

  fs.renameSync(app.vaultDir, moved);
  await banner.waitFor();
  assert.match((await banner.textContent()) ?? '', /no longer in .*Notes cannot be saved/);
  const before = fs.readFileSync(path.join(moved, 'concepts', 'Mutex.md'), 'utf8');

  const content = editor.locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nWritten while the vault was away.');
  await page.keyboard.press('Control+s');
  // the save is refused with the reason, shown as an alert; the text stays in the editor
  await page.getByRole('alert').filter({ hasText: 'Nothing was saved' }).first().waitFor();
  await content.getByText('Written while the vault was away.').waitFor();
  assert.equal(fs.existsSync(app.vaultDir), false, 'the old vault folder was recreated');
  assert.equal(fs.readFileSync(path.join(moved, 'concepts', 'Mutex.md'), 'utf8'), before);
  // the last index is still shown
  await tree.getByRole('treeitem', { name: 'goroutine', exact: true }).waitFor();

  fs.renameSync(moved, app.vaultDir);
  await banner.waitFor({ state: 'detached' });
  // saved by itself once the folder is back (no key pressed)
  const file = path.join(app.vaultDir, 'concepts', 'Mutex.md');
  await eventually(
    () => fs.readFileSync(file, 'utf8').includes('Written while the vault was away.'),
    10_000,
    'the edit saved by itself after the folder came back',
  );
});
