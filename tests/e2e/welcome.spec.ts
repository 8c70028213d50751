/**
 * The first screen of a vault without a home note (#11): the "Welcome" region (recent notes, the most linked notes),
 * no note opened for the user; a hub opens its note; the "Home note" setting then opens that note on the next start.
 * Fixture: tests/fixtures/e2e-basic without its `.atlas/settings.json` (no root home note, no home setting).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eventually, REPO_ROOT, startApp, type AtlasApp } from './harness.ts';
import { tempDir } from '../support/temp-dir.ts';

let app: AtlasApp;
let seeded: string;
before(async () => {
  seeded = tempDir('welcome-e2e');
  const vault = path.join(seeded, 'no-home');
  fs.cpSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'e2e-basic'), vault, { recursive: true });
  fs.rmSync(path.join(vault, '.atlas'), { recursive: true, force: true });
  app = await startApp({ vault });
});
after(async () => {
  await app?.close();
  fs.rmSync(seeded, { recursive: true, force: true });
});

const editor = () => app.page.getByRole('region', { name: 'Editor' });

test('a vault without a home note opens the Welcome screen with its hubs, not its most linked note', async () => {
  const { page } = app;
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await welcome.waitFor();
  const hubs = welcome.getByRole('list', { name: 'Most linked notes' }).getByRole('button');
  await hubs.first().waitFor();
  assert.match((await hubs.first().textContent()) ?? '', /^goroutine/, 'the largest hub comes first');
  assert.ok((await hubs.count()) >= 3, 'several hubs are listed');
  await welcome.getByText('No note opened yet in this vault.').waitFor();
  // Nothing was opened for the user: no tab at all.
  assert.equal(await editor().getByRole('tab').count(), 0);
  await app.screenshot('welcome');

  await welcome
    .getByRole('list', { name: 'Most linked notes' })
    .getByRole('button', { name: /^channel/ })
    .click();
  await editor().getByRole('tab', { name: 'channel', exact: true, selected: true }).waitFor();
  assert.deepEqual(app.pageErrors, []);
});

test('the Home note setting opens that note on the next start', async () => {
  const { page } = app;
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const field = dialog.getByLabel('Home note');
  await field.fill('笔记/调度器');
  await field.press('Enter');
  const file = path.join(app.vaultDir, '.atlas', 'settings.json');
  await eventually(
    () => fs.existsSync(file) && JSON.parse(fs.readFileSync(file, 'utf8')).homeNote === '笔记/调度器',
    10_000,
    'homeNote stored in .atlas/settings.json',
  );
  await page.keyboard.press('Escape');
  await page.reload();
  await editor().getByRole('tab', { name: '调度器', exact: true, selected: true }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Welcome' }).count(), 0);
});
