/**
 * The one-file parse worker (issue 13, electron/core/index/worker-bundle.ts, scripts/build-parse-worker.ts): a real
 * vite build into a temp folder parses notes exactly as the source parser does, and a bundle whose manifest no
 * longer matches its source files (changed size or mtime, a file gone, no manifest) or that the environment turns
 * off is never used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ParsePool } from '../../../electron/core/index/parse-pool.ts';
import { readAndParse, type ParseResult, type ParseTask } from '../../../electron/core/index/read-note.ts';
import { nodeVaultFs } from '../../../electron/core/index/vault-fs.ts';
import { bundledParseWorker, type BundleManifest } from '../../../electron/core/index/worker-bundle.ts';
import { buildParseWorker } from '../../../scripts/build-parse-worker.ts';
import { tempDir } from '../../support/temp-dir.ts';

const NOTES: Record<string, string> = {
  'a.md':
    '---\naliases: [Alpha, 甲]\ntags: [x/y]\nlevel: 2\n---\n# A\n\nSee [[b#Part|bee]], ![[c.png]] and #tag. ^blk\n',
  'b.md':
    '# B\n\n## Part\n\n| a | b |\n|---|---|\n| [[a\\|x]] | $m$ |\n\n协程调度 [[缺失]] [md](a.md) ==mark==\n%% [[hidden]] %%\n',
  'c.md': '```go\n[[not a link]]\n```\n\n> [!note] Callout\n> [[a]]\n\n[^1]: foot [[b]]\n',
};

test('the bundled worker parses as the source does; a stale or switched-off bundle is not used', async () => {
  const work = tempDir('bundle');
  const out = pathToFileURL(path.join(work, 'bundle') + '/');
  try {
    const manifest = await buildParseWorker(out);
    assert.ok(manifest.files.length > 50, `bundled from ${manifest.files.length} files`);
    assert.ok(manifest.files.some((f) => f.file.endsWith(path.join('electron', 'core', 'parse', 'index.ts'))));
    const url = bundledParseWorker(out);
    assert.ok(url, 'a fresh bundle is used');

    const vault = path.join(work, 'vault');
    fs.mkdirSync(vault);
    const tasks: ParseTask[] = Object.entries(NOTES).map(([p, text]) => {
      fs.writeFileSync(path.join(vault, p), text);
      return { path: p, absPath: path.join(vault, p), size: Buffer.byteLength(text), oldHash: null };
    });
    const pool = new ParsePool({ workers: 1, workerUrl: url, fs: nodeVaultFs });
    const got: ParseResult[] = [];
    try {
      await pool.parse(tasks, (r) => got.push(...r));
    } finally {
      await pool.close();
    }
    const byPath = (rs: ParseResult[]) => rs.toSorted((a, b) => (a.path < b.path ? -1 : 1));
    assert.deepEqual(byPath(got), byPath(tasks.map((t) => readAndParse(nodeVaultFs, t))));

    const manifestFile = new URL('manifest.json', out);
    const write = (m: BundleManifest) => fs.writeFileSync(manifestFile, JSON.stringify(m));
    const first = manifest.files[0];
    write({ files: [{ ...first, size: first.size + 1 }, ...manifest.files.slice(1)] });
    assert.equal(bundledParseWorker(out), null, 'a source of another size');
    write({ files: [{ ...first, mtimeMs: first.mtimeMs + 1 }, ...manifest.files.slice(1)] });
    assert.equal(bundledParseWorker(out), null, 'a source with another mtime');
    write({ files: [...manifest.files, { file: path.join(work, 'gone.ts'), size: 1, mtimeMs: 1 }] });
    assert.equal(bundledParseWorker(out), null, 'a source gone');
    write(manifest);
    assert.ok(bundledParseWorker(out), 'fresh again');
    process.env.ATLAS_PARSE_WORKER = 'source';
    try {
      assert.equal(bundledParseWorker(out), null, 'ATLAS_PARSE_WORKER=source');
    } finally {
      delete process.env.ATLAS_PARSE_WORKER;
    }
    fs.rmSync(manifestFile);
    assert.equal(bundledParseWorker(out), null, 'no manifest');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
