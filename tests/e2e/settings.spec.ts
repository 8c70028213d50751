/**
 * The "Settings" dialog (#12) as a user meets it: Ctrl+, (and "Open settings" in the command palette) opens a dialog
 * named "Settings"; each change is stored in `<vault>/.atlas/settings.json` and applied at once — theme, font size and
 * readable line length on the page, the autosave delay in the editor, "Default view for new tabs", alias resolution in
 * the index (#9), flashcard tags (#15) in the file. A vault that already has settings opens with them, unknown keys
 * kept; an invalid value is reported (alert and dialog) and left in the file.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { callApiFromPage, eventually, openNote, REPO_ROOT, startApp, type AtlasApp } from './harness.ts';
import { tempDir } from '../support/temp-dir.ts';

let app: AtlasApp;
let seeded: string;
before(async () => {
  // e2e-basic with settings already in it: dark theme, an invalid font size, a key of some other tool
  seeded = tempDir('settings-e2e');
  const vault = path.join(seeded, 'e2e-basic');
  fs.cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'e2e-basic'), vault, { recursive: true });
  fs.mkdirSync(path.join(vault, '.atlas'), { recursive: true });
  fs.writeFileSync(
    path.join(vault, '.atlas', 'settings.json'),
    JSON.stringify({
      theme: 'dark',
      fontSize: 'huge',
      'other-tool': { keep: true },
      homeNote: 'concepts/goroutine.md',
    }),
  );
  app = await startApp({ vault });
});
after(async () => {
  await app?.close();
  fs.rmSync(seeded, { recursive: true, force: true });
});

const settingsFile = () => path.join(app.vaultDir, '.atlas', 'settings.json');
const onDisk = () => JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
const dialog = () => app.page.getByRole('dialog', { name: 'Settings' });

async function openSettings(page: Page): Promise<void> {
  await page.keyboard.press('Control+,');
  await dialog().waitFor();
}

test('a vault opens with its stored settings; an invalid value is reported and kept in the file', async () => {
  const { page } = app;
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(30, 31, 34)');
  await page
    .getByText(/fontSize "huge" is invalid/)
    .first()
    .waitFor();
  await openSettings(page);
  await dialog()
    .getByRole('list', { name: 'Settings problems' })
    .getByText(/fontSize "huge" is invalid/)
    .waitFor();
  assert.equal(await dialog().getByLabel('Theme').inputValue(), 'dark');
  assert.equal(await dialog().getByLabel('Font size').inputValue(), '14');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
  assert.equal(onDisk().fontSize, 'huge');
});

test('theme, font size and readable line length apply at once and are stored with the vault', async () => {
  const { page } = app;
  await openNote(page, 'Mutex');
  // from the command palette too
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('open settings');
  await palette.getByRole('option', { name: /^Open settings/ }).waitFor();
  await page.keyboard.press('Enter');
  await dialog().waitFor();

  await dialog().getByLabel('Theme').selectOption('light');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');

  await dialog().getByLabel('Font size').fill('20');
  await page.waitForFunction(() => {
    const el = document.querySelector('.cm-scroller');
    return !!el && getComputedStyle(el).fontSize === '20px';
  });
  await dialog().getByLabel('Readable line length').uncheck();
  await page.waitForFunction(() => {
    const el = document.querySelector('.cm-content');
    return !!el && getComputedStyle(el).maxWidth === 'none';
  });
  // an out-of-range size is refused beside the field and not stored
  await dialog().getByLabel('Font size').fill('99');
  await dialog().getByRole('alert').getByText('A whole number from 10 to 32.').waitFor();
  await eventually(() => onDisk().fontSize === 20 && onDisk().readableLineWidth === false, 10_000, 'the file');
  const disk = onDisk();
  assert.equal(disk.theme, 'light');
  assert.deepEqual(disk['other-tool'], { keep: true });
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });

  // a reload reads them back from the vault
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  await page.waitForFunction(() => document.documentElement.style.getPropertyValue('--text-size') === '20px');
});

test('the autosave delay applies to the next edit', async () => {
  const { page } = app;
  await openNote(page, 'select');
  await openSettings(page);
  await dialog().getByLabel('Autosave delay (ms)').fill('60000');
  await eventually(() => onDisk().autosaveDelayMs === 60000, 10_000, 'the delay in the file');
  await page.keyboard.press('Escape');
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nfirst');
  const dirty = editor.getByLabel('unsaved edits');
  await dirty.waitFor();
  const file = path.join(app.vaultDir, 'concepts', 'select.md');
  assert.ok(!fs.readFileSync(file, 'utf8').includes('first'), 'not saved yet: 60 s of quiet needed');

  await openSettings(page);
  await dialog().getByLabel('Autosave delay (ms)').fill('200');
  await eventually(() => onDisk().autosaveDelayMs === 200, 10_000, 'the delay in the file');
  await page.keyboard.press('Escape');
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' second');
  await eventually(() => fs.readFileSync(file, 'utf8').includes('first second'), 10_000, 'autosave after 200 ms');
  await dirty.waitFor({ state: 'detached' });
});

test('default view for new tabs: a note opened afterwards shows the Reading view', async () => {
  const { page } = app;
  await openSettings(page);
  await dialog().getByLabel('Default view for new tabs').selectOption('reading');
  await eventually(() => onDisk().defaultView === 'reading', 10_000, 'the file');
  await page.keyboard.press('Escape');
  await openNote(page, 'channel');
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('button', { name: 'Reading view', pressed: true }).waitFor();
  await editor.locator('.reading-body').getByRole('heading', { name: 'channel' }).first().waitFor();
});

test('alias resolution off re-resolves links at once; flashcard tags are stored', async () => {
  const { page, token } = app;
  const resolve = async () =>
    (await callApiFromPage(page, token, 'resolveLink', ['笔记/调度器.md', '协程'])).body as { result: string | null };
  assert.equal((await resolve()).result, 'concepts/goroutine.md');
  await openSettings(page);
  await dialog().getByLabel('Resolve links through aliases').uncheck();
  await eventually(async () => (await resolve()).result === null, 10_000, 'the alias link unresolved');
  assert.equal(onDisk().aliasResolution, false);

  const tags = dialog().getByLabel('Flashcard tags');
  assert.equal(await tags.inputValue(), '#flashcards');
  await tags.fill('#flashcards, #cards/go');
  await tags.press('Enter');
  await eventually(() => JSON.stringify(onDisk().flashcardTags) === '["flashcards","cards/go"]', 10_000, 'tags');
  await dialog().getByLabel('Resolve links through aliases').check();
  await eventually(async () => (await resolve()).result === 'concepts/goroutine.md', 10_000, 'the alias link again');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
});

test('"Strict line breaks": off (Obsidian’s default) a single line break shows in the reading view; on, it is a space', async () => {
  const { page } = app;
  fs.writeFileSync(path.join(app.vaultDir, 'Lines.md'), '# Lines\n\n第一行\nsecond line\n');
  await eventually(async () => (await page.getByRole('treeitem', { name: 'Lines', exact: true }).count()) > 0);
  await openNote(page, 'Lines');
  await page.getByRole('button', { name: 'Reading view', exact: true }).click();
  const reading = page.getByRole('article', { name: 'Reading view of Lines' });
  const breaks = () => reading.locator('p br').count();
  await eventually(async () => (await breaks()) === 1, 10_000, 'the line break drawn');
  await openSettings(page);
  await dialog().getByRole('checkbox', { name: 'Strict line breaks' }).check();
  await eventually(() => onDisk().strictLineBreaks === true, 10_000, 'stored');
  await page.keyboard.press('Escape');
  await eventually(async () => (await breaks()) === 0, 10_000, 'the break is a space');
  assert.equal(await reading.locator('p', { hasText: '第一行' }).textContent(), '第一行\nsecond line');
  await openSettings(page);
  await dialog().getByRole('checkbox', { name: 'Strict line breaks' }).uncheck();
  await page.keyboard.press('Escape');
  await eventually(async () => (await breaks()) === 1, 10_000, 'the line break drawn again');
});
