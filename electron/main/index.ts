/**
 * Electron main process: a thin shell around the services layer (electron/services).
 *
 * - One window, sandboxed (`sandbox`, `contextIsolation`, no `nodeIntegration`, `webSecurity`), loaded from
 *   `app://atlas/index.html` (protocols.ts: a privileged scheme, not file://, so the CSP header applies), CSP on every response,
 *   navigation and new windows blocked, external http(s) links opened in the system browser (security.ts).
 * - Single instance: a second launch focuses the window (and opens the vault it was given, if any).
 * - Vault: the first folder argument (`npm start -- <vault>`), else the last vault, else the repo's `vault/`.
 *   File › Open vault… picks another folder and re-creates the service; the window reloads onto it.
 * - Remembers the last vault and the window bounds (app-state.ts, atomic JSON in userData).
 * - IPC: every `AtlasApi` method through the shared `dispatch` (ipc.ts); events forwarded to the window.
 *   Indexing never blocks: the service syncs in the background (worker threads in the engine).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, screen, session, type MenuItemConstructorOptions } from 'electron';
import { startAtlasServiceThread, type AtlasServiceHandle as AtlasService } from '../services/service-thread.ts';
import { loadAppState, saveAppState, type AppState } from './app-state.ts';
import { bindIpc, forwardEvents } from './ipc.ts';
import { applySessionPolicy, lockDownWindow } from './security.ts';
import { APP_URL, handleSchemes, registerSchemes } from './protocols.ts';

const REPO_VAULT = fileURLToPath(new URL('../../vault/', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

let win: BrowserWindow | null = null;
let service: Promise<AtlasService> | null = null;
let stopEvents: (() => void) | null = null;
let state: AppState = {};

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The first existing folder among the command-line arguments (flags skipped). */
function vaultFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const a of argv) {
    if (a.startsWith('-')) continue;
    const p = path.resolve(cwd, a);
    if (isFolder(p) && !fs.existsSync(path.join(p, 'package.json'))) return p;
  }
  return null;
}

function persist(): void {
  try {
    saveAppState(app.getPath('userData'), state);
  } catch (e) {
    console.error(`atlas: could not save the app state: ${(e as Error).message}`);
  }
}

/** Closes the current service (if any) and opens `dir`; on failure reports it and keeps no service. */
async function openVault(dir: string): Promise<void> {
  const previous = service;
  stopEvents?.();
  stopEvents = null;
  const next = (async () => {
    if (previous)
      await previous.then(
        (s) => s.close(),
        () => {},
      );
    const s = await startAtlasServiceThread({ vaultRoot: dir });
    stopEvents = forwardEvents(s, () => win);
    return s;
  })();
  service = next;
  try {
    await next;
    state.lastVault = dir;
    persist();
    win?.setTitle(`${path.basename(dir)} — Concept Atlas`);
  } catch (e) {
    dialog.showErrorBox('Could not open the vault', `${dir}\n\n${e instanceof Error ? e.message : String(e)}`);
  }
}

async function chooseVault(): Promise<void> {
  const options: Electron.OpenDialogOptions = { title: 'Open vault', properties: ['openDirectory', 'createDirectory'] };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (r.canceled || r.filePaths.length === 0) return;
  await openVault(r.filePaths[0]);
  win?.webContents.reload();
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open vault…', accelerator: 'CmdOrCtrl+O', click: () => void chooseVault() },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Remembered bounds, dropped when they no longer fall on any display (a monitor was unplugged). */
function initialBounds(): { x?: number; y?: number; width: number; height: number } {
  const b = state.bounds;
  if (!b) return { width: 1400, height: 900 };
  if (b.x === undefined || b.y === undefined) return { width: b.width, height: b.height };
  const visible = screen
    .getAllDisplays()
    .some(
      ({ workArea: w }) =>
        b.x! < w.x + w.width && b.x! + b.width > w.x && b.y! < w.y + w.height && b.y! + b.height > w.y,
    );
  return visible ? { x: b.x, y: b.y, width: b.width, height: b.height } : { width: b.width, height: b.height };
}

function createWindow(): void {
  win = new BrowserWindow({
    ...initialBounds(),
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'Concept Atlas',
    webPreferences: {
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.bounds?.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (!win) return;
    state.bounds = { ...win.getNormalBounds(), maximized: win.isMaximized() };
    persist();
  });
  win.on('closed', () => {
    win = null;
  });
  // The dev server URL is honoured only in development: a packaged app never loads a page from the environment
  // (that page would get the bridge to the vault).
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  // The built renderer comes from the app:// scheme (protocols.ts), never file://, so its CSP header applies.
  const appUrl = devUrl ?? APP_URL;
  lockDownWindow(win, appUrl);
  void win.loadURL(appUrl);
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', (_e, argv, cwd) => {
    const dir = vaultFromArgv(argv.slice(1), cwd);
    if (dir) void openVault(dir).then(() => win?.webContents.reload());
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  let quitting = false;
  app.on('before-quit', (e) => {
    if (quitting) return;
    quitting = true;
    e.preventDefault();
    stopEvents?.();
    const closing = service
      ? service.then(
          (s) => s.close(),
          () => {},
        )
      : Promise.resolve();
    void closing.finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  registerSchemes();
  void app.whenReady().then(async () => {
    state = loadAppState(app.getPath('userData'));
    handleSchemes(RENDERER_DIR, async () => {
      if (!service) throw new Error('no vault open');
      return (await (await service).api.vaultInfo()).root;
    });
    applySessionPolicy(session.defaultSession);
    buildMenu();
    bindIpc(
      () => service,
      () => win,
    );
    const fromArgv = vaultFromArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd());
    const vault = fromArgv ?? (state.lastVault && isFolder(state.lastVault) ? state.lastVault : REPO_VAULT);
    createWindow();
    await openVault(vault);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}

main();
