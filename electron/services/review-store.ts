/**
 * `.atlas/review.json`: the review memory of a vault (format in electron/core/review/state.ts), read and written
 * here for the app and the CLI.
 *
 * - Writes are atomic (`writeFileAtomic`: temp file, fsync, rename), so a crash leaves the old file or the new one.
 * - Concurrent writers are safe: every `update` takes an exclusive lock (proper-lockfile, `.atlas/review.json.lock`,
 *   stale after 10 s) across processes (the app and `atlas grade` at once) and a queue within this process, then
 *   reads the file fresh, applies the change and writes it before unlocking; no review is lost.
 * - A damaged file (not JSON, or not review state) is never reset or overwritten: it is renamed to
 *   `review.json.damaged-<UTC time>` beside it and reported once (`ReviewFileError`); the state starts empty.
 * - Reads are cached by the file's mtime and size (listing due cards does not re-parse an unchanged file); the state
 *   an `update` wrote is cached likewise, so grading does not make the next read parse the file again.
 */
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { ReviewStateStore } from '../core/review/engine.ts';
import { emptyReviewFile, REVIEW_DIR, REVIEW_FILE, reviewFileSchema, type ReviewFile } from '../core/review/state.ts';
import { mkdirWithin, writeFileAtomic } from '../core/files/atomic-write.ts';

/** `.atlas/review.json` could not be read as review state; it was moved aside to `keptAs` (absolute path). */
export class ReviewFileError extends Error {
  readonly code = 'io';
  readonly keptAs: string;
  constructor(message: string, keptAs: string) {
    super(message);
    this.name = 'ReviewFileError';
    this.keptAs = keptAs;
  }
}

/** Lock options: wait up to ~10 s for another writer, a lock older than 10 s (a crashed writer) is taken over. */
const LOCK_OPTIONS = {
  stale: 10_000,
  update: 2_000,
  realpath: false,
  retries: { retries: 200, factor: 1.2, minTimeout: 5, maxTimeout: 100 },
};

export class ReviewStore implements ReviewStateStore {
  readonly file: string;
  private cache: { mtimeMs: number; size: number; state: ReviewFile } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private damage: ReviewFileError | null = null;

  constructor(vaultRoot: string) {
    this.file = path.join(vaultRoot, REVIEW_DIR, REVIEW_FILE);
  }

  /**
   * The review state; an empty state when the file does not exist. Throws `ReviewFileError` after moving a damaged
   * file aside (see the module comment); other I/O errors as they are. The object is shared (cached until the file
   * changes): read it, never change it (`update` hands out a copy to change).
   */
  read(): Readonly<ReviewFile> {
    let st: fs.Stats;
    try {
      st = fs.statSync(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        this.cache = null;
        return emptyReviewFile();
      }
      throw e;
    }
    if (this.cache && this.cache.mtimeMs === st.mtimeMs && this.cache.size === st.size) return this.cache.state;
    const text = fs.readFileSync(this.file, 'utf8');
    let problem: string;
    try {
      const parsed = reviewFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) {
        this.cache = { mtimeMs: st.mtimeMs, size: st.size, state: parsed.data };
        return parsed.data;
      }
      problem = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
    } catch (e) {
      problem = (e as Error).message;
    }
    this.cache = null;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let keptAs = `${this.file}.damaged-${stamp}`;
    for (let i = 1; fs.existsSync(keptAs); i++) keptAs = `${this.file}.damaged-${stamp}-${i}`;
    fs.renameSync(this.file, keptAs);
    throw new ReviewFileError(
      `review file ${this.file} is damaged (${problem}); it was kept as ${path.basename(keptAs)} and review starts empty`,
      keptAs,
    );
  }

  /**
   * Applies `fn` to the current state and writes the result, holding the lock (see the module comment).
   * A damaged file is moved aside first and the change applies to an empty state (the error is not thrown here:
   * the user's review must not be lost because an old file was damaged; `takeDamage` reports it). Returns the new
   * state. Rejects when the lock cannot be had within ~10 s or the write fails (nothing is written then).
   */
  update(fn: (state: ReviewFile) => void): Promise<ReviewFile> {
    const run = this.queue.then(() => this.locked(fn));
    this.queue = run.catch(() => {});
    return run;
  }

  /** The damaged-file error met by the last `update`, once (then null). */
  takeDamage(): ReviewFileError | null {
    const d = this.damage;
    this.damage = null;
    return d;
  }

  private async locked(fn: (state: ReviewFile) => void): Promise<ReviewFile> {
    // `.atlas/` if needed, never the vault folder itself (renamed away while running: nothing is recreated)
    await mkdirWithin(path.dirname(path.dirname(this.file)), path.dirname(this.file));
    const release = await lockfile.lock(this.file, { ...LOCK_OPTIONS, lockfilePath: `${this.file}.lock` });
    try {
      let state: ReviewFile;
      try {
        state = structuredClone(this.read());
      } catch (e) {
        if (!(e instanceof ReviewFileError)) throw e;
        this.damage = e;
        state = emptyReviewFile();
      }
      fn(state);
      const cards: ReviewFile['cards'] = {};
      for (const k of Object.keys(state.cards).sort()) cards[k] = state.cards[k];
      const notes: ReviewFile['notes'] = {};
      for (const k of Object.keys(state.notes).sort()) notes[k] = state.notes[k];
      const out: ReviewFile = { version: 1, cards, notes };
      await writeFileAtomic(this.file, `${JSON.stringify(out, null, 1)}\n`);
      // what we wrote is what the file holds (no one else writes under the lock): keep it, so the next read does
      // not parse the file again (2 MB at 10,000 cards)
      const st = fs.statSync(this.file);
      this.cache = { mtimeMs: st.mtimeMs, size: st.size, state: out };
      return out;
    } finally {
      await release();
    }
  }
}
