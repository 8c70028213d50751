/**
 * Vault health and the connection view (#12), as a user meets them: "Open vault health" from the command palette
 * shows what `atlas check` reports, grouped with counts; an entry opens its note at the line with the link selected;
 * "Create note" on an unresolved link creates it and the report follows the index. "Open connection view" picks two
 * notes and shows the chain of links hop by hop with the link kind; a hop opens the note and line of its link.
 *
 * Fixture: tests/fixtures/e2e-health (every kind of finding once or twice; select → channel → goroutine → scheduler).
 * The alias link (Home → [[chan]]) is listed but not counted: 9 entries.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { eventually, openNote, startApp, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-health' });
});
after(async () => {
  await app?.close();
});

async function runCommand(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill(name);
  await palette.getByRole('option', { name: new RegExp(`^${name}`) }).waitFor();
  await page.keyboard.press('Enter');
  await palette.waitFor({ state: 'detached' });
}

/** 1-based line of the editor's selection anchor, and the selected text. */
function selectionLine(page: Page): Promise<{ line: number; text: string }> {
  return page.evaluate(() => {
    const sel = window.getSelection();
    const node = sel?.anchorNode;
    const el = (node instanceof Element ? node : node?.parentElement)?.closest('.cm-line');
    const line = el?.parentElement ? [...el.parentElement.querySelectorAll(':scope > .cm-line')].indexOf(el) + 1 : -1;
    return { line, text: sel?.toString() ?? '' };
  });
}

const health = () => app.page.getByRole('region', { name: 'Vault health' });
const group = (name: string) => health().getByRole('list', { name, exact: true });

test('vault health lists every finding of atlas check, grouped with counts', async () => {
  const { page } = app;
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await runCommand(page, 'Open vault health');
  await health().waitFor({ state: 'visible' });
  await health().getByRole('status').getByText('9 entries').waitFor();
  const counts = await health()
    .getByRole('heading', { level: 3 })
    .evaluateAll((hs) => hs.map((h) => h.textContent?.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(counts, [
    'Unresolved links 2',
    'Ambiguous links 1',
    'Broken heading and block links 1',
    'Prerequisite cycles 1',
    'Missing prerequisites 1',
    'Problems reading notes 1',
    'Links resolved through an alias 1',
    'Orphans 2',
  ]);
  await group('Links resolved through an alias').getByText('Home.md:9 → channel.md').waitFor();
  assert.equal(await group('Unresolved links').getByRole('listitem').count(), 2);
  await group('Ambiguous links')
    .getByText(/candidates: a\/dup\.md, b\/dup\.md/)
    .waitFor();
  await group('Prerequisite cycles').getByText('goroutine → scheduler → goroutine').waitFor();
  await group('Problems reading notes').getByText('broken.md [frontmatter]').waitFor();
});

test('an entry opens its note at the line with the link selected', async () => {
  const { page } = app;
  await group('Unresolved links')
    .getByRole('button', { name: /^\[\[Missing note\]\]/ })
    .click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'Home', exact: true, selected: true }).waitFor();
  await page.waitForFunction(() => window.getSelection()?.toString() === '[[Missing note]]');
  assert.deepEqual(await selectionLine(page), { line: 5, text: '[[Missing note]]' });

  // a broken heading link, on line 7
  await editor.getByRole('tab', { name: 'Vault health' }).click();
  await group('Broken heading and block links')
    .getByRole('button', { name: /No such heading/ })
    .click();
  await page.waitForFunction(() => window.getSelection()?.toString() === '[[goroutine#No such heading]]');
  assert.equal((await selectionLine(page)).line, 7);
});

test('"Create note" on an unresolved link creates it; the report follows the index', async () => {
  const { page } = app;
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'Vault health' }).click();
  await group('Unresolved links').getByRole('button', { name: 'Create note Missing note' }).click();
  await editor.getByRole('tab', { name: 'Missing note', exact: true, selected: true }).waitFor();
  await eventually(() => fs.existsSync(path.join(app.vaultDir, 'Missing note.md')), 10_000, 'the new note on disk');
  await editor.getByRole('tab', { name: 'Vault health' }).click();
  await health()
    .getByRole('heading', { name: /^Unresolved links 1$/ })
    .waitFor();
});

const connection = () => app.page.getByRole('region', { name: 'Connection' });

test('the connection view shows the chain of links hop by hop; a hop opens its link', async () => {
  const { page } = app;
  await openNote(page, 'channel');
  await runCommand(page, 'Open connection view');
  await connection().waitFor({ state: 'visible' });
  // it starts from the note last open, the keyboard in "To"
  assert.equal(await connection().getByLabel('From').inputValue(), 'channel.md');
  await eventually(() =>
    connection()
      .getByLabel('To')
      .evaluate((el) => el === document.activeElement),
  );
  await connection().getByLabel('From').fill('select');
  await connection().getByLabel('To').fill('scheduler');
  // completion offers the vault's notes containing what is typed, in each input's own list
  const listOf = async (label: string) =>
    connection().locator(`datalist[id="${await connection().getByLabel(label).getAttribute('list')}"]`);
  assert.equal(await (await listOf('To')).locator('option[value="scheduler.md"]').count(), 1);
  assert.equal(await (await listOf('From')).locator('option[value="scheduler.md"]').count(), 0);
  await connection().getByRole('button', { name: 'Connect' }).click();
  await connection().getByRole('status').getByText('select → scheduler: 3 hops').waitFor();
  const hops = connection().getByRole('list', { name: 'Path' }).getByRole('listitem');
  assert.equal(await hops.count(), 3);
  const texts = await hops.allInnerTexts();
  assert.match(texts[0], /1\. select → channel[\s\S]*wiki link · select links to channel · select\.md:3/);
  assert.match(texts[1], /2\. channel → goroutine[\s\S]*prerequisites \(property link\)[\s\S]*channel\.md:2/);
  assert.match(texts[2], /3\. goroutine → scheduler[\s\S]*prerequisites \(property link\)[\s\S]*goroutine\.md:2/);

  await hops.nth(0).getByRole('button').click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'select', exact: true, selected: true }).waitFor();
  await page.waitForFunction(() => document.querySelector('.cm-activeLine')?.textContent?.includes('[[channel]]'));

  // unconnected notes say so
  await editor.getByRole('tab', { name: 'Connection' }).click();
  await connection().getByLabel('From').fill('lonely');
  await connection().getByRole('button', { name: 'Connect' }).click();
  await connection()
    .getByRole('status')
    .getByText(/no chain of links connects "lonely" and "scheduler"/)
    .waitFor();
  // an unknown note is an error, shown in the view
  await connection().getByLabel('From').fill('no such note');
  await connection().getByRole('button', { name: 'Connect' }).click();
  await connection().getByRole('alert').waitFor();
});
