/**
 * The file tree is virtualised: a folder of 3,000 notes renders only the rows in view (plus a few), every row still
 * tells its position (aria-setsize/posinset), and End / type-ahead reach rows far out of view, scrolling to them with
 * the keyboard focus kept on the row.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, type AtlasApp } from './harness.ts';
import { tempDir } from '../support/temp-dir.ts';

const NOTES = 3000;
let app: AtlasApp;
let dir: string;
before(async () => {
  dir = tempDir('tree-virtual');
  const vault = path.join(dir, 'big-vault');
  fs.mkdirSync(path.join(vault, 'many'), { recursive: true });
  fs.writeFileSync(path.join(vault, 'home.md'), '# Home\n\nStart at [[Note 1]].\n');
  for (let i = 1; i <= NOTES; i++) {
    fs.writeFileSync(path.join(vault, 'many', `Note ${i}.md`), `# Note ${i}\n\nSee [[Note ${(i % NOTES) + 1}]].\n`);
  }
  app = await startApp({ vault });
});
after(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rowsInDom = () => app.page.locator('[role="tree"] [role="treeitem"]').count();

test('a folder of 3,000 notes renders only the visible rows', async (t) => {
  const { page } = app;
  const tree = page.getByRole('region', { name: 'File tree' });
  // The home note opens first; the folder starts collapsed.
  const folder = tree.getByRole('treeitem', { name: 'many', exact: true, expanded: false });
  await folder.waitFor({ timeout: 60_000 });
  // Wait until the home note is open (its row the current one): opening it reveals its row, the last of the tree,
  // which scrolled the folder's first rows out of the virtualised list when it came after the click below (CI).
  await tree.locator('[role="treeitem"][data-path="home.md"][aria-current="page"]').waitFor({ timeout: 60_000 });
  await folder.click();
  const first = tree.getByRole('treeitem', { name: 'Note 1', exact: true });
  // The folder's rows come with the file list of a 3,000-note cold index: on a busy machine (npm test beside two
  // CPU-bound processes) that took over 30 s, so wait on the row as long as on the folder.
  await first.waitFor({ timeout: 60_000 });
  // The folder's rows grow while the cold index runs (the file list answers with what is indexed so far): wait until
  // it holds all its notes (a run beside two CPU-bound processes read 383 of 3,000 right after the first row came).
  await tree
    .locator(`[role="treeitem"][data-path="many/Note 1.md"][aria-setsize="${NOTES}"]`)
    .waitFor({ timeout: 120_000 });
  assert.equal(await first.getAttribute('aria-setsize'), String(NOTES));
  assert.equal(await first.getAttribute('aria-posinset'), '1');
  const shown = await rowsInDom();
  assert.ok(shown > 5 && shown < 100, `rows in the DOM: ${shown} of ${NOTES + 2}`);
  t.diagnostic(`rows in the DOM with the folder open: ${shown} of ${NOTES + 2}`);

  // End goes to the last row, far below: it is rendered, focused and scrolled into view; still few rows in the DOM.
  await first.focus();
  await page.keyboard.press('End'); // the last row is home.md (files after folders); the folder's last note is above
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-path') === 'home.md');
  await page.keyboard.press('ArrowUp');
  const last = tree.getByRole('treeitem', { name: `Note ${NOTES}`, exact: true });
  await page.waitForFunction(
    (name) => document.activeElement?.getAttribute('data-path') === `many/${name}.md`,
    `Note ${NOTES}`,
  );
  assert.equal(await last.getAttribute('aria-posinset'), String(NOTES));
  await page.waitForFunction(() => {
    const t = document.querySelector('[role="tree"]');
    const r = document.activeElement?.getBoundingClientRect();
    const b = t?.getBoundingClientRect();
    return !!t && !!r && !!b && t.scrollTop > 0 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  });
  const after = await rowsInDom();
  assert.ok(after < 100, `rows in the DOM after End: ${after}`);

  // Type-ahead reaches a row out of view.
  await page.keyboard.type('note 150');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-path') === 'many/Note 150.md');
  assert.ok((await rowsInDom()) < 100);
});
