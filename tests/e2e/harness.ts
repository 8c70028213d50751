/**
 * End-to-end harness: the real browser host on a temp copy of a fixture vault, driven by Debian's Chromium through
 * playwright-core.
 *
 *   const app = await startApp({ vault: 'e2e-basic' });   // tests/fixtures/e2e-basic, or any folder path
 *   await (await treeItem(app.page, 'goroutine')).click();   // expands the folders on the way (they start collapsed)
 *   await app.close();
 *
 * `startApp` copies the vault to a temp folder, spawns `node electron/host/web.ts <tmp vault> --port 0 --db <tmp>/atlas.db`
 * (with `process.execPath`), reads the URL from the host's first stdout line, launches `/usr/bin/chromium` headless,
 * opens the URL and waits for the "Graph" region. `close()` closes the browser, stops the host (SIGTERM, then SIGKILL
 * after 3 s) and removes the temp folders. The renderer must be built (`npm run build:web`; `npm run test:e2e` does it).
 * Screenshots go to tests/.artifacts/ (git-ignored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { removeTree, tempDir } from '../support/temp-dir.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'tests', '.artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** How long the host may take to print its URL, ms. */
const HOST_START_TIMEOUT_MS = 60_000;

export interface StartOptions {
  /** A fixture name under tests/fixtures/ (e.g. `e2e-basic`) or a folder path (absolute or relative to the repo). */
  vault: string;
  /** Browser viewport; default 1600×900. */
  viewport?: { width: number; height: number };
  /** Emulated `prefers-color-scheme`; default `light`. */
  colorScheme?: 'light' | 'dark';
  /**
   * Editors in Source mode (the markdown as written on every line) instead of Live Preview: the vault copy's
   * `.atlas/settings.json` gets `defaultEditingMode: 'source'` (other keys kept); default false.
   */
  sourceMode?: boolean;
}

export interface AtlasApp {
  page: Page;
  browser: Browser;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  baseUrl: string;
  /** The host's API token (for specs that call the API with `fetch`). */
  token: string;
  /** The temp copy of the vault the host serves; specs read and write files here. */
  vaultDir: string;
  /** Milliseconds: spawn → URL line, and spawn → "Graph" region visible; `spawnedAt` is performance.now() at spawn. */
  timings: { spawnedAt: number; hostUrlMs: number; firstScreenMs: number };
  /** Console errors and uncaught page errors seen so far (CSP violations appear here). */
  pageErrors: string[];
  /** Host stderr so far. */
  hostStderr(): string;
  /** Saves a full-page screenshot to tests/.artifacts/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function resolveVault(vault: string): string {
  const candidates = path.isAbsolute(vault)
    ? [vault]
    : [path.join(REPO_ROOT, 'tests', 'fixtures', vault), path.resolve(REPO_ROOT, vault)];
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isDirectory());
  if (!found) throw new Error(`startApp: vault folder not found: ${vault} (looked in ${candidates.join(', ')})`);
  return found;
}

function waitForUrl(host: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `startApp: the host printed no URL within ${HOST_START_TIMEOUT_MS} ms.\nstdout: ${out}\nstderr: ${stderr()}`,
        ),
      );
    }, HOST_START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /Concept Atlas: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9A-Za-z_-]+)/.exec(out);
      if (m) {
        cleanup();
        resolve(m[1]);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(
        new Error(
          `startApp: the host exited (code ${code}) before printing its URL.\nstdout: ${out}\nstderr: ${stderr()}`,
        ),
      );
    };
    const cleanup = () => {
      clearTimeout(timer);
      host.stdout!.off('data', onData);
      host.off('exit', onExit);
    };
    host.stdout!.on('data', onData);
    host.on('exit', onExit);
  });
}

function stopProcess(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => p.kill('SIGKILL'), 3000);
    p.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    p.kill('SIGTERM');
  });
}

/** Starts the browser host on a temp copy of `vault` and opens it in headless Chromium. */
export async function startApp(opts: StartOptions): Promise<AtlasApp> {
  const source = resolveVault(opts.vault);
  if (!fs.existsSync(path.join(REPO_ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('startApp: the renderer is not built (out/renderer/index.html missing); run `npm run build:web`.');
  }
  const tmp = tempDir('e2e');
  const vaultDir = path.join(tmp, path.basename(source));
  fs.cpSync(source, vaultDir, { recursive: true });
  if (opts.sourceMode) {
    const file = path.join(vaultDir, '.atlas', 'settings.json');
    const kept = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...kept, defaultEditingMode: 'source' }));
  }

