/**
 * The editor's open documents, without React or CodeMirror: which notes are open, which have unsaved edits, the
 * autosave, the save queue and the disk-hash conflict workflow — the logic that must never lose an edit or overwrite
 * a note with stale text. The editor (components/Editor.tsx) binds it to CodeMirror through `TextBuffer`; React reads
 * `getSnapshot()` through `useSyncExternalStore`. Unit-tested over a real vault (tests/renderer/document-store.test.ts).
 *
 * Rules:
 * - Every write passes the hash of the disk version the text is based on (`writeNote(path, text, hash)`); the backend
 *   refuses with `conflict` when the file changed since, and nothing is written.
 * - Edits autosave after `autosaveMs` of quiet. One write per note at a time: a save asked for while one runs is
 *   queued, and the caller's promise settles after the queued write too.
 * - Disk changes (`diskChanged`): a note without unsaved edits reloads silently; one whose edits equal the disk text
 *   becomes clean; otherwise a conflict is raised. While a note has an open conflict nothing is written for it; the
 *   user chooses: keep mine (saved over the disk version they saw; if the disk changed yet again, a new conflict) or
 *   load the disk version (the edits are dropped).
 * - Line breaks: the buffer holds `\n` (as CodeMirror does); a note written with CRLF only is saved with CRLF again,
 *   so a Windows-written note is never rewritten line by line, and opening it does not make it dirty.
 */
import type { NoteContent, WriteResult } from '../../../electron/shared/api.ts';
import { isCrlfOnly } from '../../../electron/core/markdown/text.ts';

/** Quiet time before an autosave, ms. */
export const AUTOSAVE_MS = 600;

/** What the store needs of the API (a subset of `AtlasApi`). */
export interface DocumentApi {
  readNote(path: string): Promise<NoteContent>;
  writeNote(path: string, content: string, expectedHash?: string): Promise<WriteResult>;
}

/** Holds a document's live text (in the app: a CodeMirror state). */
export interface TextBuffer {
  /** The current text, edits included. */
  read(): string;
  /** Replaces the text with disk content; not an edit (no autosave follows). */
  replace(text: string): void;
}

/** A note that changed on disk while it had unsaved edits (or whose save was refused with `conflict`). */
export interface Conflict {
  path: string;
  diskContent: string;
  diskHash: string;
}

/** What the UI renders: notes with unsaved edits, and the open conflicts (oldest first). */
export interface DocumentSnapshot {
  dirty: ReadonlySet<string>;
  conflicts: readonly Conflict[];
}

export interface DocumentStoreOptions {
  /** Quiet time before an autosave, ms (default `AUTOSAVE_MS`). */
  autosaveMs?: number;
  /** Errors other than conflicts (a failed read or write); the note stays dirty. */
  onError?(e: unknown): void;
}

interface Doc<B extends TextBuffer> {
  path: string;
  buffer: B;
  /** Hash of the disk version the text is based on. */
  hash: string;
  /** Text last read from or written to disk, with `\n` line breaks (what the buffer holds). */
  saved: string;
  /** The note on disk breaks its lines with CRLF only: saves write CRLF back (a save never rewrites every line). */
  crlf: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  saving: Promise<void> | null;
  /** A save was asked for while one was running. */
  again: boolean;
  /** `close` is waiting for the last save; an `open` meanwhile keeps the document. */
  closing: boolean;
}

/** `text` with `\n` line breaks: the editor's (CodeMirror splits lines at CRLF and joins them with `\n`). */
function toLf(text: string): string {
  return text.indexOf('\r\n') === -1 ? text : text.replace(/\r\n/g, '\n');
}

function isConflictError(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { code?: unknown }).code === 'conflict';
}

export class DocumentStore<B extends TextBuffer = TextBuffer> {
  readonly #api: DocumentApi;
  #autosaveMs: number;
  readonly #onError: (e: unknown) => void;
  readonly #docs = new Map<string, Doc<B>>();
  readonly #opening = new Map<string, Promise<B>>();
  readonly #conflictPaths = new Set<string>();
  /** Conflicts being raised (their disk read running): a second caller settles with the first. */
  readonly #raising = new Map<string, Promise<void>>();
  readonly #listeners = new Set<() => void>();
  #snapshot: DocumentSnapshot = { dirty: new Set(), conflicts: [] };

