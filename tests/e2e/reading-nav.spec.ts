/**
 * Navigation to a target inside a note (openNote(path, { line | heading | block | search })): a backlink's line, a
 * search hit, a link to a heading or block — in the editing view (CodeMirror scrolls, puts the cursor there and
 * flashes the line) and in the reading view (the element drawn from that line is scrolled into view and flashed).
 * Fixture: tests/fixtures/e2e-render (Sections has 80 filler paragraphs before its later sections).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { eventually, startApp, type AtlasApp } from './harness.ts';
import { flashed as flashedIn, watchFlashes as watchFlashesIn } from './flash.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-render' });
});
after(async () => {
  await app?.close();
});

const watchFlashes = () => watchFlashesIn(app.page);
const flashed = (text: RegExp) => flashedIn(app.page, text);
const editor = () => app.page.getByRole('region', { name: 'Editor' });

async function search(query: string, title: string): Promise<void> {
  const pane = app.page.getByRole('region', { name: 'Search', exact: true });
  await pane.getByRole('searchbox', { name: 'Search' }).fill(query);
  await pane
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .first()
    .click();
  await editor().getByRole('tab', { name: title, exact: true, selected: true }).waitFor();
}

/** Waits until `el` (re-resolved on every try) is inside the window's viewport. */
async function inView(el: Locator): Promise<void> {
  const height = app.page.viewportSize()!.height;
  await eventually(
    async () => {
      const box = await el.boundingBox();
      return box !== null && box.height > 0 && box.y >= 0 && box.y + box.height <= height;
    },
    15_000,
    'the target in view',
  );
}

/** The editor's line holding `text` was flashed, and the cursor line holding `text` is in view. */
async function editorLanded(text: RegExp): Promise<void> {
  await flashed(text);
  await inView(editor().locator('.cm-activeLine', { hasText: text }));
}

test('a search hit opens the note at the first line holding the words, flashed', async () => {
  await watchFlashes();
  await search('Third section text', 'Sections');
  await editorLanded(/Third section text/);
});

test('a backlink opens its source at the line of the link, flashed', async () => {
  await search('Some intro', 'Blocks');
  await watchFlashes();
  const pane = app.page.getByRole('region', { name: 'Backlinks' });
  await pane.getByRole('button', { name: /See \[\[Blocks\]\] for block ids/ }).click();
  await editor().getByRole('tab', { name: 'Sections', exact: true, selected: true }).waitFor();
  await editorLanded(/See \[\[Blocks\]\] for block ids/);
});

test('a line holding several links to the note is listed once in its backlinks', async () => {
  fs.writeFileSync(path.join(app.vaultDir, 'Twice.md'), 'Both [[Blocks]] and [[Blocks#Intro|again]] on one line.\n');
  await search('Some intro', 'Blocks');
  const pane = app.page.getByRole('region', { name: 'Backlinks' });
  await pane.getByRole('button', { name: 'Twice', exact: true }).waitFor();
  const entry = pane.getByRole('button', { name: /Both \[\[Blocks\]\] and/ });
  await entry.first().waitFor();
  assert.equal(await entry.count(), 1);
});
