/**
 * Learning progress, stored in the vault at `.atlas/progress.json` (user data, not cache: it survives an index
 * rebuild and travels with the vault).
 *
 * File format: `{ "version": 1, "notes": { "<vault path>": "learned" | "learning" } }`. Entries for notes that no
 * longer exist are kept (the note may come back, e.g. after an undo or a git checkout).
 */
import fs from 'node:fs';
import { readRegularFileSync } from '../files/regular-file.ts';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from '../files/atomic-write.ts';
import type { ProgressState } from '../model.ts';

export const PROGRESS_DIR = '.atlas';
export const PROGRESS_FILE = 'progress.json';

const progressSchema = z.object({
  version: z.literal(1),
  notes: z.record(z.string(), z.enum(['learned', 'learning'])),
});

/** `.atlas/progress.json` could not be read as progress. The file has been moved aside to `keptAs` (absolute path). */
export class ProgressFileError extends Error {
  readonly code = 'io';
  readonly keptAs: string;
  constructor(message: string, keptAs: string) {
    super(message);
    this.name = 'ProgressFileError';
    this.keptAs = keptAs;
  }
}

/** Reads and writes one vault's progress file. */
export class ProgressStore {
  readonly file: string;

  constructor(vaultRoot: string) {
    this.file = path.join(vaultRoot, PROGRESS_DIR, PROGRESS_FILE);
  }

  /**
   * Progress per vault path; `{}` when the file does not exist.
   * Throws `ProgressFileError` when the file is not valid progress JSON: the damaged file is first renamed to
   * `progress.json.damaged-<UTC timestamp>` beside it (never reset or overwritten), so the next read starts empty
   * while the user's data stays on disk. Other I/O errors (permissions…) are thrown as they are.
   */
  read(): Record<string, ProgressState> {
    let text: string;
    try {
      text = readRegularFileSync(this.file).toString('utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    let problem: string;
    try {
      const parsed = progressSchema.safeParse(JSON.parse(text));
      if (parsed.success) {
        const out: Record<string, ProgressState> = {};
        for (const [k, v] of Object.entries(parsed.data.notes)) out[k.normalize('NFC')] = v;
        return out;
      }
      problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    } catch (e) {
      problem = (e as Error).message;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let keptAs = `${this.file}.damaged-${stamp}`;
    for (let i = 1; fs.existsSync(keptAs); i++) keptAs = `${this.file}.damaged-${stamp}-${i}`;
    fs.renameSync(this.file, keptAs);
    throw new ProgressFileError(
      `learning progress file ${this.file} is damaged (${problem}); it was kept as ${path.basename(keptAs)} and progress starts empty`,
      keptAs,
    );
  }

  /** Replaces the whole progress atomically (electron/core/files/atomic-write.ts), creating `.atlas/` if needed. */
  write(progress: Record<string, ProgressState>): void {
    const notes: Record<string, ProgressState> = {};
    for (const k of Object.keys(progress).sort()) notes[k] = progress[k];
    // `.atlas/` is created if needed, the vault folder never (it may have been renamed away while the app runs)
    writeFileAtomicSync(this.file, `${JSON.stringify({ version: 1, notes }, null, 2)}\n`, {
      mkdirWithin: path.dirname(path.dirname(this.file)),
    });
  }

  /** Sets (or with null clears) one note's state and writes the file; returns the new progress. */
  set(notePath: string, state: ProgressState | null): Record<string, ProgressState> {
    const progress = this.read();
    const key = notePath.normalize('NFC');
    if (state === null) delete progress[key];
    else progress[key] = state;
    this.write(progress);
    return progress;
  }
}
