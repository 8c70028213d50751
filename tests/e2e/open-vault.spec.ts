/**
 * "Open vault…" in the browser host (#12): from the command palette, a dialog named "Open vault" takes a folder path;
 * a wrong path is refused with a clear reason and the vault stays open; a good one switches the host, the page
 * reloads onto the new vault (same token), and the host serves only the new vault (API paths and `/vault-file/`);
 * the vault opened before is listed under "Recent vaults" and opens again from there.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { callApiFromPage, REPO_ROOT, startApp, type AtlasApp } from './harness.ts';
import { tempDir } from '../support/temp-dir.ts';

let app: AtlasApp;
let other: string;
let otherTmp: string;
before(async () => {
  otherTmp = tempDir('open-vault');
  other = path.join(otherTmp, 'second vault');
  fs.cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'e2e-health'), other, { recursive: true });
  fs.writeFileSync(path.join(other, 'picture.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(otherTmp, 'a file.txt'), 'not a folder');
  app = await startApp({ vault: 'e2e-basic' });
});
after(async () => {
  await app?.close();
  fs.rmSync(otherTmp, { recursive: true, force: true });
});

const dialog = () => app.page.getByRole('dialog', { name: 'Open vault' });

async function openDialog(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('open vault');
  await palette.getByRole('option', { name: /^Open vault…/ }).waitFor();
  await page.keyboard.press('Enter');
  await dialog().waitFor();
}

async function tryPath(page: Page, p: string): Promise<string> {
  await dialog().getByLabel('Vault folder').fill(p);
  await dialog().getByRole('button', { name: 'Open', exact: true }).click();
  const alert = dialog().getByRole('alert');
  await alert.waitFor();
  return alert.innerText();
}

const vaultName = () => app.page.locator('.vault-name');

test('a wrong path is refused with its reason and the vault stays open', async () => {
  const { page } = app;
  await vaultName().getByText('e2e-basic').waitFor();
  await openDialog(page);
  assert.match(
    await dialog()
      .getByText(/^Open now:/)
      .innerText(),
    /e2e-basic$/,
  );
  assert.match(await tryPath(page, path.join(otherTmp, 'missing')), /No folder at .*missing/);
  assert.match(await tryPath(page, path.join(otherTmp, 'a file.txt')), /is a file, not a folder/);
  assert.match(await tryPath(page, 'relative/folder'), /full path/);
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
  const info = (await callApiFromPage(page, app.token, 'vaultInfo', [])).body as { result: { root: string } };
  assert.equal(info.result.root, fs.realpathSync(app.vaultDir));
});

test('a good path switches the host: the page reloads onto the new vault, confined to it', async () => {
  const { page } = app;
  // the old vault's attachment route answers before the switch
  await openDialog(page);
  await dialog().getByLabel('Vault folder').fill(other);
  await Promise.all([page.waitForEvent('load'), dialog().getByRole('button', { name: 'Open', exact: true }).click()]);
  await vaultName().getByText('second vault').waitFor({ timeout: 30_000 });
  await page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'Home', exact: true }).waitFor();

  // same token, new vault: its notes are served, the old vault's are not
  const read = async (p: string) => callApiFromPage(page, app.token, 'readNote', [p]);
  assert.equal((await read('select.md')).status, 200);
  assert.equal((await read('concepts/goroutine.md')).status, 404);
  assert.equal((await read('../e2e-basic/concepts/goroutine.md')).status, 403);
  const file = (p: string) =>
    page.evaluate(async ([u, t]) => (await fetch(`/vault-file/${u}?token=${encodeURIComponent(t)}`)).status, [
      p,
      app.token,
    ] as const);
  assert.equal(await file('picture.svg'), 200);
  assert.equal(await file('concepts/goroutine.md'), 404);
  // without the token nothing is served
  const noToken = await page.evaluate(async () => (await fetch('/api/vaultInfo', { method: 'POST' })).status);
  assert.equal(noToken, 401);
});

test('the previous vault is under "Recent vaults" and opens again from there', async () => {
  const { page } = app;
  await openDialog(page);
  const recent = dialog().getByRole('list', { name: 'Recent vaults' });
  const entry = recent.getByRole('button', { name: /e2e-basic/ });
  await entry.waitFor();
  await Promise.all([page.waitForEvent('load'), entry.click()]);
  await vaultName().getByText('e2e-basic').waitFor({ timeout: 30_000 });
  const r = await callApiFromPage(page, app.token, 'readNote', ['concepts/goroutine.md']);
  assert.equal(r.status, 200);
});
