/**
 * "Open vault…" with two windows on one browser host (#12): the other window's unsaved edits are never lost nor
 * written into the new vault. The host asks every window first: a window that cannot save (an open conflict) makes
 * the switch refuse, naming it and its note, and both windows go on with the vault open; otherwise the other window
 * saves its edit to the OLD vault, then both reload onto the new one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { callApiFromPage, eventually, openNote, REPO_ROOT, startApp, type AtlasApp } from './harness.ts';
import { tempDir } from '../support/temp-dir.ts';

let app: AtlasApp;
let second: Page;
let other: string;
let otherTmp: string;
before(async () => {
  otherTmp = tempDir('switch-windows');
  other = path.join(otherTmp, 'second vault');
  fs.cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'e2e-basic'), other, { recursive: true });
  app = await startApp({ vault: 'e2e-basic' });
  // edits stay unsaved until the switch (no autosave in between)
  await callApiFromPage(app.page, app.token, 'updateSettings', [{ autosaveDelayMs: 60_000 }]);
  second = await app.page.context().newPage();
  await second.goto(`${app.baseUrl}/?token=${app.token}`);
  await second.getByRole('region', { name: 'Local graph' }).waitFor({ timeout: 30_000 });
});
after(async () => {
  await app?.close();
  fs.rmSync(otherTmp, { recursive: true, force: true });
});

const channelOld = () => path.join(app.vaultDir, 'concepts', 'channel.md');
const channelNew = () => path.join(other, 'concepts', 'channel.md');

async function typeAtEnd(page: Page, text: string): Promise<void> {
  const content = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await page.getByRole('region', { name: 'Editor' }).getByText('Unsaved edits').waitFor({ state: 'attached' });
}

async function askToOpen(page: Page, folder: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('open vault');
  await palette.getByRole('option', { name: /^Open vault…/ }).waitFor();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Open vault' });
  await dialog.getByLabel('Vault folder').fill(folder);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
}

test('a window with a note it cannot save (open conflict) makes the switch refuse, naming it; nothing is lost', async () => {
  await openNote(second, 'channel');
  await typeAtEnd(second, '\nMine from the second window.');
  // another program changes the note: the second window has a conflict, its edit unsaved
  const disk = `${fs.readFileSync(channelOld(), 'utf8')}\nChanged by another program.\n`;
  fs.writeFileSync(channelOld(), disk);
  const conflict = second.getByRole('alertdialog', { name: /changed on disk/ });
  await conflict.waitFor({ timeout: 30_000 });

  await askToOpen(app.page, other);
  const alert = app.page.getByRole('dialog', { name: 'Open vault' }).getByRole('alert');
  await alert.waitFor({ timeout: 30_000 });
  assert.match(
    await alert.innerText(),
    /^Not switched to .*second vault: the window showing concepts\/channel\.md has unsaved changes in concepts\/channel\.md/,
  );
  // the host still serves the old vault; the second window keeps its edit and its conflict
  const info = (await callApiFromPage(app.page, app.token, 'vaultInfo', [])).body as { result: { root: string } };
  assert.equal(info.result.root, fs.realpathSync(app.vaultDir));
  await second.getByRole('alertdialog', { name: 'Switching vault' }).waitFor({ state: 'detached' });
  await conflict.getByRole('button', { name: 'Keep my version' }).click();
  await eventually(
    () => fs.readFileSync(channelOld(), 'utf8').includes('Mine from the second window.'),
    15_000,
    'kept version saved',
  );
  await app.page.keyboard.press('Escape');
});

test("the other window's unsaved edit is saved to the old vault before the switch; both reload onto the new one", async () => {
  await typeAtEnd(second, '\nSaved before the switch.');
  assert.ok(!fs.readFileSync(channelOld(), 'utf8').includes('Saved before the switch.'), 'still unsaved');
  const newBefore = fs.readFileSync(channelNew(), 'utf8');
  await Promise.all([second.waitForEvent('load', { timeout: 60_000 }), askToOpen(app.page, other)]);
  for (const page of [app.page, second])
    await page.locator('.vault-name').getByText('second vault').waitFor({ timeout: 30_000 });
  assert.match(fs.readFileSync(channelOld(), 'utf8'), /Saved before the switch\./);
  assert.equal(fs.readFileSync(channelNew(), 'utf8'), newBefore, 'nothing written into the new vault');
});
