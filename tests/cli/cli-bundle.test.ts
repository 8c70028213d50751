/**
 * The bundled command line (issue 13, scripts/build-parse-worker.ts `buildCli`): a real vite build into a temp folder
 * whose `atlas.mjs` answers exactly as the TypeScript source CLI on the same vault (export of every note, file, link
 * and problem; check; search), and whose bench entries run. `npm run atlas` and `npm run bench` run these bundles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, bundledCli } from '../../scripts/build-parse-worker.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'tests/fixtures/cli-basic');

function run(script: string, args: string[]): string {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', cwd: root });
  assert.equal(r.status, 0, `${path.basename(script)} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

test('the bundled CLI answers as the source CLI does; its bench entries run', async () => {
  const work = tempDir('cli-bundle');
  // inside the checkout, as out/cli/ is: the bundle imports better-sqlite3 (and the baseline remark) from node_modules
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
  const outDir = fs.mkdtempSync(path.join(root, 'out', 'test-cli-'));
  const out = pathToFileURL(outDir + '/');
  try {
    const manifest = await buildCli(out);
    assert.ok(
      manifest.files.some((f) => f.file.endsWith(path.join('electron', 'cli', 'atlas.ts'))),
      'the manifest lists the CLI source',
    );
    const bundle = bundledCli('atlas', out);
    assert.ok(bundle, 'a fresh bundle is used');
    const vault = path.join(work, 'vault');
    fs.cpSync(fixture, vault, { recursive: true });
    const source = path.join(root, 'electron/cli/atlas.ts');
    const answers = (cli: string, db: string) => {
      const index = JSON.parse(run(cli, ['index', vault, '--db', db, '--json'])) as Record<string, unknown>;
      delete index.ms;
      delete index.db;
      return {
        index,
        export: run(cli, ['export', vault, '--db', db]),
        check: run(cli, ['check', vault, '--db', db, '--json']),
        search: run(cli, ['search', vault, 'home', '--db', db, '--json']),
      };
    };
    const fromSource = answers(source, path.join(work, 'source.db'));
    const fromBundle = answers(fileURLToPath(bundle), path.join(work, 'bundle.db'));
    assert.equal((fromSource.index as { mode: string }).mode, 'cold');
    assert.ok(JSON.parse(fromSource.export).notes.length > 2, 'the fixture has notes');
    assert.deepEqual(fromBundle, fromSource);

    const cold = JSON.parse(
      run(fileURLToPath(new URL('bench-cold.mjs', out)), [vault, path.join(work, 'cold.db')]),
    ) as { notes: number };
    assert.equal(cold.notes, JSON.parse(fromSource.export).notes.length);
    const base = JSON.parse(run(fileURLToPath(new URL('bench-baseline.mjs', out)), [vault])) as { files: number };
    assert.ok(base.files > 2);

    // an edited source makes the bundle stale (the check is worker-bundle.ts's, tested there in full)
    const entry = manifest.files[0];
    const manifestPath = new URL('manifest.json', out);
    const edited = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as typeof manifest;
    edited.files[0] = { ...entry, size: entry.size + 1 };
    fs.writeFileSync(manifestPath, JSON.stringify(edited));
    assert.equal(bundledCli('atlas', out), null, 'a changed source is not run from the bundle');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});
