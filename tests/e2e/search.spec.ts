/**
 * Search pane (Ctrl/Cmd+Shift+F), region "Search": counts, snippets as text with the matches in <mark>, operators
 * (OR, groups, [property:value] included), property text,
 * a hit opening its note at the match with the match selected, and results that follow the vault as it changes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startApp, waitForGraphNodes, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic' });
  await waitForGraphNodes(app.page, 7);
});
after(async () => {
  await app?.close();
});

test('a hit opens the note scrolled to the match, with the match selected', async () => {
  const { page } = app;
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('region', { name: 'Search' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Search');
  await page.keyboard.type('唤醒等待');
  await search.getByText(/^1 note$/).waitFor();
  const hit = search.getByRole('button', { name: /唤醒等待.*\(line 8\)$/ });
  await hit.waitFor();
  assert.equal(await hit.locator('mark').innerText(), '唤醒等待');
  await hit.click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: '调度器', exact: true, selected: true }).waitFor();
  await page.waitForFunction(() => window.getSelection()?.toString() === '唤醒等待');
  // the selection is on line 8 of the file (4 frontmatter lines, heading, blank line, one line before); Live Preview
  // draws the frontmatter as one Properties block standing for its lines (`data-lp-lines`)
  const line = await page.evaluate(() => {
    const sel = window.getSelection()!;
    const el = (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode?.parentElement)?.closest(
      '.cm-line',
    );
    if (!el) return -1;
    let n = 1;
    for (const sib of el.parentElement!.querySelectorAll(':scope > .cm-line, :scope > [data-lp-lines]')) {
      if (sib === el) return n;
      n += sib instanceof HTMLElement && sib.dataset.lpLines ? Number(sib.dataset.lpLines) : 1;
    }
    return -1;
  });
  assert.equal(line, 8);
});

test('operators: path:, tag:, -exclude and "phrase"; snippets are text, never HTML', async () => {
  const { page } = app;
  const search = page.getByRole('region', { name: 'Search' });
  const box = search.getByRole('searchbox', { name: 'Search' });
  const fill = async (q: string) => {
    await box.fill(q);
    await page.waitForFunction((x) => document.querySelector('.search-count')?.getAttribute('data-query') === x, q);
  };
  const paths = () => search.locator('.search-note').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
  await fill('goroutine path:笔记');
  await search.getByText(/^1 note$/).waitFor();
  assert.deepEqual(await paths(), ['笔记/学习计划.md']);
  await fill('goroutine -path:笔记');
  await search.getByText(/^\d+ notes$/).waitFor();
  const outside = await paths();
  assert.ok(outside.length >= 2 && outside.every((p) => p?.startsWith('concepts/')), String(outside));
  await fill('channel tag:中文');
  await search.getByText(/^1 note$/).waitFor();
  assert.deepEqual(await paths(), ['笔记/调度器.md']);
  await fill('channel tag:中文 -唤醒');
  await search.getByText('No results.').waitFor();
  await fill('"使用 channel"');
  await search.getByText(/^1 note$/).waitFor();
  assert.equal(await search.locator('mark').first().innerText(), '使用 channel');
  await fill('"<script>"');
  await search.getByText('No results.').waitFor();
});

test('OR shows the notes of either term; a hit only in a property opens the note at that property', async () => {
  const { page } = app;
  const search = page.getByRole('region', { name: 'Search' });
  const box = search.getByRole('searchbox', { name: 'Search' });
  const fill = async (q: string) => {
    await box.fill(q);
    await page.waitForFunction((x) => document.querySelector('.search-count')?.getAttribute('data-query') === x, q);
  };
  const paths = () => search.locator('.search-note').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
  await fill('唤醒等待 OR "unit of scheduling"');
  await search.getByText(/^2 notes$/).waitFor();
  assert.deepEqual((await paths()).sort(), ['concepts/process and thread.md', '笔记/调度器.md']);
  await fill('(唤醒等待 OR "unit of scheduling") -tag:中文');
  await search.getByText(/^1 note$/).waitFor();
  assert.deepEqual(await paths(), ['concepts/process and thread.md']);
  await fill('((唤醒等待');
  await search.getByText(/^1 note$/).waitFor();
  await fill('[level:高级] -select');
  await search.getByText(/^1 note$/).waitFor();
  assert.deepEqual(await paths(), ['concepts/Mutex.md']);

  // `高级` is only in the frontmatter (`level: 高级`, file line 4) of Mutex and select
  await fill('高级 tag:go/sync');
  await search.getByText(/^1 note$/).waitFor();
  const hit = search.getByRole('button', { name: 'level: 高级 (line 4)' });
  assert.equal(await hit.locator('mark').innerText(), '高级');
  await hit.click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'Mutex', exact: true, selected: true }).waitFor();
  await page.waitForFunction(() => window.getSelection()?.toString() === '高级');
  // the cursor is in the frontmatter, so Live Preview shows its lines as written: the selection is on line 4
  const line = await page.evaluate(() => {
    const sel = window.getSelection()!;
    const el = (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode?.parentElement)?.closest(
      '.cm-line',
    );
    if (!el) return -1;
    let n = 1;
    for (const sib of el.parentElement!.querySelectorAll(':scope > .cm-line, :scope > [data-lp-lines]')) {
      if (sib === el) return n;
      n += sib instanceof HTMLElement && sib.dataset.lpLines ? Number(sib.dataset.lpLines) : 1;
    }
    return -1;
  });
  assert.equal(line, 4);

  // too deep a nesting says why
  await fill(`${'('.repeat(9)}a`);
  await search.getByRole('alert').getByText('Too many nested parentheses (at most 8).').waitFor();
});

test('the results follow the vault: a note another program writes joins them without retyping the query', async () => {
  const { page } = app;
  const search = page.getByRole('region', { name: 'Search' });
  const box = search.getByRole('searchbox', { name: 'Search' });
  await box.fill('zebrafinch');
  await search.getByText('No results.').waitFor();
  fs.writeFileSync(path.join(app.vaultDir, 'zebra.md'), '# Zebra\n\nA zebrafinch sings.\n');
  // the index changes (the watcher), the shown query is searched again
  await search.getByText(/^1 note$/).waitFor({ timeout: 60_000 });
  assert.equal(await search.locator('mark').first().innerText(), 'zebrafinch');
  fs.rmSync(path.join(app.vaultDir, 'zebra.md'));
  await search.getByText('No results.').waitFor({ timeout: 60_000 });
});
