/**
 * Whether the vault folder is still there (issue 10, item 5): a vault renamed, moved, deleted or unmounted while the
 * app runs. The folder's path is checked with one `stat` every `intervalMs` (default 1 s; cheap) and before every
 * write, so a write is refused at once even between two checks. A path that is no longer a folder is "missing";
 * a folder at the path again (renamed back, restored, re-mounted) is "available" again.
 *
 * Why a poll and not the watcher: on Linux, inotify keeps watching a renamed folder under its new name (the events
 * keep coming, with the old paths), and a deleted root gives no reliable event; chokidar reports neither. VS Code's
 * file watcher does the same (`BaseWatcher` in src/vs/platform/files/node/watcher: a watch whose folder is gone is
 * suspended and its path polled, every ~5 s there, until it exists again, then the watch resumes).
 *
 * `AtlasService` (atlas-service.ts) uses it to emit `vault-availability`, refuse writes (`assertAvailable`), stop the
 * watcher while the folder is missing, and re-sync and watch again when it comes back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { VaultAvailability } from '../shared/api.ts';
import { AtlasError } from './errors.ts';

export interface VaultPresenceOptions {
  /** Period of the existence check, ms (default 1000). */
  intervalMs?: number;
  /** Called on each change (missing → available or back), after the state has changed. */
  onChange: (state: VaultAvailability) => void;
}

/** True when `root` is a folder now (symlinks followed). */
function isFolder(root: string): boolean {
  try {
    return fs.statSync(root).isDirectory();
  } catch {
    return false;
  }
}

export class VaultPresence {
  private readonly root: string;
  private readonly opts: VaultPresenceOptions;
  private current: VaultAvailability;
  private timer: NodeJS.Timeout | null = null;

  /** `root`: the vault folder, absolute. Starts as available if it is a folder now. */
  constructor(root: string, opts: VaultPresenceOptions) {
    this.root = root;
    this.opts = opts;
    this.current = isFolder(root) ? available() : missing(root);
  }

  /** Starts the periodic check (unref'd: it never keeps a process alive). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), this.opts.intervalMs ?? 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Checks the folder now; tells `onChange` when the state changed. Returns the state. */
  check(): VaultAvailability {
    const there = isFolder(this.root);
    if (there !== this.current.available) {
      this.current = there ? available() : missing(this.root);
      this.opts.onChange(this.state());
    }
    return this.state();
  }

  state(): VaultAvailability {
    return { ...this.current };
  }

  /**
   * Throws `AtlasError('not-found')` with a message saying the vault folder is missing and nothing was written, when
   * it is (checked now). Called before every method that writes to the vault.
   */
  assertAvailable(): void {
    const s = this.check();
    if (!s.available) throw new AtlasError('not-found', `${s.message} Nothing was saved.`);
  }
}

function available(): VaultAvailability {
  return { available: true, message: null, since: Date.now() };
}

/**
 * The missing state's message. It names the folder by its name and parent, never by its full path: error messages
 * replace the vault's path with "the vault" (atlas-service.ts), which would say nothing here.
 */
function missing(root: string): VaultAvailability {
  return {
    available: false,
    message: `The vault folder "${path.basename(root)}" is no longer in ${path.dirname(root)} (renamed, moved or deleted?). Notes cannot be saved until it is back; what was indexed stays readable.`,
    since: Date.now(),
  };
}
