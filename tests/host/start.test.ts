/**
 * `npm start` where Electron cannot run: one line saying why, then the browser host's URL line, and the app is served.
 * Runs with `--no-build` (the renderer build of `npm test` is reused) and an Electron location that holds no binary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { tempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('without an Electron binary, npm start says why in one line and serves the app in the browser', {
  skip: !existsSync(join(root, 'out/renderer/index.html')) && 'renderer not built',
}, async () => {
  const work = tempDir('start');
  const child = spawn(
    process.execPath,
    [
      'scripts/start.ts',
      join(root, 'tests/fixtures/cli-basic'),
      '--port',
      '0',
      '--db',
      join(work, 'a.db'),
      '--no-build',
    ],
    {
      cwd: root,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(work, 'no-electron-here') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL line; stdout so far: ${lines.join(' | ')}`)), 30_000);
      rl.on('line', (l) => {
        lines.push(l);
        if (l.startsWith('Concept Atlas: ')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    assert.equal(lines.length, 2, `one reason line, then the URL: ${lines.join(' | ')}`);
    assert.match(lines[0], /^Electron is not installed .*; serving the app in the browser instead\.$/);
    const url = new URL(lines[1].slice('Concept Atlas: '.length));
    assert.equal(url.hostname, '127.0.0.1');
    const token = url.searchParams.get('token') ?? '';
    const page = await fetch(new URL('/', url));
    assert.equal(page.status, 200);
    const info = await fetch(new URL('/api/vaultInfo', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"args":[]}',
    });
    assert.equal(info.status, 200);
    assert.equal(((await info.json()) as { result: { name: string } }).result.name, 'cli-basic');
  } finally {
    child.kill();
    rmSync(work, { recursive: true, force: true });
  }
});

test('npm start refuses unknown options and bad ports with the usage line, exit 2, before building', async () => {
  for (const args of [['--bogus'], ['--port', 'abc', '--no-build'], ['--no-build=yes']]) {
    const r = spawnSync(process.execPath, ['scripts/start.ts', ...args], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', 'nothing built, nothing served');
    assert.match(r.stderr, args[0] === '--bogus' ? /usage: npm start/ : /--port|no-build/);
  }
});
