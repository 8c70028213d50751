/**
 * `npm start [-- <vault>] [--port N] [--db F] [--no-build]`: builds the app with `electron-vite build` (skipped with
 * `--no-build`, which reuses `out/`), then launches Electron on the vault.
 * When Electron cannot run (binary not installed — it cannot be downloaded on every machine — or it fails to start,
 * e.g. no display), prints ONE line saying why and serves the same app in the browser instead (electron/host/web.ts),
 * which prints its `Concept Atlas: http://127.0.0.1:<port>/?token=…` line.
 *
 * The binary is located the way `require('electron')` does (node_modules/electron/path.txt → dist/<path>). Electron
 * ≥ 42 has no install script, so a missing binary is fetched once here with the package's own `install.js` (build
 * output and download messages go to stderr); where it cannot be downloaded, that fails fast and the browser takes over.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWebArgs, runWeb } from '../electron/host/web.ts';
import { parseArgsOrUsage } from './cli-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
/** An Electron that exits with an error within this time is taken as "failed to start", ms. */
const STARTUP_GRACE_MS = 5000;

/** The Electron executable, or the reason there is none. */
function electronBinary(): { bin: string } | { reason: string } {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'Electron is not installed (the electron package is missing)' };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return fs.existsSync(bin)
      ? { bin }
      : { reason: `Electron is not installed (nothing at ELECTRON_OVERRIDE_DIST_PATH ${bin})` };
  }
  let rel: string;
  try {
    rel = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    return { reason: 'Electron is not installed (no binary could be downloaded)' };
  }
  const bin = path.join(pkgDir, 'dist', rel);
  return fs.existsSync(bin) ? { bin } : { reason: 'Electron is not installed (no binary could be downloaded)' };
}

/** Runs the electron package's own downloader once (at most 5 minutes); true when it succeeded. */
function downloadElectron(): boolean {
  let installer: string;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return false;
  }
  console.error('Electron binary missing: trying to download it (npx install-electron)…');
  const r = spawnSync(process.execPath, [installer], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, 'inherit'],
    timeout: 300_000,
  });
  return r.status === 0;
}

function build(): void {
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  // Build output goes to stderr, so stdout carries only the fallback reason and the URL line.
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, 'inherit'] });
  if (r.status !== 0) {
    console.error('The build failed (electron-vite build); see the messages above.');
    process.exit(r.status ?? 1);
  }
}

/** Runs Electron; resolves with why it could not start, or never resolves while it runs (exits with it). */
function launchElectron(bin: string, vaultArgs: string[]): Promise<string> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(bin, [ROOT, ...vaultArgs], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (e) => resolve(`Electron failed to start (${(e as NodeJS.ErrnoException).code ?? e.message})`));
    child.on('exit', (code, signal) => {
      if (code !== 0 && Date.now() - started < STARTUP_GRACE_MS) {
        resolve(`Electron failed to start (exit ${signal ?? code})`);
      } else {
        process.exit(code ?? 0);
      }
    });
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  });
}

async function serveInBrowser(argv: string[]): Promise<void> {
  const args = parseWebArgs(argv);
  const { stop } = await runWeb(args);
  const shutdown = () => void stop().finally(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

const USAGE = 'usage: npm start -- [<vault>] [--port N] [--db file] [--no-build]';

/**
 * The command line: `--no-build` is start's own; the rest (vault, `--port`, `--db`) is the browser host's, checked
 * by its parser (electron/host/web.ts) before the slow build. Exits with code 2 on bad arguments.
 */
function parseStartArgs(): { noBuild: boolean; vaults: string[]; hostArgv: string[] } {
  const argv = process.argv.slice(2);
  const parsed = parseArgsOrUsage(
    {
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: { port: { type: 'string' }, db: { type: 'string' }, 'no-build': { type: 'boolean' } },
    } as const,
    USAGE,
  );
  if (!parsed) process.exit(2);
  const own = new Set(parsed.tokens.filter((t) => t.kind === 'option' && t.name === 'no-build').map((t) => t.index));
  const hostArgv = argv.filter((_, i) => !own.has(i));
  try {
    parseWebArgs(hostArgv);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  return { noBuild: parsed.values['no-build'] === true, vaults: parsed.positionals, hostArgv };
}

async function main(): Promise<void> {
  const { noBuild, vaults, hostArgv: argv } = parseStartArgs();
  if (!noBuild) build();
  let found = electronBinary();
  if (!('bin' in found) && !process.env.ELECTRON_OVERRIDE_DIST_PATH && downloadElectron()) found = electronBinary();
  let reason: string;
  if ('bin' in found) {
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      reason = 'Electron cannot open a window (no DISPLAY)';
    } else {
      reason = await launchElectron(
        found.bin,
        vaults.map((v) => path.resolve(v)),
      );
    }
  } else {
    reason = found.reason;
  }
  console.log(`${reason}; serving the app in the browser instead.`);
  try {
    await serveInBrowser(argv);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

void main();
