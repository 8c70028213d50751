/**
 * Layout: resizable, collapsible sidebars (react-resizable-panels) with sizes remembered across reloads; a 1024×700
 * window has no horizontal overflow and nothing clipped; "Split right" shows two notes side by side.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForGraphNodes, type AtlasApp, treeItem } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic', viewport: { width: 1024, height: 700 } });
  await waitForGraphNodes(app.page, 7);
});
after(async () => {
  await app?.close();
});

async function noOverflow() {
  return app.page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const clipped = ['.topbar', '.sidebar.left', '.sidebar.right', '.centre', '.graph-region']
      .map((s) => [s, document.querySelector(s)?.getBoundingClientRect()] as const)
      .filter(([, r]) => r && r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5))
      .map(([s]) => s);
    return { overflow: document.documentElement.scrollWidth - vw, clipped };
  });
}

test('1024×700: no horizontal overflow, every region inside the window', async () => {
  await app.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true }).waitFor();
  assert.deepEqual(await noOverflow(), { overflow: 0, clipped: [] });
  await app.screenshot('layout-1024x700');
});

test('the right sidebar collapses and expands; its width is remembered after a reload', async () => {
  const { page } = app;
  const right = page.getByRole('complementary', { name: 'Right sidebar' });
  const toggle = page.getByRole('button', { name: 'Toggle right sidebar' });
  await toggle.click();
  await right.waitFor({ state: 'hidden' });
  assert.equal(
    await page.evaluate(() => Math.round(document.getElementById('right')!.getBoundingClientRect().width)),
    0,
  );
  await toggle.click();
  await right.waitFor({ state: 'visible' });

  // Drag the separator left of the right sidebar to widen it by 60 px.
  const sep = page.getByRole('separator', { name: 'Resize right sidebar' });
  const box = (await sep.boundingBox())!;
  const before = (await right.boundingBox())!.width;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 60, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(
    (w) => (document.querySelector('.sidebar.right')?.getBoundingClientRect().width ?? 0) > w + 30,
    before,
  );
  const widened = (await right.boundingBox())!.width;

  await page.reload();
  await right.waitFor({ state: 'visible' });
  await page.waitForFunction(
    (w) => Math.abs((document.querySelector('.sidebar.right')?.getBoundingClientRect().width ?? 0) - w) < 3,
    widened,
  );
  assert.deepEqual(await noOverflow(), { overflow: 0, clipped: [] });
});

test('"Split right" shows two notes side by side; each pane navigates on its own', async () => {
  const { page } = app;
  const editors = page.getByRole('region', { name: 'Editor' });
  await editors.first().getByRole('tab', { selected: true }).waitFor();
  await page.getByRole('button', { name: 'Split right' }).click();
  await page.waitForFunction(() => document.querySelectorAll('section.editor-region').length === 2);
  // The new pane has the focus: the tree opens the note there.
  await (await treeItem(page, 'Mutex')).click();
  await editors.nth(1).getByRole('tab', { name: 'Mutex', selected: true }).waitFor();
  const left = await editors.nth(0).getByRole('tab', { selected: true }).innerText();
  assert.notEqual(left.trim(), 'Mutex');
  const [a, b] = await Promise.all([editors.nth(0).boundingBox(), editors.nth(1).boundingBox()]);
  assert.ok(a && b && a.x + a.width <= b.x + 2, 'side by side');
  assert.deepEqual(await noOverflow(), { overflow: 0, clipped: [] });
  await app.screenshot('layout-split');
});
