/**
 * History: each tab has its own back/forward (Alt+←/→, Ctrl/Cmd+Alt+←/→, mouse buttons 4/5, the Back/Forward buttons).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForGraphNodes, type AtlasApp, treeItem } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic' });
  await waitForGraphNodes(app.page, 7);
});
after(async () => {
  await app?.close();
});

const editor = () => app.page.getByRole('region', { name: 'Editor' });
const selected = (name: string) => editor().getByRole('tab', { name, exact: true, selected: true }).waitFor();
async function open(name: string, modifiers: 'Control'[] = []) {
  await (await treeItem(app.page, name)).click({ modifiers });
  await selected(name);
}

test('back and forward walk the tab’s history by keyboard, buttons and mouse buttons', async () => {
  const { page } = app;
  await open('channel');
  await open('Mutex');
  await open('select');
  // One note tab: the tree navigated it (the graph view tab, opened in the background at start, is not a note tab).
  assert.equal(
    await editor().getByRole('tab').filter({ hasNotText: 'Graph view' }).count(),
    1,
    'the tree navigates the tab',
  );

  await page.keyboard.press('Alt+ArrowLeft');
  await selected('Mutex');
  await page.keyboard.press('Control+Alt+ArrowLeft');
  await selected('channel');
  await page.getByRole('button', { name: 'Forward', exact: true }).click();
  await selected('Mutex');
  await page.keyboard.press('Control+Alt+ArrowRight');
  await selected('select');
  assert.equal(await page.getByRole('button', { name: 'Forward', exact: true }).isDisabled(), true);

  // Mouse button 4 (back) and 5 (forward), as dispatched by a mouse with side buttons.
  await page.evaluate(() => window.dispatchEvent(new MouseEvent('mouseup', { button: 3 })));
  await selected('Mutex');
  await page.evaluate(() => window.dispatchEvent(new MouseEvent('mouseup', { button: 4 })));
  await selected('select');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await selected('Mutex');
});

test('a new tab (Ctrl-click) starts its own history', async () => {
  const { page } = app;
  await open('goroutine', ['Control']);
  assert.equal(await page.getByRole('button', { name: 'Back', exact: true }).isDisabled(), true);
  await open('channel');
  await page.keyboard.press('Alt+ArrowLeft');
  await selected('goroutine');
  // the other tab kept its place
  await editor().getByRole('tab', { name: 'Mutex', exact: true }).click();
  await selected('Mutex');
  assert.equal(await page.getByRole('button', { name: 'Forward', exact: true }).isDisabled(), false);
});
