/**
 * A huge note (over 300,000 characters, renderer/src/editor/huge-note.ts) is edited without CodeMirror's markdown
 * syntax tree: Live Preview still hides the marks and brackets off the cursor line, typing is saved, and Enter after
 * a list item does not continue the list (that is the markdown language's keymap); once the note is short again
 * the language is back (Enter continues the list).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eventually, startApp, waitForGraphNodes, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-editor' });
  await waitForGraphNodes(app.page, 4);
});
after(async () => {
  await app?.close();
});

const editor = () => app.page.getByRole('region', { name: 'Editor' });
const content = () => editor().locator('.cm-content');
const line = (hasText: string) => content().locator('.cm-line', { hasText });

function hugeText(chars: number): string {
  let out = '# Huge\n\n';
  for (let i = 0; out.length < chars; i++)
    out += `Paragraph ${i} with **bold words** and a [[Target|the target]] link.\n\n`;
  return `${out}Next to last.\n\nLast line.\n`;
}

test('a huge note: Live Preview without the markdown tree, saved; the tree is back when it is short', async () => {
  const file = path.join(app.vaultDir, 'Huge.md');
  fs.writeFileSync(file, hugeText(400_000));
  const { page } = app;
  // opened through the quick switcher once the watcher has indexed it
  await eventually(
    async () => {
      await page.keyboard.press('Control+O');
      const dialog = page.getByRole('dialog', { name: 'Quick switcher' });
      await dialog.getByRole('combobox').fill('Huge');
      const found = await dialog
        .getByRole('option', { name: 'Huge', exact: true })
        .waitFor({ timeout: 2000 })
        .then(() => true)
        .catch(() => false);
      await page.keyboard.press(found ? 'Enter' : 'Escape');
      return found;
    },
    60_000,
    'Huge listed',
  );
  await editor().getByRole('tab', { name: 'Huge', exact: true, selected: true }).waitFor();
  await line('Huge').click();
  await page.keyboard.press('Control+End');
  await line('Last line.').waitFor();

  // Live Preview off the cursor line: no `**`, no brackets, the alias shown
  const para = content().locator('.cm-line', { hasText: 'bold words' }).last();
  await eventually(
    async () => /^Paragraph \d+ with bold words and a the target link\.$/.test((await para.textContent()) ?? ''),
    10_000,
    'marks hidden in the huge note',
  );

  // Enter after a list item: a plain new line (no markdown keymap in a huge note)
  await page.keyboard.press('Enter');
  await page.keyboard.type('- one');
  await page.keyboard.press('Enter');
  await page.keyboard.type('two');
  await eventually(
    () => fs.readFileSync(file, 'utf8').endsWith('Last line.\n\n- one\ntwo'),
    20_000,
    'typing saved',
  ).catch((e) => {
    throw new Error(`${e}; the end on disk: ${JSON.stringify(fs.readFileSync(file, 'utf8').slice(-40))}`);
  });

  // short again: the markdown language (its Enter continues the list)
  await page.keyboard.press('Control+A');
  await page.keyboard.type('- one');
  await page.keyboard.press('Enter');
  await page.keyboard.type('two');
  await eventually(() => fs.readFileSync(file, 'utf8') === '- one\n- two', 20_000, 'list continued on disk');
});
