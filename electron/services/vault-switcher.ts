/**
 * "Open vault…" for a host that serves one vault at a time (the browser host; #12): a service handle whose vault can
 * be replaced while it runs. `api.openVault(path)` validates the folder (absolute, exists, is a folder, readable, not
 * the file-system root), starts a service on it, and only then swaps it in and closes the old one cleanly (watcher
 * stopped, pending writes finished, database closed); if the new one cannot start, the old one stays and the call
 * rejects with the reason. Every other method goes to the current service, so the host's confinement (paths, the
 * `/vault-file/` route) follows the new vault at once. `vault-opened` tells every window to reload its state.
 *
 * Recent vaults (most recent first, at most `MAX_RECENT`) are kept in a JSON file of the host (per user, outside any
 * vault), written atomically; a damaged file is read as empty.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AtlasApi, AtlasEventName, AtlasEvents, VaultInfo } from '../shared/api.ts';
import { API_EVENTS, API_METHODS } from '../shared/api-methods.ts';
import { proxyByName } from '../shared/call-by-name.ts';
import { writeFileAtomic } from '../core/files/atomic-write.ts';
import { AtlasError } from './errors.ts';
import { AtlasEventHub } from './events.ts';
import type { AtlasServiceHandle } from './service-thread.ts';

/** Recent vaults kept. */
export const MAX_RECENT = 10;

export interface VaultSwitcherOptions {
  /** The vault to open first (absolute). */
  vaultRoot: string;
  /** Starts a service on a vault (e.g. `startAtlasServiceThread`); rejects when it cannot open. */
  start(vaultRoot: string): Promise<AtlasServiceHandle>;
  /** JSON file of recent vaults; none kept when omitted. */
  recentFile?: string;
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
export async function startVaultSwitcher(opts: VaultSwitcherOptions): Promise<AtlasServiceHandle> {
  const hub = new AtlasEventHub();
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
      const next = await opts.start(real);
      const previous = current;
      unforward();
      current = next;
      root = await realRoot(next);
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
    return (current.api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  });

  return {
    api,
    events: hub,
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
