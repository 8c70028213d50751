/**
 * "Open vault…" for a host that serves one vault at a time (the browser host; #12): a service handle whose vault can
 * be replaced while it runs. `api.openVault(path)` validates the folder (absolute, exists, is a folder, readable, not
 * the file-system root), starts a service on it, and only then swaps it in and closes the old one cleanly (watcher
 * stopped, pending writes finished, database closed); if the new one cannot start, the old one stays and the call
 * rejects with the reason. Every other method goes to the current service, so the host's confinement (paths, the
 * `/vault-file/` route) follows the new vault at once. `vault-opened` tells every window to reload its state.
 *
 * Other windows' unsaved edits (a two-phase switch): before anything is switched, once the folder checks out, the
 * switcher announces `vault-switch-requested` to every window connected to the host (`countWindows`) and waits up to
 * `ackTimeoutMs` for each to answer `vaultSwitchReady`: a window saves its edits to the vault open now (the OLD one:
 * nothing has changed yet, so no edit can land in the new vault) and holds further edits until the outcome. The
 * switch goes on only when every window answered with nothing unsaved; otherwise it is refused with `conflict`
 * naming the windows and notes with unsaved changes, or how many windows did not answer, and
 * `vault-switch-cancelled` lets every window go on. Nothing of the old vault is closed before that.
 *
 * Recent vaults (most recent first, at most `MAX_RECENT`) are kept in a JSON file of the host (per user, outside any
 * vault), written atomically; a damaged file is read as empty.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AtlasApi, AtlasEventName, AtlasEvents, VaultInfo, VaultSwitchReport } from '../shared/api.ts';
import { API_EVENTS, API_METHODS } from '../shared/api-methods.ts';
import { proxyByName } from '../shared/call-by-name.ts';
import { writeFileAtomic } from '../core/files/atomic-write.ts';
import { AtlasError } from './errors.ts';
import { AtlasEventHub } from './events.ts';
import type { AtlasServiceHandle } from './service-thread.ts';

/** Recent vaults kept. */
export const MAX_RECENT = 10;
/** How long the windows have to save their edits and answer a switch, ms (default of `ackTimeoutMs`). */
export const SWITCH_ACK_MS = 15_000;
/** Notes named per window in a refusal (the rest counted). */
const NAMED_NOTES = 5;

export interface VaultSwitcherOptions {
  /** The vault to open first (absolute). */
  vaultRoot: string;
  /** Starts a service on a vault (e.g. `startAtlasServiceThread`); rejects when it cannot open. */
  start(vaultRoot: string): Promise<AtlasServiceHandle>;
  /** JSON file of recent vaults; none kept when omitted. */
  recentFile?: string;
  /** How long windows have to answer `vault-switch-requested`, ms; default `SWITCH_ACK_MS`. */
  ackTimeoutMs?: number;
}

/** The switcher's handle: a service handle, plus how the host tells it how many windows listen to its events. */
export interface VaultSwitcherHandle extends AtlasServiceHandle {
  /**
   * `count()` is the number of windows connected now (the browser host's event sockets); each is asked to save its
   * edits before a switch. Until this is called no window is asked (a bare switcher in a test or a script).
   */
  countWindows(count: () => number): void;
  /**
   * The vault served now (real path), changed in the same step as the service calls go to (no call reaches the new
   * service while this still names the old vault). The browser host's `X-Atlas-Vault` (#12).
   */
  root(): string;
}

/** Why a switch is refused after the windows answered (null: go on). */
export function refusalOf(to: string, expected: number, reports: readonly VaultSwitchReport[]): string | null {
  const parts: string[] = [];
  for (const r of reports) {
    if (r.unsaved.length === 0) continue;
    const named = r.unsaved.slice(0, NAMED_NOTES).join(', ');
    const more = r.unsaved.length > NAMED_NOTES ? ` and ${r.unsaved.length - NAMED_NOTES} more` : '';
    const who = r.window ? `the window showing ${r.window}` : 'a window';
    parts.push(`${who} has unsaved changes in ${named}${more} that could not be saved`);
  }
  const missing = expected - reports.length;
  if (missing > 0)
    parts.push(
      `${missing} of ${expected} window${expected === 1 ? '' : 's'} did not answer (busy, asleep or closing), so ${missing === 1 ? 'its' : 'their'} unsaved edits may not be saved`,
    );
  if (parts.length === 0) return null;
  return `Not switched to ${to}: ${parts.join('; ')}. The vault open now stays open; save or resolve those notes and try again.`;
}

/** Resolves `~` and checks that `input` names a readable folder; returns its real path. Throws `AtlasError`. */
export async function checkVaultFolder(input: string): Promise<string> {
  const raw = input.trim();
  if (raw === '') throw new AtlasError('invalid-argument', 'Give the path of a folder');
  if (raw.includes('\0')) throw new AtlasError('invalid-argument', 'The path contains a NUL character');
  const expanded = raw === '~' || raw.startsWith('~/') ? path.join(os.homedir(), raw.slice(1)) : raw;
  if (!path.isAbsolute(expanded))
    throw new AtlasError('invalid-argument', `Give the folder's full path (starting with /): ${raw}`);
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(expanded);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AtlasError('not-found', `No folder at ${expanded}`);
    if (code === 'EACCES') throw new AtlasError('io', `Cannot read ${expanded}: permission denied`);
    throw new AtlasError('io', `Cannot open ${expanded}: ${code ?? (e as Error).message}`);
  }
  if (!st.isDirectory()) throw new AtlasError('invalid-argument', `${expanded} is a file, not a folder`);
  try {
    await fs.promises.access(expanded, fs.constants.R_OK | fs.constants.X_OK);
    await (await fs.promises.opendir(expanded)).close();
  } catch {
    throw new AtlasError('io', `Cannot read ${expanded}: permission denied`);
  }
  const real = await fs.promises.realpath(expanded);
  if (path.parse(real).root === real)
    throw new AtlasError('invalid-argument', 'The root of the file system cannot be a vault; pick a folder in it');
  return real;
}

