/**
 * Keeping the index live with chokidar: file events are collected and handed over in batches after ~100 ms of
 * quiet. Ignores what the index ignores (dot files and folders such as `.obsidian`, `.git`, `.trash`, `.atlas`,
 * and `node_modules`) and does not follow symlinks.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isIgnoredName } from './scan.ts';

export interface VaultWatcherOptions {
  root: string;
  /** Quiet time before a batch is handed over, ms (default 100). */
  debounceMs?: number;
  /** Receives the vault-relative paths (as on disk) of one batch; batches never overlap. */
  onBatch: (paths: string[]) => Promise<void>;
  /** Called once chokidar has walked the vault (events before this may have been missed). */
  onReady?: () => void;
}

/** Starts watching; returns the function that stops it. */
export function watchVault(opts: VaultWatcherOptions): () => Promise<void> {
  const root = path.resolve(opts.root);
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const flush = () => {
    timer = null;
    if (stopped || pending.size === 0) return;
    const batch = [...pending];
    pending.clear();
    running = running.then(() => opts.onBatch(batch)).catch(() => {});
  };
  const onEvent = (abs: string) => {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) return;
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, opts.debounceMs ?? 100);
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (p: string) => {
      const rel = path.relative(root, p);
      return rel !== '' && rel.split(path.sep).some((seg) => isIgnoredName(seg));
    },
  });
  for (const ev of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(ev, onEvent);
  watcher.on('error', () => {
    // a vanished or unreadable folder is picked up by the next batch or sync; never fatal
  });
  watcher.on('ready', () => opts.onReady?.());

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await watcher.close();
    await running;
  };
}
