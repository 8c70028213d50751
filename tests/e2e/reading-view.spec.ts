/**
 * Reading view (Ctrl/Cmd+E): the active note rendered from sanitised markdown — headings, lists, tables, code,
 * properties, wiki links that open their target, external links in a new window — while hostile HTML in the note
 * (script, onerror, javascript: links, iframe) never runs; toggling back shows the editor with the text unchanged.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eventually, startApp, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  // Source mode: the spec compares the editor's drawn lines with the file's text.
  app = await startApp({ vault: 'e2e-reading', sourceMode: true });
});
after(async () => {
  await app?.close();
});

const ADDED = 'Unsaved line 未保存的编辑';

test('the toggle renders the current text, sanitised', async () => {
  const { page } = app;
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'Home', exact: true, selected: true }).waitFor();
  const content = editor.locator('.cm-content');
  await content.getByText('Intro paragraph with').waitFor();

  // An edit not yet saved shows in the Reading view too.
  await content.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n${ADDED}`);
  const readingButton = editor.getByRole('button', { name: 'Reading view', exact: true });
  const editingButton = editor.getByRole('button', { name: 'Editing view', exact: true });
  assert.equal(await readingButton.getAttribute('aria-pressed'), 'false');
  await readingButton.click();
  assert.equal(await readingButton.getAttribute('aria-pressed'), 'true');
  assert.equal(await editingButton.getAttribute('aria-pressed'), 'false');

  const view = page.getByRole('article', { name: 'Reading view of Home' });
  await view.waitFor();
  assert.equal(await editor.locator('.editor-host').isVisible(), false, 'the source editor is hidden');
  await view.getByRole('heading', { level: 1, name: 'Reading view test' }).waitFor();
  await view.getByRole('heading', { level: 2, name: 'Lists and tables' }).waitFor();
  await view.getByText(ADDED).waitFor();
  assert.equal(await view.locator('ul > li').count(), 3);
  assert.equal(await view.locator('table:not(.properties) tbody tr').count(), 2);
  await view.getByRole('cell', { name: '协程' }).waitFor();
  // Frontmatter shows as properties, not as text.
  await view.getByRole('table', { name: 'Properties' }).getByRole('cell', { name: 'reading, 中文' }).waitFor();
  assert.equal(await view.getByText('aliases: [首页]').count(), 0);
  // Code stays code: wiki links and tags inside it are text.
  const code = view.locator('pre code');
  assert.match(await code.innerText(), /\[\[not a link\]\] <script>inside code<\/script>/);
  assert.equal(await view.locator('code', { hasText: '[[also not a link]]' }).count(), 1);

  // Links: wiki links (with alias, heading, unresolved), the embed, the external link.
  const channel = view.getByRole('link', { name: 'channel', exact: true });
  assert.equal(await channel.getAttribute('data-wikilink'), '通道|channel');
  await view.getByRole('link', { name: 'scheduling', exact: true }).waitFor();
  await view.locator('a.wikilink.unresolved', { hasText: '尚未创建的笔记' }).waitFor();
  // The embed `![[通道]]` shows the note itself, framed with a link to it (issue 9).
  await view.getByRole('figure', { name: 'Embedded 通道' }).getByRole('link', { name: '通道' }).waitFor();
  const external = view.getByRole('link', { name: 'Go website' });
  assert.equal(await external.getAttribute('href'), 'https://go.dev/');
  assert.equal(await external.getAttribute('target'), '_blank');
  assert.equal(await external.getAttribute('rel'), 'noopener noreferrer');

  // Hostile HTML is gone or inert.
  const counts = await view.evaluate((el) => ({
    script: el.querySelectorAll('script').length,
    iframe: el.querySelectorAll('iframe, object, embed').length,
    img: el.querySelectorAll('img').length,
    handlers: [...el.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on')))
      .length,
    jsHref: [...el.querySelectorAll('[href], [src]')].filter((n) =>
      /^\s*javascript:/i.test(n.getAttribute('href') ?? n.getAttribute('src') ?? ''),
    ).length,
  }));
  assert.deepEqual(counts, { script: 0, iframe: 0, img: 0, handlers: 0, jsHref: 0 });
  await view.getByText('click me').click();
  await view.getByText('raw anchor').click();
  await view.getByRole('heading', { name: 'Hostile HTML' }).click();
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
  assert.equal(
    await page.evaluate(() => document.querySelectorAll('script:not([src])').length),
    0,
    'no inline script in the page',
  );

  await app.screenshot('reading-view');
  assert.deepEqual(app.pageErrors, [], 'no console errors (CSP violations would show here)');
});

test('clicking a Chinese wiki link opens its target note', async () => {
  const { page } = app;
  const editor = page.getByRole('region', { name: 'Editor' });
  await page
    .getByRole('article', { name: 'Reading view of Home' })
    .getByRole('link', { name: 'channel', exact: true })
    .click();
  await editor.getByRole('tab', { name: '通道', exact: true, selected: true }).waitFor();
  // The link navigates the tab, which keeps its Reading view (Obsidian): the target is read, not edited.
  await page.getByRole('article', { name: 'Reading view of 通道' }).getByText('通道（channel）是').waitFor();
  assert.equal(
    await editor.getByRole('button', { name: 'Reading view', exact: true }).getAttribute('aria-pressed'),
    'true',
  );
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
});

test('toggling back (Ctrl+E) shows the editor with the text unchanged', async () => {
  const { page } = app;
  const editor = page.getByRole('region', { name: 'Editor' });
  // Back (history of the tab) returns to Home, still in Reading view.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await editor.getByRole('tab', { name: 'Home', exact: true, selected: true }).waitFor();
  const view = page.getByRole('article', { name: 'Reading view of Home' });
  await view.waitFor();
  await page.keyboard.press('Control+e');
  await view.waitFor({ state: 'detached' });
  const content = editor.locator('.cm-content');
  await content.waitFor({ state: 'visible' });
  assert.equal(
    await editor.getByRole('button', { name: 'Editing view', exact: true }).getAttribute('aria-pressed'),
    'true',
  );
  const original = fs.readFileSync(path.join(REPO_FIXTURE, 'Home.md'), 'utf8');
  // CodeMirror draws the lines of a view that just became visible after it has measured it (a frame or more later on
  // a busy machine): wait until the drawn lines are the whole text, rather than reading them once.
  const expected = `${original}\n${ADDED}`;
  let drawn = '';
  await eventually(
    async () => {
      // from the top: the editor may open where the Reading view was scrolled to (lines off screen are not drawn)
      await content.evaluate((el) => el.closest('.cm-scroller')?.scrollTo(0, 0));
      drawn = (await content.locator('.cm-line').allTextContents()).join('\n');
      return drawn === expected;
    },
    10_000,
    'the editor to show the whole text',
  ).catch(() => assert.equal(drawn, expected));
  // The edit reaches the disk unchanged (autosave), and Ctrl+E goes both ways.
  await eventually(
    () => fs.readFileSync(path.join(app.vaultDir, 'Home.md'), 'utf8') === `${original}\n${ADDED}`,
    10_000,
    'autosave',
  );
  await page.keyboard.press('Control+e');
  await view.getByText(ADDED).waitFor();
  // The keyboard focus follows both ways (Reading view scrolls with the keys; the editor takes typing again).
  await page.waitForFunction(() => document.activeElement?.matches('article.reading-view') ?? false, undefined, {
    timeout: 5000,
  });
  await page.keyboard.press('Control+e');
  await content.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.activeElement?.closest('.cm-editor') != null, undefined, { timeout: 5000 });
  assert.deepEqual(app.pageErrors, [], 'no console errors');
});

const REPO_FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'e2e-reading');
