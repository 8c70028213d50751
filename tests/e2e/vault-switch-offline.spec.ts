/**
 * A vault switch that a window misses because its event socket is down (#12): it was not asked to save, so its
 * unsaved edit must never be written into the new vault. Such a window finds out from the first answer naming the
 * new vault (here its own Ctrl+S, which the host refuses with `vault-changed`) or when its socket reconnects; it then
 * holds under a "Vault changed" notice that names its unsaved note, and nothing reaches either vault's file.
 * The socket is taken down with Playwright's WebSocket routing: while "down" the page's socket is answered by the
 * test and never reaches the host, so the host does not count that window and hears nothing from it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page, WebSocketRoute } from 'playwright-core';
import { callApiFromPage, openNote, REPO_ROOT, startApp, type AtlasApp } from './harness.ts';
import { tempDir } from '../support/temp-dir.ts';

let app: AtlasApp;
let other: string;
let otherTmp: string;
/** Each window's routed sockets, with the host side when connected (both sides closed when taken down). */
const windows: { page: Page; down: boolean; sockets: Map<WebSocketRoute, WebSocketRoute | null> }[] = [];

before(async () => {
  otherTmp = tempDir('switch-offline');
  other = path.join(otherTmp, 'second vault');
  fs.cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'e2e-basic'), other, { recursive: true });
  app = await startApp({ vault: 'e2e-basic' });
  // edits stay unsaved until asked for (no autosave in between)
  await callApiFromPage(app.page, app.token, 'updateSettings', [{ autosaveDelayMs: 60_000 }]);
  for (let i = 0; i < 2; i++) {
    const page = await app.page.context().newPage();
    const w = { page, down: false, sockets: new Map<WebSocketRoute, WebSocketRoute | null>() };
    await page.routeWebSocket(/\/events/, (ws) => {
      // down: the page's socket opens, but it is the test's, not the host's (no events, not counted as a window)
      w.sockets.set(ws, w.down ? null : ws.connectToServer());
    });
    await page.goto(`${app.baseUrl}/?token=${app.token}`);
    await page.getByRole('region', { name: 'Local graph' }).waitFor({ timeout: 30_000 });
    windows.push(w);
  }
});
after(async () => {
  await app?.close();
  fs.rmSync(otherTmp, { recursive: true, force: true });
});

async function typeAtEnd(page: Page, text: string): Promise<void> {
  const content = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await page.getByRole('region', { name: 'Editor' }).getByText('Unsaved edits').waitFor({ state: 'attached' });
}

/** Takes the window's event socket down (its reconnects stay with the test) or lets it reach the host again. */
async function setDown(w: (typeof windows)[number], down: boolean): Promise<void> {
  w.down = down;
  for (const [ws, server] of [...w.sockets]) {
    w.sockets.delete(ws);
    await server?.close();
    await ws.close();
  }
}

test('a window that missed a switch while disconnected holds, names its unsaved note, writes nothing', async () => {
  const [byKey, byReconnect] = windows;
  const notes = { byKey: path.join('concepts', 'channel.md'), byReconnect: path.join('concepts', 'goroutine.md') };
  await openNote(byKey.page, 'channel');
  await typeAtEnd(byKey.page, '\nTyped while disconnected (key).');
  await openNote(byReconnect.page, 'goroutine');
  await typeAtEnd(byReconnect.page, '\nTyped while disconnected (reconnect).');
  const disk = (root: string) =>
    Object.fromEntries(Object.values(notes).map((n) => [n, fs.readFileSync(path.join(root, n), 'utf8')]));
  const oldBefore = disk(app.vaultDir);
  const newBefore = disk(other);

  await setDown(byKey, true);
  await setDown(byReconnect, true);
  // the first window opens the other vault: nobody else is asked (both others are disconnected)
  await Promise.all([app.page.waitForEvent('load', { timeout: 60_000 }), askToOpen(app.page, other)]);
  await app.page.locator('.vault-name').getByText('second vault').waitFor({ timeout: 30_000 });

  // 1. still disconnected, the window saves: the host refuses the write, and its answer names the new vault
  await byKey.page.keyboard.press('Control+S');
  await expectNotice(byKey.page, 'concepts/channel.md');

  // 2. the socket comes back: the window asks which vault is served before fetching anything
  await setDown(byReconnect, false);
  await expectNotice(byReconnect.page, 'concepts/goroutine.md');

  // held: typing reaches neither the editor nor the disk
  await byReconnect.page.keyboard.type('more');
  assert.deepEqual(disk(other), newBefore, 'nothing written into the new vault');
  assert.deepEqual(disk(app.vaultDir), oldBefore, 'nor into the old one (those windows never saved)');
  assert.ok(
    (await byReconnect.page.getByRole('region', { name: 'Editor' }).locator('.cm-content').innerText()).includes(
      'Typed while disconnected (reconnect).',
    ),
    'the unsaved text is still in the editor behind the notice',
  );
  // the notice's button opens the new vault
  await Promise.all([
    byKey.page.waitForEvent('load', { timeout: 60_000 }),
    byKey.page.getByRole('alertdialog', { name: 'Vault changed' }).getByRole('button').click(),
  ]);
  await byKey.page.locator('.vault-name').getByText('second vault').waitFor({ timeout: 30_000 });
});

async function expectNotice(page: Page, note: string): Promise<void> {
  const notice = page.getByRole('alertdialog', { name: 'Vault changed' });
  await notice.waitFor({ timeout: 30_000 });
  assert.match(await notice.innerText(), /another window opened .*second vault/);
  assert.deepEqual(await notice.getByRole('list', { name: 'Unsaved notes' }).getByRole('listitem').allInnerTexts(), [
    note,
  ]);
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