  const t0 = performance.now();
  const host = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'electron', 'host', 'web.ts'), vaultDir, '--port', '0', '--db', path.join(tmp, 'atlas.db')],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  host.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  // Keep draining stdout so a chatty host never blocks on a full pipe.
  host.stdout!.on('data', () => {});

  let browser: Browser | undefined;
  const cleanupAll = async () => {
    await browser?.close().catch(() => undefined);
    await stopProcess(host);
    removeTree(tmp);
  };

  try {
    const url = await waitForUrl(host, () => stderr);
    const hostUrlMs = performance.now() - t0;
    const u = new URL(url);
    const token = u.searchParams.get('token') ?? '';
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1600, height: 900 },
      colorScheme: opts.colorScheme ?? 'light',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`${m.text()} ${m.location().url}`.trim());
    });
    page.on('pageerror', (e) => {
      pageErrors.push(String(e));
      // an uncaught error can unmount the whole app: say so in the run's log, with its stack
      console.error(`[page error] ${e.stack ?? String(e)}`);
    });
    await page.goto(url);
    await page.getByRole('region', { name: 'Local graph' }).waitFor({ state: 'visible', timeout: 30_000 });
    const firstScreenMs = performance.now() - t0;
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    return {
      page,
      browser,
      baseUrl: u.origin,
      token,
      vaultDir,
      timings: { spawnedAt: t0, hostUrlMs, firstScreenMs },
      pageErrors,
      hostStderr: () => stderr,
      async screenshot(name) {
        const file = path.join(ARTIFACTS_DIR, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      close: cleanupAll,
    };
  } catch (e) {
    await cleanupAll();
    throw e;
  }
}

// ---------- helpers for specs ----------

/** Waits until the graph shows at least `min` nodes; returns the node ids. */
export async function waitForGraphNodes(page: Page, min = 1, timeout = 30_000): Promise<string[]> {
  await page.waitForFunction((n) => (window.__atlasGraph?.nodes().length ?? 0) >= n, min, { timeout, polling: 100 });
  return page.evaluate(() => window.__atlasGraph!.nodes().map((n) => n.id()));
}

/** Waits until the graph has an edge between two node ids (either direction; prerequisite edges are drawn reversed). */
export async function waitForGraphEdge(page: Page, a: string, b: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ([x, y]) => {
      const cy = window.__atlasGraph;
      if (!cy) return false;
      return cy
        .edges()
        .map((e) => [e.source().id(), e.target().id()])
        .some(([s, t]) => (s === x && t === y) || (s === y && t === x));
    },
    [a, b] as const,
    { timeout },
  );
}

/** Shows the graph view tab (opening it when closed) and waits for its region. */
export async function openGraphView(page: Page): Promise<void> {
  const graph = page.getByRole('region', { name: 'Graph', exact: true });
  if (!(await graph.isVisible())) await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await graph.waitFor({ state: 'visible' });
}

