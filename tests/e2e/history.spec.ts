/**
 * History: each tab has its own back/forward (Alt+←/→, Ctrl/Cmd+Alt+←/→, mouse buttons 4/5, the Back/Forward buttons).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { callApiFromPage, eventually, startApp, waitForGraphNodes, type AtlasApp, treeItem } from './harness.ts';

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

/** Whether the editor shows a drawn line with exactly `text` inside its visible area. */
async function lineInView(text: string): Promise<boolean> {
  return app.page.evaluate((t) => {
    const scroller = document.querySelector('.editor-host:not([hidden]) .cm-scroller');
    if (!scroller) return false;
    const box = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('.cm-line')].some((l) => {
      const r = l.getBoundingClientRect();
      return l.textContent === t && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    });
  }, text);
}

test('Back and a tab switch return a note to where it was left: cursor and scroll, and the Reading view’s scroll', async () => {
  const { page } = app;
  const lines = Array.from({ length: 300 }, (_, i) => `Line ${i + 1}`);
  fs.writeFileSync(path.join(app.vaultDir, 'Long note.md'), `# Long note\n\n${lines.join('\n\n')}\n`);
  await open('Long note');
  await page.locator('.editor-host:not([hidden]) .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await eventually(() => lineInView('Line 300'), 10_000, 'the end of the note in view');
  assert.equal(await lineInView('Line 1'), false, 'the top is scrolled away');

  // navigate the tab away (its document closes), then Back
  await open('channel');
  await page.keyboard.press('Alt+ArrowLeft');
  await selected('Long note');
  await eventually(() => lineInView('Line 299'), 10_000, 'Back shows the place left');
  assert.equal(await page.locator('.editor-host:not([hidden]) .cm-activeLine').textContent(), 'Line 300');

  // a tab switch keeps the place too
  await open('Mutex', ['Control']);
  await editor().getByRole('tab', { name: 'Long note', exact: true }).click();
  await selected('Long note');
  await eventually(() => lineInView('Line 299'), 10_000, 'a tab switch shows the place left');

  // the Reading view: scrolled down, away and Back
  await page.getByRole('button', { name: 'Reading view', exact: true }).click();
  const reading = page.getByRole('article', { name: 'Reading view of Long note' });
  await reading.getByText('Line 300', { exact: true }).waitFor();
  await reading.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const top = await reading.evaluate((el) => el.scrollTop);
  assert.ok(top > 1000, `the reading view scrolled (${top})`);
  await open('select');
  await page.keyboard.press('Alt+ArrowLeft');
  await selected('Long note');
  await eventually(
    () => reading.evaluate((el, t) => Math.abs(el.scrollTop - t) < 2, top),
    10_000,
    'Back restores the reading scroll',
  );
});

test('the open tabs, the active one and each tab’s history come back after a reload (Obsidian keeps its workspace)', async () => {
  const { page, token } = app;
  // no home note: with one, it is opened and focused beside the kept tabs (welcome.spec.ts)
  await callApiFromPage(page, token, 'updateSettings', [{ homeNote: '' }]);
  await open('goroutine', ['Control']);
  await open('channel');
  const names = () =>
    editor()
      .getByRole('tab')
      .evaluateAll((tabs) =>
        tabs.map((t) => `${t.getAttribute('aria-selected') === 'true' ? '*' : ''}${t.textContent}`),
      );
  const before = await names();
  assert.ok(before.includes('*channel'), before.join(', '));
  await page.reload();
  await selected('channel');
  await eventually(async () => (await names()).join('|') === before.join('|'), 10_000, `tabs ${before.join(', ')}`);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await selected('goroutine');

  // a note deleted meanwhile is not restored
  fs.rmSync(path.join(app.vaultDir, 'Long note.md'));
  await eventually(async () => !(await names()).some((n) => n.includes('Long note')), 10_000, 'its tab closes');
  await page.reload();
  await selected('goroutine');
  assert.ok(!(await names()).some((n) => n.includes('Long note')));
});

test('a note opened anew starts at its top, whatever the last note’s scroll', async () => {
  const { page } = app;
  const write = (name: string, word: string) =>
    fs.writeFileSync(
      path.join(app.vaultDir, `${name}.md`),
      `# ${name}\n\n${Array.from({ length: 200 }, (_, i) => `${word} ${i + 1}`).join('\n\n')}\n`,
    );
  write('Scrolled A', 'Alpha');
  write('Scrolled B', 'Beta');
  await open('Scrolled A');
  await page.locator('.editor-host:not([hidden]) .cm-content').click();
  await page.keyboard.press('Control+End');
  await eventually(() => lineInView('Alpha 200'), 10_000, 'A scrolled to its end');
  await open('Scrolled B');
  await eventually(() => lineInView('Beta 1'), 10_000, 'B at its top');
  assert.equal(await page.locator('.editor-host:not([hidden]) .cm-activeLine').textContent(), '# Scrolled B');
});

test('after a reload the restored note is shown where it was left', async () => {
  const { page } = app;
  await open('Scrolled A');
  await page.locator('.editor-host:not([hidden]) .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await eventually(() => lineInView('Alpha 200'), 10_000, 'A scrolled to its end');
  await page.reload();
  await selected('Scrolled A');
  await eventually(() => lineInView('Alpha 200'), 10_000, 'A back at its end');
  assert.equal(await page.locator('.editor-host:not([hidden]) .cm-activeLine').textContent(), 'Alpha 200');
});

test('after a reload, a search hit in a restored background tab opens at the hit, not where the note was left', async () => {
  const { page } = app;
  // B left scrolled to its end in a tab of its own; A the active tab
  await open('Scrolled B', ['Control']);
  await page.locator('.editor-host:not([hidden]) .cm-content').click();
  await page.keyboard.press('Control+End');
  await eventually(() => lineInView('Beta 200'), 10_000, 'B scrolled to its end');
  await editor().getByRole('tab', { name: 'Scrolled A', exact: true }).click();
  await selected('Scrolled A');
  await page.reload();
  await selected('Scrolled A');
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('region', { name: 'Search' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Search');
  await page.keyboard.type('"Beta 3"');
  await search.getByRole('button', { name: /Beta 3.*\(line 7\)$/ }).click();
  await selected('Scrolled B');
  await page.waitForFunction(() => window.getSelection()?.toString() === 'Beta 3');
  await eventually(() => lineInView('Beta 3'), 10_000, 'the hit in view');
  assert.equal(await lineInView('Beta 200'), false, 'not the place B was left');
});

test('Back returns the editor to the pixel it was left at, inside a long wrapped paragraph', async () => {
  const { page } = app;
  // paragraphs that wrap over many lines: the view's top falls inside one, not at a line's start
  const para = (i: number) => `Paragraph ${i}: ${'words that wrap across the editor width '.repeat(30)}`;
  fs.writeFileSync(
    path.join(app.vaultDir, 'Wrapped note.md'),
    `# Wrapped note\n\n${Array.from({ length: 40 }, (_, i) => para(i + 1)).join('\n\n')}\n`,
  );
  await open('Wrapped note');
  const scroller = page.locator('.editor-host:not([hidden]) .cm-scroller');
  await scroller.locator('.cm-line', { hasText: 'Paragraph 1:' }).waitFor();
  // scrolled to a point that is no line's start: the middle of a paragraph's wrapped text
  await scroller.evaluate(async (el) => {
    el.scrollTop = 2777;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  /** The line drawn at the editor's top and how far it starts above the top (px; the scrollTop itself moves as
   * CodeMirror measures lines it had estimated). */
  const topLine = () =>
    scroller.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const line = [...el.querySelectorAll('.cm-line')].find((l) => l.getBoundingClientRect().bottom > box.top + 1)!;
      return {
        text: (line.textContent ?? '').slice(0, 14),
        above: Math.round(box.top - line.getBoundingClientRect().top),
      };
    });
  const left = await topLine();
  assert.ok(left.above > 20, `the top line is scrolled part-way (${JSON.stringify(left)})`);
  await open('select');
  await page.keyboard.press('Alt+ArrowLeft');
  await selected('Wrapped note');
  let now = left;
  const restored = await eventually(
    async () => {
      now = await topLine();
      return now.text === left.text && Math.abs(now.above - left.above) <= 2;
    },
    10_000,
    'Back restores the view',
  ).then(
    () => true,
    () => false,
  );
  assert.ok(restored, `Back restores the view: ${JSON.stringify(left)} at the top, not ${JSON.stringify(now)}`);
});