function readRecent(file: string | undefined): string[] {
  if (!file) return [];
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const list = (v as { recent?: unknown })?.recent;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** A service handle whose vault `api.openVault` replaces (see the module comment). */
export async function startVaultSwitcher(opts: VaultSwitcherOptions): Promise<VaultSwitcherHandle> {
  const hub = new AtlasEventHub();
  const ackMs = opts.ackTimeoutMs ?? SWITCH_ACK_MS;
  let windows: () => number = () => 0;
  /** The switch waiting for the windows' answers. */
  let asking: { id: string; reports: VaultSwitchReport[]; expected: number; done(): void } | null = null;

  /**
   * Phase one: every window saves its edits to the vault open now and answers; throws `conflict` when one cannot.
   * Returns the switch's id (null: no window to ask), for a `vault-switch-cancelled` should the new vault not open.
   */
  const askWindows = async (to: string): Promise<string | null> => {
    const expected = windows();
    if (expected === 0) return null;
    const id = crypto.randomUUID();
    const reports: VaultSwitchReport[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      asking = { id, reports, expected, done: resolve };
      timer = setTimeout(resolve, ackMs);
      hub.emit('vault-switch-requested', { id, to, waitMs: ackMs });
    });
    clearTimeout(timer);
    asking = null;
    // a window that closed meanwhile has nothing left to lose; one that connected since was not asked
    const reason = refusalOf(to, Math.min(expected, Math.max(windows(), reports.length)), reports);
    if (reason) {
      hub.emit('vault-switch-cancelled', { id, reason });
      throw new AtlasError('conflict', reason);
    }
    return id;
  };
  const ready = (id: string, report: VaultSwitchReport): void => {
    if (!asking || asking.id !== id) return;
    asking.reports.push({ window: report.window, unsaved: [...report.unsaved] });
    if (asking.reports.length >= asking.expected) asking.done();
  };

  const realRoot = async (s: AtlasServiceHandle) => {
    const r = (await s.api.vaultInfo()).root;
    return fs.promises.realpath(r).catch(() => r);
  };
  let current = await opts.start(opts.vaultRoot);
  let root = await realRoot(current);
  let unforward = forward(current);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  function forward(s: AtlasServiceHandle): () => void {
    const offs = API_EVENTS.map((event: AtlasEventName) =>
      s.events.on(event, (payload) => hub.emit(event, payload as AtlasEvents[typeof event])),
    );
    return () => {
      for (const off of offs) off();
    };
  }

  const remember = async (vault: string): Promise<void> => {
    if (!opts.recentFile) return;
    const list = [vault, ...readRecent(opts.recentFile).filter((v) => v !== vault)].slice(0, MAX_RECENT);
    try {
      await writeFileAtomic(opts.recentFile, `${JSON.stringify({ recent: list }, null, 2)}\n`, { mkdir: true });
    } catch (e) {
      console.error(`atlas: could not save the recent vaults: ${(e as Error).message}`);
    }
  };
  await remember(root);

  const openVault = (input: string): Promise<VaultInfo> => {
    const run = queue.then(async () => {
      if (closed) throw new AtlasError('io', 'The host is shutting down');
      const real = await checkVaultFolder(input);
      if (real === root) return current.api.vaultInfo();
      const asked = await askWindows(real);
      let next: AtlasServiceHandle;
      try {
        next = await opts.start(real);
      } catch (e) {
        if (asked)
          hub.emit('vault-switch-cancelled', { id: asked, reason: `Not switched to ${real}: ${(e as Error).message}` });
        throw e;
      }
      const nextRoot = await realRoot(next);
      const previous = current;
      unforward();
      // together: a call dispatched from here on goes to `next` and is checked against its root
      current = next;
      root = nextRoot;
      unforward = forward(next);
      await previous.close();
      await remember(root);
      const info = await next.api.vaultInfo();
      hub.emit('vault-opened', info);
      return info;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const api = proxyByName<AtlasApi>(API_METHODS, (method, args) => {
    if (method === 'openVault') return openVault(args[0] as string);
    if (method === 'recentVaults') return Promise.resolve(readRecent(opts.recentFile));
    if (method === 'vaultSwitchReady') return Promise.resolve(ready(args[0] as string, args[1] as VaultSwitchReport));
    return (current.api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  });

  return {
    api,
    events: hub,
    countWindows: (count) => {
      windows = count;
    },
    root: () => root,
    ready: current.ready,
    close: async () => {
      closed = true;
      await queue;
      unforward();
      await current.close();
      hub.clear();
    },
  };
}
