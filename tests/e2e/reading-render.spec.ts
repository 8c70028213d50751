/**
 * The reading view renders what Obsidian renders (issue 9), in Chromium against the real browser host, on the
 * tests/fixtures/e2e-render vault: note / section / block embeds framed with a link to their source, images with
 * sizes served by the token-checked `/vault-file/` route, audio and PDF, embed loops, a hostile note inside an embed,
 * callouts (folded and unfolded, nested), highlights, highlighted code, KaTeX math, mermaid (loaded only when a
 * diagram is shown), link states (broken heading/block, alias-only, unresolved), properties with clickable links,
 * scroll-to-heading from a link (reading view) and Ctrl-click (editor), and the hover page preview.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { eventually, startApp, type AtlasApp } from './harness.ts';
import { flashed, watchFlashes } from './flash.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-render' });
});
after(async () => {
  await app?.close();
});

const editor = () => app.page.getByRole('region', { name: 'Editor' });
const reading = (title: string) => app.page.getByRole('article', { name: `Reading view of ${title}` });

async function open(query: string, title: string): Promise<void> {
  const pane = app.page.getByRole('region', { name: 'Search', exact: true });
  await pane.getByRole('searchbox', { name: 'Search' }).fill(query);
  await pane
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .first()
    .click();
  await editor().getByRole('tab', { name: title, exact: true, selected: true }).waitFor();
}

async function openReading(query: string, title: string): Promise<Locator> {
  await open(query, title);
  const button = editor().getByRole('button', { name: 'Reading view', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  const view = reading(title);
  await view.waitFor();
  return view;
}

/** Waits until `el` (re-resolved on every try) lies inside `box`'s visible rectangle. */
async function within(el: Locator, box: Locator): Promise<void> {
  await eventually(
    async () => {
      const [a, b] = [await el.boundingBox(), await box.boundingBox()];
      return !!a && !!b && a.height > 0 && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1;
    },
    15_000,
    'the element in view',
  );
}

test('mermaid is not loaded until a diagram is shown', async () => {
  const loaded = await app.page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /mermaid/i.test(n)),
  );
  assert.deepEqual(loaded, []);
});

test('note, section and block embeds render inline, framed with a link to the source', async () => {
  const view = await openReading('Whole note', 'Embeds');
  const note = view.getByRole('figure', { name: 'Embedded Embedded note' });
  await note.getByText('body, with a link to').waitFor();
  assert.equal(await note.locator('strong').innerText(), 'embedded note');

  const section = view.getByRole('figure', { name: 'Embedded Sections > Second section' });
  await section.getByRole('heading', { name: 'Second section' }).waitFor();
  await section.getByText('Still inside the second section.').waitFor();
  assert.doesNotMatch(await section.innerText(), /Third section|First section/);

  const block = view.getByRole('figure', { name: 'Embedded Blocks > ^para1' });
  await block.getByText('This paragraph is a block.').waitFor();
  assert.doesNotMatch(await block.innerText(), /Some intro|\^para1\s*$/);

  // Embed loops stop with a notice; the page is still responsive.
  await view.getByText(/Embed loop: Loop A is already embedded above/).waitFor();
  await app.screenshot('reading-embeds');

  // The frame's title opens the source at the embedded line.
  await section.getByRole('link', { name: 'Sections > Second section' }).click();
  await editor().getByRole('tab', { name: 'Sections', exact: true, selected: true }).waitFor();
  await editor().locator('.cm-activeLine', { hasText: '## Second section' }).waitFor();
});

