/**
 * Editor completion and typing aids (Obsidian's): `[[` notes, `[[Note#` its headings, `[[Note#^` its blocks, `#`
 * tags from the index (Chinese too), ` ^` a new block id; `[[` auto-closed with `]]` that is never doubled (typed
 * over, or when a completion is accepted); a URL pasted over a selection makes `[text](url)` (lang-markdown's
 * pasteURLAsLink).
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
  await open('Scratch');
});
after(async () => {
  await app?.close();
});

const editor = () => app.page.getByRole('region', { name: 'Editor' });
const content = () => editor().locator('.cm-content');
const file = () => path.join(app.vaultDir, 'Scratch.md');
const onDisk = (s: string, what: string) => eventually(() => fs.readFileSync(file(), 'utf8').includes(s), 10_000, what);
const option = (label: string) =>
  app.page.locator('.cm-tooltip-autocomplete li', { has: app.page.getByText(label, { exact: true }) });

async function open(title: string) {
  await app.page.getByRole('region', { name: 'File tree' }).getByRole('treeitem', { name: title, exact: true }).click();
  await editor().getByRole('tab', { name: title, exact: true, selected: true }).waitFor();
  await content().waitFor();
}

/** A new line at the end of the note, then `text` typed key by key. */
async function typeOnNewLine(text: string) {
  await content().locator('.cm-line').last().click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type(text);
}

test('[[ is closed with ]] and typing ]] steps over it', async () => {
  await typeOnNewLine('one [[Target');
  await app.page.keyboard.press('Escape'); // close the suggestions, keep typing by hand
  await app.page.keyboard.type(']] two');
  await onDisk('one [[Target]] two', 'typed link');
  assert.ok(!fs.readFileSync(file(), 'utf8').includes(']]]]'));
});

test('[[ completes a note; accepting inside auto-closed brackets gives one ]]', async () => {
  await typeOnNewLine('three [[Tar');
  await option('Target').click();
  await app.page.keyboard.type(' four');
  await onDisk('three [[Target]] four', 'completed link');
  assert.ok(!fs.readFileSync(file(), 'utf8').includes(']]]]'));
});

test('Enter right after a key accepts the option shown for the query typed (the worker still searching)', async () => {
  await typeOnNewLine('nine [[Tar');
  await option('Target').waitFor();
  // CodeMirror ignores an Enter within 75 ms of the list opening (its interactionDelay): not what is tested here
  await app.page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  // Enter pressed before the worker answers 'Targe' (the list shown is the answer to 'Tar'), then typing on
  await app.page.keyboard.type('ge');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type(' ten');
  await onDisk('nine [[Target]] ten', 'link completed by Enter');
});

test('[[Note# completes the headings of Note, [[Note#^ its block ids', async () => {
  await typeOnNewLine('five [[Target#');
  await option('Alpha').waitFor();
  await option('Beta').waitFor();
  await app.page.keyboard.type('Be');
  await option('Beta').click();
  await onDisk('five [[Target#Beta]]', 'heading link');

  await typeOnNewLine('six [[Target#^');
  await option('blk1').click();
  await onDisk('six [[Target#^blk1]]', 'block link');
});

test('# completes tags from the index, Chinese ones included', async () => {
  await typeOnNewLine('seven #学');
  await option('学习/中文').click();
  await onDisk('seven #学习/中文', 'Chinese tag');
  await typeOnNewLine('eight #gola');
  await option('golang/并发').click();
  await onDisk('eight #golang/并发', 'nested tag');
});

test('" ^" at the end of a line suggests a new block id', async () => {
  await typeOnNewLine('nine is a block ^');
  const item = app.page.locator('.cm-tooltip-autocomplete li', { hasText: 'new block id' });
  await item.waitFor();
  const id = (await item.locator('.cm-completionLabel').textContent()) ?? '';
  assert.match(id, /^[a-z0-9]{6}$/);
  await item.click();
  await onDisk(`nine is a block ^${id}`, 'block id');
});

test('pasting a URL over selected text makes a markdown link', async () => {
  await typeOnNewLine('ten words here');
  await app.page.keyboard.press('Control+ArrowLeft');
  await app.page.keyboard.press('Control+Shift+ArrowRight');
  const paste = (text: string) =>
    content().evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  await paste('https://example.com/a_(b)?q=1');
  await onDisk('ten words [here](https://example.com/a_(b)?q=1)', 'pasted link');
  // not a URL, or nothing selected: an ordinary paste
  await app.page.keyboard.press('End');
  await paste(' plain text');
  await onDisk('?q=1) plain text', 'ordinary paste');
});