  constructor(api: DocumentApi, opts: DocumentStoreOptions = {}) {
    this.#api = api;
    this.#autosaveMs = opts.autosaveMs ?? AUTOSAVE_MS;
    this.#onError = opts.onError ?? (() => {});
  }

  // ---------- React binding (useSyncExternalStore) ----------

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): DocumentSnapshot => this.#snapshot;

  #emit(next: Partial<DocumentSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...next };
    for (const l of [...this.#listeners]) l();
  }

  #setDirty(path: string, dirty: boolean): void {
    if (this.#snapshot.dirty.has(path) === dirty) return;
    const next = new Set(this.#snapshot.dirty);
    if (dirty) next.add(path);
    else next.delete(path);
    this.#emit({ dirty: next });
  }

  // ---------- documents ----------

  has(path: string): boolean {
    return this.#docs.has(path);
  }

  /** The buffer of an open document, or undefined. */
  buffer(path: string): B | undefined {
    return this.#docs.get(path)?.buffer;
  }

  /** Open documents' paths. */
  paths(): string[] {
    return [...this.#docs.keys()];
  }

  /**
   * Opens `path` (reading it from disk, `makeBuffer` holding its text), or returns the open document's buffer.
   * Concurrent opens of one path read once. Rejects with the API's error (e.g. `not-found`); nothing is registered.
   */
  open(path: string, makeBuffer: (text: string) => B): Promise<B> {
    const doc = this.#docs.get(path);
    if (doc) {
      doc.closing = false;
      return Promise.resolve(doc.buffer);
    }
    let pending = this.#opening.get(path);
    if (!pending) {
      pending = this.#api
        .readNote(path)
        .then((note) => {
          const text = toLf(note.content);
          const buffer = makeBuffer(text);
          this.#docs.set(path, {
            path,
            buffer,
            hash: note.hash,
            saved: text,
            crlf: isCrlfOnly(note.content),
            timer: undefined,
            saving: null,
            again: false,
            closing: false,
          });
          return buffer;
        })
        .finally(() => this.#opening.delete(path));
      this.#opening.set(path, pending);
    }
    return pending;
  }

  /** Quiet time before an autosave, ms (the autosave delay setting); applies from the next edit on. */
  get autosaveMs(): number {
    return this.#autosaveMs;
  }
  set autosaveMs(ms: number) {
    this.#autosaveMs = ms;
  }

  /** The user changed the text of `path`: it is dirty, and saves after `autosaveMs` of quiet. */
  edited(path: string): void {
    const doc = this.#docs.get(path);
    if (!doc) return;
    this.#setDirty(path, true);
    clearTimeout(doc.timer);
    doc.timer = setTimeout(() => void this.save(path), this.#autosaveMs);
  }

  /**
   * Writes `path` if its text differs from the disk version it is based on. Settles when the text is on disk (a save
   * queued behind a running one included), when a conflict was raised instead, or after `onError` was told of a
   * failed write. Never rejects.
   */
  save(path: string): Promise<void> {
    const doc = this.#docs.get(path);
    if (!doc) return Promise.resolve();
    clearTimeout(doc.timer);
    // While the conflict is open the user decides; no write happens behind it.
    if (this.#conflictPaths.has(path)) return Promise.resolve();
    if (doc.saving) {
      doc.again = true;
      return doc.saving;
    }
    const text = doc.buffer.read();
    if (text === doc.saved) {
      this.#setDirty(path, false);
      return Promise.resolve();
    }
    doc.saving = (async () => {
      try {
        const r = await this.#api.writeNote(path, doc.crlf ? text.replace(/\n/g, '\r\n') : text, doc.hash);
        doc.hash = r.hash;
        doc.saved = text;
      } catch (e) {
        if (isConflictError(e)) await this.#raiseConflict(path);
        else this.#onError(e);
      } finally {
        doc.saving = null;
        if (this.#docs.get(path) === doc) this.#setDirty(path, doc.buffer.read() !== doc.saved);
      }
      if (doc.again) {
        doc.again = false;
        await this.save(path);
      }
    })();
    return doc.saving;
  }

  /** Saves `path` (or every open document) if it has unsaved edits, and waits for the writes. */
  async flush(path?: string): Promise<void> {
    await Promise.all((path === undefined ? this.paths() : [path]).map((p) => this.save(p)));
  }

  /** Saves what is unsaved, then forgets the document (unless it was opened again meanwhile). */
  async close(path: string): Promise<void> {
    const doc = this.#docs.get(path);
    if (!doc) return;
    doc.closing = true;
    await this.save(path);
    if (this.#docs.get(path) !== doc || !doc.closing) return;
    clearTimeout(doc.timer);
    this.#docs.delete(path);
    this.#setDirty(path, false);
  }

  // ---------- disk changes and conflicts ----------

  /**
   * Files changed on disk (`vault-changed`); `null` means anything may have changed (a reconnect): every open
   * document is checked. Waits for running saves first, so the app's own writes are recognised by their hash.
   */
  async diskChanged(paths: readonly string[] | null): Promise<void> {
    const list = paths ?? this.paths();
    await Promise.all(
      list.map(async (path) => {
        const doc = this.#docs.get(path);
        if (!doc) return;
        if (doc.saving) await doc.saving;
        let disk: NoteContent;
        try {
          disk = await this.#api.readNote(path);
        } catch {
          return; // deleted or unreadable: the edits stay; saving will tell (a conflict for a deleted note)
        }
        if (this.#docs.get(path) !== doc || disk.hash === doc.hash) return; // our own write, or nothing new
        const text = doc.buffer.read();
        if (text === doc.saved) this.#load(doc, disk.content, disk.hash);
        else if (text === toLf(disk.content)) {
          doc.hash = disk.hash;
          doc.saved = text;
          doc.crlf = isCrlfOnly(disk.content);
          this.#setDirty(path, false);
        } else await this.#raiseConflict(path);
      }),
    );
  }

  /**
   * The user's choice for the conflict of `path`. `keepMine`: the text is saved over the disk version the user saw
   * (a disk changed again meanwhile raises a new conflict). Otherwise the disk version replaces the text.
   */
  async resolveConflict(path: string, keepMine: boolean): Promise<void> {
    const c = this.#snapshot.conflicts.find((x) => x.path === path);
    if (!c) return;
    this.#conflictPaths.delete(path);
    this.#emit({ conflicts: this.#snapshot.conflicts.filter((x) => x !== c) });
    const doc = this.#docs.get(path);
    if (!doc) return;
    if (!keepMine) {
      this.#load(doc, c.diskContent, c.diskHash);
      return;
    }
    doc.hash = c.diskHash;
    await this.save(path);
  }

  /** Replaces a document's text with disk content, not counted as an edit. */
  #load(doc: Doc<B>, content: string, hash: string): void {
    clearTimeout(doc.timer);
    const text = toLf(content);
    doc.buffer.replace(text);
    doc.hash = hash;
    doc.saved = text;
    doc.crlf = isCrlfOnly(content);
    this.#setDirty(doc.path, false);
  }

  /**
   * Raises the conflict of `path` (reading the disk version it shows). Settles once it is in the snapshot (or the read
   * failed and `onError` was told); a caller finding the conflict already being raised (a refused autosave and a disk
   * change at once) settles with the first, never before the conflict is shown.
   */
  #raiseConflict(path: string): Promise<void> {
    const doc = this.#docs.get(path);
    if (!doc) return Promise.resolve();
    if (this.#conflictPaths.has(path)) return this.#raising.get(path) ?? Promise.resolve();
    clearTimeout(doc.timer);
    this.#conflictPaths.add(path);
    const raising = (async () => {
      let disk: NoteContent;
      try {
        disk = await this.#api.readNote(path);
      } catch (e) {
        // Deleted or unreadable: reported; the edits stay in the editor (the app closes tabs of deleted notes).
        this.#conflictPaths.delete(path);
        this.#onError(e);
        return;
      }
      this.#emit({
        conflicts: [...this.#snapshot.conflicts, { path, diskContent: disk.content, diskHash: disk.hash }],
      });
    })().finally(() => this.#raising.delete(path));
    this.#raising.set(path, raising);
    return raising;
  }
}