test('images with sizes, SVG, audio and PDF come from the vault through the token-checked route', async () => {
  const view = await openReading('Whole note', 'Embeds');
  const imgs = view.locator('img.embed-image[data-path="media/pic.png"]');
  await eventually(async () => (await imgs.count()) === 3, 15_000, 'three pictures');
  const info = await imgs.evaluateAll((els) =>
    (els as HTMLImageElement[]).map((i) => ({
      w: i.getAttribute('width'),
      h: i.getAttribute('height'),
      alt: i.alt,
      natural: i.naturalWidth,
      shown: Math.round(i.getBoundingClientRect().width),
      src: i.src,
    })),
  );
  await eventually(
    async () =>
      await imgs.evaluateAll((els) => (els as HTMLImageElement[]).every((i) => i.complete && i.naturalWidth > 0)),
    15_000,
    'pictures loaded',
  );
  assert.deepEqual(
    info.map((i) => [i.w, i.h]),
    [
      ['100', null],
      ['120', '50'],
      [null, null],
    ],
  );
  assert.deepEqual(
    info.map((i) => i.shown),
    [100, 120, 200],
  );
  assert.equal(info[2].alt, 'A blue box');
  for (const i of info) assert.match(i.src, /\/vault-file\/media\/pic\.png\?token=[0-9a-f]+$/);

  const svg = view.locator('img.embed-image[data-path="media/diagram.svg"]');
  await eventually(
    () => svg.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0),
    15_000,
    'SVG loaded',
  );
  assert.equal(
    await app.page.evaluate(() => (window as unknown as { __svgRan?: number }).__svgRan),
    undefined,
    'no script of the SVG ran',
  );

  const audio = view.locator('audio.embed-audio');
  assert.match(String(await audio.getAttribute('src')), /\/vault-file\/media\/sound\.wav\?token=/);
  const pdf = view.getByRole('link', { name: 'PDF: paper.pdf' });
  assert.match(String(await pdf.getAttribute('href')), /\/vault-file\/media\/paper\.pdf\?token=/);
  const status = await app.page.evaluate(
    async (href) => (await fetch(href)).status,
    String(await pdf.getAttribute('href')),
  );
  assert.equal(status, 200);
  assert.deepEqual(
    app.pageErrors.filter((e) => /Content Security Policy|Refused/i.test(e)),
    [],
  );
});

