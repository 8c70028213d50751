/**
 * Navigation to a target inside a note (openNote(path, { line | heading | block | search })): a backlink's line, a
 * search hit, a link to a heading or block — in the editing view (CodeMirror scrolls, puts the cursor there and
 * flashes the line) and in the reading view (the element drawn from that line is scrolled into view and flashed).
 * Fixture: tests/fixtures/e2e-render (Sections has 80 filler paragraphs before its later sections).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { eventually, startApp, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => { app = await startApp({ vault: 'e2e-render' }); });
after(async () => { await app?.close(); });

const editor = () => app.page.getByRole('region', { name: 'Editor' });

async function search(query: string, title: string): Promise<void> {
  const pane = app.page.getByRole('region', { name: 'Search', exact: true });
  await pane.getByRole('searchbox', { name: 'Search' }).fill(query);
  await pane.getByRole('list', { name: 'Search results' }).getByRole('button', { name: new RegExp(`^${title}`) }).first().click();
  await editor().getByRole('tab', { name: title, exact: true, selected: true }).waitFor();
}

/** Waits until `el` (re-resolved on every try) is inside the window's viewport. */
async function inView(el: Locator): Promise<void> {
  const height = app.page.viewportSize()!.height;
  await eventually(async () => {
    const box = await el.boundingBox();
    return box !== null && box.height > 0 && box.y >= 0 && box.y + box.height <= height;
  }, 15_000, 'the target in view');
}

/**
 * Records the text of every element that gets the flash class from now on (a MutationObserver in the page), so a
 * flash is seen however briefly it lasts on a busy machine.
 */
async function watchFlashes(): Promise<void> {
  await app.page.evaluate(() => {
    const w = window as unknown as { __flashes: string[]; __flashObserver?: MutationObserver };
    w.__flashObserver?.disconnect();
    w.__flashes = [];
    w.__flashObserver = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.classList?.contains('nav-flash')) w.__flashes.push(el.textContent ?? '');
        for (const n of r.addedNodes) {
          if (n instanceof Element) for (const f of [n, ...n.querySelectorAll('.nav-flash')]) if (f.classList.contains('nav-flash')) w.__flashes.push(f.textContent ?? '');
        }
      }
    });
    w.__flashObserver.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  });
}

/** Waits until an element holding `text` was flashed. */
async function flashed(text: RegExp): Promise<void> {
  await eventually(async () => {
    const seen = await app.page.evaluate(() => (window as unknown as { __flashes: string[] }).__flashes);
    return seen.some((t) => text.test(t));
  }, 15_000, `a flash of ${text}`);
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