/** Clicks a node of the graph view with the mouse, at its rendered position on the canvas (shows the tab first). */
export async function clickGraphNode(page: Page, id: string): Promise<void> {
  await openGraphView(page);
  const pos = await page.evaluate((nodeId) => {
    const cy = window.__atlasGraph!;
    const n = cy.getElementById(nodeId);
    if (n.empty()) throw new Error(`no graph node ${nodeId}`);
    // Bring it into view (the graph may be zoomed out), then read where it is drawn.
    cy.zoom(1.2);
    cy.center(n);
    const p = n.renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  // Cytoscape draws on the next frame; wait for it before clicking.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.mouse.click(pos.x, pos.y);
}

/** Calls an API method from inside the page (with the page's token), returning the host's JSON answer. */
export async function callApiFromPage(
  page: Page,
  token: string,
  method: string,
  args: unknown[],
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ([m, a, t]) => {
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t}` },
        body: JSON.stringify({ args: a }),
      });
      return { status: res.status, body: await res.json() };
    },
    [method, args, token] as const,
  );
}

/** Polls `fn` until it returns a truthy value (for files written by the app), failing after `timeout` ms. */
export async function eventually<T>(fn: () => T | Promise<T>, timeout = 10_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The file tree's row named `name` (a note's title, or a file or folder name), expanding collapsed folders until it
 * shows (folders start collapsed; fine for the small fixture vaults: at most 200 folders are opened). With `folder`
 * (a vault path) only that folder and its ancestors are expanded.
 */
export async function treeItem(page: Page, name: string, folder?: string): Promise<Locator> {
  const tree = page.getByRole('region', { name: 'File tree' });
  const item = tree.getByRole('treeitem', { name, exact: true });
  await tree.getByRole('tree').waitFor();
  if (folder !== undefined) {
    const parts = folder.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const row = tree.locator(`[role="treeitem"][data-path="${parts.slice(0, i).join('/')}"]`);
      if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
      await tree
        .locator(`[role="treeitem"][data-path="${parts.slice(0, i).join('/')}"][aria-expanded="true"]`)
        .waitFor();
    }
    await item.first().waitFor();
    return item.first();
  }
  for (let k = 0; k < 200 && (await item.count()) === 0; k++) {
    const closed = tree.locator('[role="treeitem"][aria-expanded="false"]').first();
    if ((await closed.count()) === 0) break;
    const p = await closed.getAttribute('data-path');
    await closed.click();
    await tree.locator(`[role="treeitem"][data-path="${p}"][aria-expanded="true"]`).waitFor();
  }
  await item.first().waitFor();
  return item.first();
}

/**
 * Opens the note titled `name` through the Quick switcher (Ctrl+O, type, then the option titled exactly `name`) and
 * waits until its tab is the selected one in the Editor region. While the vault is still being indexed the note may
 * not be listed yet (a longer title containing `name` would be): the query is typed again until it is; a note the
 * switcher lists under another title (an alias) is opened as the first option matching `name`. `timeout` (ms) bounds
 * each wait; Playwright's default when omitted.
 */
export async function openNote(page: Page, name: string, timeout?: number): Promise<void> {
  await page.keyboard.press('Control+O');
  const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
  const box = switcher.getByRole('combobox');
  await box.fill(name);
  // the option named exactly `name` (its accessible name is the note's title; a text filter would also match the
  // highlighted <mark>name</mark> inside another title, such as "goroutine states" for "goroutine")
  const exact = switcher.getByRole('option', { name, exact: true }).first();
  // Typing again re-asks a list that may have been fetched mid-index; each try waits twice as long as the one before
  // (1, 2, 4, 8 s), so on a loaded machine a search is never cut off by the next refill before it can answer.
  let wait = 1_000;
  const found = await eventually(
    async () => {
      if (await exact.isVisible()) return true;
      await box.fill('');
      await box.fill(name);
      const ms = wait;
      wait = Math.min(wait * 2, 8_000);
      return exact.waitFor({ timeout: ms }).then(
        () => true,
        () => false,
      );
    },
    timeout ?? 30_000,
    `the Quick switcher option ${name}`,
  ).catch(() => false);
  if (found) await exact.click();
  else {
    await switcher
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .waitFor({ timeout });
    await page.keyboard.press('Enter');
  }
  await page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name, exact: true, selected: true })
    .waitFor({ timeout });
}