test('a hostile note inside an embed stays sanitised', async () => {
  const view = await openReading('Whole note', 'Embeds');
  const hostile = view.getByRole('figure', { name: 'Embedded Hostile' });
  await hostile.getByRole('heading', { name: 'Hostile' }).waitFor();
  const counts = await hostile.evaluate((el) => ({
    script: el.querySelectorAll('script').length,
    iframe: el.querySelectorAll('iframe').length,
    img: el.querySelectorAll('img').length,
    handlers: [...el.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
    jsHref: [...el.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
  }));
  assert.deepEqual(counts, { script: 0, iframe: 0, img: 0, handlers: 0, jsHref: 0 });
  await hostile.getByText('click').click();
  assert.equal(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
});

test('callouts fold and unfold, nest, and carry their type; highlights, tasks, footnotes, code, math and mermaid', async () => {
  const view = await openReading('highlighted text', 'Rich');
  const note = view.locator('.callout[data-callout="note"]');
  await note.getByText('A note callout').waitFor();
  assert.equal(await note.locator('.callout-icon svg').count(), 1, 'the type icon');

  const tip = view.locator('.callout[data-callout="tip"]');
  const tipTitle = tip.getByRole('button', { name: 'Folded tip' });
  assert.equal(await tipTitle.getAttribute('aria-expanded'), 'false');
  assert.equal(await tip.getByText('Hidden until opened.').isVisible(), false);
  await tipTitle.click();
  await tip.getByText('Hidden until opened.').waitFor();
  assert.equal(await tipTitle.getAttribute('aria-expanded'), 'true');

  const warning = view.locator('.callout[data-callout="warning"]');
  await warning.getByText('Visible warning body.').waitFor();
  await warning.getByRole('button', { name: 'Open warning' }).click();
  await warning.getByText('Visible warning body.').waitFor({ state: 'hidden' });
  await warning.getByRole('button', { name: 'Open warning' }).click();
  await warning.locator('.callout[data-callout="bug"]').getByText('Inside.').waitFor();
  assert.equal(await view.locator('.callout[data-callout="faq"] .callout-title').innerText(), 'Question alias');

  assert.equal(await view.locator('mark').innerText(), 'highlighted text');
  assert.equal(await view.locator('li input[type="checkbox"]:checked').count(), 1);
  await view.locator('section.footnotes').getByText('The footnote text.').waitFor();
  assert.equal(await view.locator('pre code.hljs .hljs-keyword').first().innerText(), 'func');
  await view.locator('.katex').first().waitFor();
  assert.equal(await view.locator('.katex-display').count(), 1);

  await view.locator('.mermaid-diagram[data-state="drawn"] svg').waitFor({ timeout: 30_000 });
  assert.match(await view.locator('.mermaid-diagram svg').innerHTML(), /Start/);
  const loaded = await app.page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /mermaid/i.test(n)),
  );
  assert.ok(loaded.length > 0, 'the mermaid chunk loads on demand');
  await app.screenshot('reading-rich');

  // Scrolled to the end (the footnotes' hidden heading included), the app's shell does not scroll away.
  await view.locator('section.footnotes').scrollIntoViewIfNeeded();
  await view.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const page = await app.page.evaluate(() => ({
    top: document.scrollingElement!.scrollTop,
    height: document.scrollingElement!.scrollHeight,
    inner: window.innerHeight,
  }));
  assert.equal(page.top, 0, 'the page itself is not scrolled');
  assert.ok(page.height <= page.inner, `the page is no taller than the window (${page.height} > ${page.inner})`);
});

test('broken heading/block links and alias-only links look different and say why; property links open', async () => {
  const view = await openReading('Welcome to the rendering', 'Home');
  const heading = view.locator('a.wikilink.broken-anchor', { hasText: 'No such heading' });
  await heading.waitFor();
  assert.equal(await heading.getAttribute('title'), 'Heading “No such heading” not found in Sections');
  const block = view.locator('a.wikilink.broken-anchor', { hasText: '^nope' });
  assert.equal(await block.getAttribute('title'), 'Block ^nope not found in Blocks');
  const alias = view.locator('a.wikilink.via-alias', { hasText: 'Sunny' });
  assert.match(String(await alias.getAttribute('title')), /resolved through an alias of Weather/);
  assert.match(
    String(await view.locator('a.wikilink.unresolved', { hasText: 'Nowhere' }).getAttribute('title')),
    /not created yet/,
  );
  const ok = view.locator('a.wikilink', { hasText: 'Sections > Third section' });
  assert.equal(await ok.getAttribute('class'), 'wikilink');

  await view.getByRole('table', { name: 'Properties' }).getByRole('link', { name: 'Sections' }).click();
  await editor().getByRole('tab', { name: 'Sections', exact: true, selected: true }).waitFor();
});

test('a link to a heading opens the note scrolled there, in the reading view and from the editor', async () => {
  // Sections shown in the reading view; a link to its third section from Home's reading view scrolls it there.
  const sections = await openReading('Third section text', 'Sections');
  const home = await openReading('Welcome to the rendering', 'Home');
  await watchFlashes(app.page);
  await home.locator('a.wikilink', { hasText: 'Sections > Third section' }).click();
  await sections.waitFor();
  await flashed(app.page, /^Third section$/);
  await within(sections.getByRole('heading', { name: 'Third section' }), sections);

  // From the editor: Ctrl-click on a block link opens the note at the block's line.
  await open('Welcome to the rendering', 'Home');
  await editor().getByRole('button', { name: 'Editing view', exact: true }).click();
  // Live Preview: the link shows its alias
  const link = editor().locator('.cm-content .cm-wikilink', { hasText: 'the second item' });
  await link.waitFor();
  await watchFlashes(app.page);
  await link.click({ modifiers: ['Control'] });
  await editor().getByRole('tab', { name: 'Blocks', exact: true, selected: true }).waitFor();
  await flashed(app.page, /item two \^item2/);
  await editor().locator('.cm-activeLine', { hasText: 'item two ^item2' }).waitFor();
});

test('a link followed in the reading view opens its target in the reading view', async () => {
  const home = await openReading('Welcome to the rendering', 'Home');
  const readingButton = editor().getByRole('button', { name: 'Reading view', exact: true });
  const follow = async () => {
    await home.locator('a.wikilink', { hasText: 'the second item' }).click();
    await editor().getByRole('tab', { name: 'Blocks', exact: true, selected: true }).waitFor();
    await reading('Blocks').waitFor();
    assert.equal(await readingButton.getAttribute('aria-pressed'), 'true');
  };
  await follow();
  // Blocks switched to the editing view, then reached again from Home's reading view: read again (the tab keeps
  // its mode, as in Obsidian; the note's own last mode does not win)
  await editor().getByRole('button', { name: 'Editing view', exact: true }).click();
  await editor().locator('.cm-content').waitFor();
  await app.page.getByRole('button', { name: 'Back', exact: true }).click();
  await home.waitFor();
  await follow();
});

test('hovering a link shows the page preview scrolled to its heading; Ctrl-hover in the editor too', async () => {
  const view = await openReading('Welcome to the rendering', 'Home');
  await view.locator('a.wikilink', { hasText: 'preview link' }).hover();
  const popover = app.page.getByRole('dialog', { name: 'Page preview' });
  await popover.waitFor();
  const body = popover.locator('.hover-popover-body');
  await body.locator('[data-scrolled-to]').or(body).first().waitFor();
  await eventually(async () => (await body.getAttribute('data-scrolled-to')) !== null, 15_000, 'preview scrolled');
  await within(popover.getByRole('heading', { name: 'Second section' }), body);
  await app.screenshot('reading-hover-preview');
  await app.page.keyboard.press('Escape');
  await popover.waitFor({ state: 'detached' });

  await editor().getByRole('button', { name: 'Editing view', exact: true }).click();
  const link = editor().locator('.cm-content .cm-wikilink', { hasText: 'preview link' });
  await link.waitFor();
  const box = (await link.boundingBox())!;
  await app.page.keyboard.down('Control');
  await app.page.mouse.move(box.x + 5, box.y + box.height / 2);
  await app.page.mouse.move(box.x + 12, box.y + box.height / 2);
  await popover.waitFor();
  await app.page.keyboard.up('Control');
  await popover.getByRole('heading', { name: 'Second section' }).waitFor();
  await app.page.keyboard.press('Escape');
});

test('the host served all of it without an error (media requests, aborted ranges)', () => {
  assert.doesNotMatch(app.hostStderr(), /Error|EBADF/);
});

test('a task ticked in the reading view is ticked in the note on disk, and unticked again', async () => {
  const view = await openReading('highlighted text', 'Rich');
  const open = view.getByRole('checkbox', { name: 'Task', exact: true }).first();
  await open.click();
  await view.getByRole('checkbox', { name: 'Completed task' }).nth(1).waitFor();
  const file = path.join(app.vaultDir, 'Rich.md');
  await eventually(() => {
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^- \[x\] open task$/m, 'saved with the box ticked');
    assert.match(text, /^- \[x\] done task$/m);
    return true;
  });
  // and back
  await view.getByRole('checkbox', { name: 'Completed task' }).first().click();
  await eventually(
    () => /^- \[ \] open task$/m.test(fs.readFileSync(file, 'utf8')),
    10_000,
    'the task unticked on disk',
  );
});

