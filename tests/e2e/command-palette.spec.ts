/**
 * Command palette (Ctrl/Cmd+Shift+P, Obsidian's Ctrl/Cmd+P too): a dialog named "Command palette" lists the registered
 * commands with their shortcuts, fuzzy-matched; Enter runs the selected one. An editor that takes the focus a frame late
 * (back from the Reading view, a note just loaded) leaves it in an open palette (the next keys would go into the note).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForGraphNodes, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic' });
  await waitForGraphNodes(app.page, 7);
});
after(async () => {
  await app?.close();
});

test('the palette runs a command chosen by a fuzzy name, and shows its shortcut', async () => {
  const { page } = app;
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { selected: true }).waitFor();
  await editor.getByRole('button', { name: 'Editing view', pressed: true }).waitFor();

  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.waitFor();
  await palette.getByRole('combobox').fill('tglread');
  const option = palette.getByRole('option', { name: 'Toggle reading view' });
  await option.waitFor();
  assert.equal(await option.getAttribute('aria-selected'), 'true');
  assert.match(await option.innerText(), /Ctrl\+E/);
  // the matched characters are marked
  assert.ok((await option.locator('mark').count()) > 0);
  await page.keyboard.press('Enter');
  await palette.waitFor({ state: 'detached' });
  await editor.getByRole('button', { name: 'Reading view', pressed: true }).waitFor();
});

test('Escape closes the palette; an unknown command name shows no options', async () => {
  const { page } = app;
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('zzzzqqq');
  await palette.getByText('No matching command.').waitFor();
  assert.equal(await palette.getByRole('option').count(), 0);
  await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'detached' });
});

test('a press outside the palette closes it; a press inside does not', async () => {
  const { page } = app;
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').waitFor();
  await palette.getByRole('combobox').click();
  assert.equal(await palette.count(), 1);
  const box = await palette.boundingBox();
  assert.ok(box);
  // below the dialog, on the backdrop
  await page.mouse.click(box.x + box.width / 2, box.y + box.height + 20);
  await palette.waitFor({ state: 'detached' });
});

test('a deferred editor focus does not take the keyboard from an open palette', async () => {
  const { page } = app;
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('button', { name: 'Reading view' }).click();
  await editor.getByRole('button', { name: 'Reading view', pressed: true }).waitFor();
  // Back to the editor (its focus comes a frame later) and, in the same task, the palette opened (as a fast user or a
  // busy machine would): the frame's focus must not move into the note behind the dialog.
  const focusIn = await page.evaluate(async () => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.getAttribute('aria-label') === 'Editing view' || b.textContent === 'Editing view',
    );
    if (!button) return 'no Editing view button';
    button.click();
    window.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true, bubbles: true }),
    );
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const active = document.activeElement;
    return active?.closest('[role="dialog"]')?.getAttribute('aria-label') ?? active?.className ?? 'nothing';
  });
  assert.equal(focusIn, 'Command palette');
  await editor.getByRole('button', { name: 'Editing view', pressed: true }).waitFor();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type('tglread');
  assert.equal(await palette.getByRole('combobox').inputValue(), 'tglread');
  await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'detached' });
});
