/**
 * Outline pane (region "Outline"): nested headings, a click scrolls the editor to the heading. Properties pane
 * (region "Properties"): typed fields; an edit changes only that line on disk; add and remove; malformed YAML is
 * shown and left as written.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eventually, startApp, waitForGraphNodes, type AtlasApp, treeItem } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic' });
  await waitForGraphNodes(app.page, 7);
});
after(async () => {
  await app?.close();
});

const editor = () => app.page.getByRole('region', { name: 'Editor' });
async function open(name: string) {
  await (await treeItem(app.page, name)).click();
  await editor().getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

test('the outline nests headings; clicking one scrolls the editor to it', async () => {
  const { page } = app;
  const filler = Array.from({ length: 150 }, (_, i) => `Line ${i} of filler text.`).join('\n');
  fs.writeFileSync(
    path.join(app.vaultDir, 'Long.md'),
    `# Top\n\n${filler}\n\n## Middle part\n\n${filler}\n\n### Deep end\n\nThe end.\n`,
  );
  await treeItem(page, 'Long');
  await open('Long');
  const outline = page.getByRole('region', { name: 'Outline' });
  const deep = outline.getByRole('button', { name: 'Deep end' });
  await deep.waitFor();
  // nested: Deep end sits in Middle part's list, which sits in Top's
  assert.equal(await outline.locator('ul ul ul button', { hasText: 'Deep end' }).count(), 1);
  const line = editor().locator('.cm-line', { hasText: 'Deep end' }); // `### ` is hidden off the cursor line
  assert.equal(await line.count(), 0, 'not rendered before scrolling (off screen)');
  await deep.click();
  await eventually(
    async () => {
      const box = await editor().locator('.cm-activeLine', { hasText: 'Deep end' }).boundingBox();
      return box !== null && box.y > 0 && box.y < page.viewportSize()!.height;
    },
    10_000,
    'heading scrolled into view',
  );
});

test('editing a property changes only that line on disk', async () => {
  const { page } = app;
  await open('goroutine');
  const file = path.join(app.vaultDir, 'concepts', 'goroutine.md');
  const before = fs.readFileSync(file, 'utf8');
  const props = page.getByRole('region', { name: 'Properties' });
  const level = props.getByRole('textbox', { name: 'level', exact: true });
  await level.waitFor();
  assert.equal(await level.inputValue(), '初级');
  // a list and a link-valued list are typed too
  await props.getByRole('textbox', { name: 'aliases', exact: true }).waitFor();
  await props.getByRole('button', { name: 'process and thread' }).waitFor();
  // suggestions: the vault's tags for `tags`, note links for a link list, nothing for `aliases` (Obsidian)
  const suggested = (name: string) =>
    props.getByRole('combobox', { name, exact: true }).evaluate((el) => {
      const list = (el as HTMLInputElement).list;
      return list ? [...list.options].map((o) => o.value) : null;
    });
  await props.getByRole('combobox', { name: 'tags', exact: true }).focus();
  await eventually(async () => ((await suggested('tags')) ?? []).includes('go/concurrency'), 10_000, 'tag suggestions');
  assert.ok(!((await suggested('tags')) ?? []).some((v) => v.startsWith('[[')), 'no note links offered for tags');
  assert.ok(((await suggested('prerequisites')) ?? []).includes('[[channel]]'), 'note links for a link list');
  await level.fill('中级');
  await level.press('Enter');
  const after = await eventually(
    () => {
      const t = fs.readFileSync(file, 'utf8');
      return t !== before ? t : null;
    },
    10_000,
    'saved',
  );
  const a = before.split('\n');
  const b = (after as string).split('\n');
  assert.equal(a.length, b.length);
  assert.deepEqual(
    b.filter((l, i) => l !== a[i]),
    ['level: 中级'],
  );
});

test('adding and removing a property; malformed YAML is shown and never rewritten', async () => {
  const { page } = app;
  const props = page.getByRole('region', { name: 'Properties' });
  const file = path.join(app.vaultDir, 'concepts', 'goroutine.md');
  await props.getByRole('button', { name: 'Add property' }).click();
  await props.getByRole('textbox', { name: 'Property name' }).fill('status');
  await props.getByRole('button', { name: 'Add' }).click();
  const status = props.getByRole('textbox', { name: 'status', exact: true });
  await status.fill('draft');
  await status.press('Enter');
  await eventually(() => /\nstatus: draft\n---\n/.test(fs.readFileSync(file, 'utf8')), 10_000, 'added');
  await props.getByRole('button', { name: 'Remove status' }).click();
  await eventually(() => !fs.readFileSync(file, 'utf8').includes('status:'), 10_000, 'removed');

  const bad = '---\ntitle: [unclosed\n---\n# Bad\n';
  fs.writeFileSync(path.join(app.vaultDir, 'Bad yaml.md'), bad);
  await treeItem(page, 'Bad yaml');
  await open('Bad yaml');
  await props
    .getByRole('alert')
    .getByText(/Malformed YAML/)
    .waitFor();
  assert.equal(await props.getByRole('textbox').count(), 0);
  assert.equal(fs.readFileSync(path.join(app.vaultDir, 'Bad yaml.md'), 'utf8'), bad);
});

test('a list item holding a comma stays one item; a field left unchanged is never rewritten', async () => {
  const { page } = app;
  const file = path.join(app.vaultDir, 'Clipping.md');
  const before = '---\nauthor:\n  - "Smith, John"\n  - "Doe, Jane"\nsizes: [1, 2]\nempty:\n---\nBody.\n';
  fs.writeFileSync(file, before);
  await treeItem(page, 'Clipping');
  await open('Clipping');
  const props = page.getByRole('region', { name: 'Properties' });
  const author = props.getByRole('combobox', { name: 'author', exact: true });
  await author.waitFor();
  // focusing and leaving each field changes nothing (the list was rewritten as Smith / John / Doe / Jane; `empty:`
  // became `empty: ""`; the numbers became strings)
  for (const name of ['author', 'sizes', 'empty']) {
    const field = props.getByRole(name === 'empty' ? 'textbox' : 'combobox', { name, exact: true });
    await field.click();
    await field.press('Tab');
  }
  await author.click();
  await author.press('End');
  await author.pressSequentially(', Roe');
  await author.press('Enter');
  const after = await eventually(
    () => {
      const t = fs.readFileSync(file, 'utf8');
      return t !== before ? t : null;
    },
    10_000,
    'saved',
  );
  assert.equal(after, '---\nauthor:\n  - "Smith, John"\n  - "Doe, Jane"\n  - Roe\nsizes: [1, 2]\nempty:\n---\nBody.\n');
});