test('a custom task status shows checked with its data-task; a click opens it on disk, as Obsidian', async () => {
  const view = await openReading('half way there', 'Statuses');
  const half = view.locator('li.task-list-item.is-checked[data-task="/"] > input[data-task="/"]');
  await half.waitFor();
  assert.equal(await half.isChecked(), true);
  assert.equal(await view.locator('li[data-task="-"] > input:checked').count(), 1);
  assert.equal(await view.locator('li[data-task=" "] > input:not(:checked)').count(), 1);
  await half.click();
  const file = path.join(app.vaultDir, 'Statuses.md');
  await eventually(
    () => /^- \[ \] half way there$/m.test(fs.readFileSync(file, 'utf8')),
    10_000,
    'the custom status opened on disk',
  );
  assert.match(fs.readFileSync(file, 'utf8'), /^- \[-\] dropped on purpose$/m, 'the other task is untouched');
  await view.locator('li[data-task=" "] > input:not(:checked)').nth(1).waitFor();
});

test('an inline footnote is a numbered reference, its text listed with the other footnotes', async () => {
  const view = await openReading('A claim with an ordinary footnote', 'Inline notes');
  const refs = view.locator('sup a[data-footnote-ref]');
  await refs.nth(1).waitFor();
  assert.deepEqual(await refs.allInnerTexts(), ['1', '2']);
  const items = view.locator('section.footnotes li');
  assert.equal(await items.count(), 2);
  assert.match(await items.nth(0).innerText(), /The ordinary footnote\./);
  assert.match(await items.nth(1).innerText(), /An inline note linking Home\./);
  await items.nth(1).locator('a.wikilink', { hasText: 'Home' }).waitFor();
  assert.equal(await view.getByText('^[').count(), 0, 'no literal ^[');
});
