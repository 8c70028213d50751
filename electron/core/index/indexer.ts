/**
 * Bringing the store in step with the files: cold index, warm start and incremental updates share one path,
 * `apply`, which re-parses only notes whose mtime/size (then sha256) changed, drops deleted files, and re-resolves
 * only the links whose resolution the change can affect (links naming an added/removed file or a changed alias),
 * plus the anchors of links into re-parsed notes.
 */
import path from 'node:path';
import type { LinkFact, ParsedNote } from '../model.ts';
import { NameTable, type Resolution } from '../resolve/name-table.ts';
import { isNotePath, lastSegment, targetKey } from '../resolve/keys.ts';
import type { FileRow, GraphStore, LinkInput, ProblemRow } from '../store/graph-store.ts';
import { VaultError } from './errors.ts';
import type { ParsePool } from './parse-pool.ts';
import { MAX_NOTE_BYTES } from '../limits.ts';
import type { ParseResult, ParseTask } from './read-note.ts';
import { releaseFreedMemory } from './release-memory.ts';
import { scanVault, type ScanEntry } from './scan.ts';
import { changesAt } from './changed-paths.ts';
import type { VaultFs } from './vault-fs.ts';

export interface IndexerOptions {
  root: string;
  fs: VaultFs;
  /** Parses notes (in warm workers under a per-note time budget, see parse-pool.ts). */
  pool: ParsePool;
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyResult {
  changed: string[];
  deleted: string[];
  /** Notes not in `changed` whose links now resolve differently (to an added, removed or renamed note, alias …). */
  relinked: string[];
  parsed: number;
  bytes: number;
}

interface ChangeSet {
  files: ScanEntry[];
  folders: { path: string; diskPath: string }[];
  deleted: string[];
  stored: (p: string) => FileRow | null;
  /** Problems of a full walk (replace the stored scan problems), or null for a partial update. */
  scanProblems: ProblemRow[] | null;
  cold: boolean;
  /**
   * Notes named by the caller as changed (a watcher event, a write): read and hashed even when their mtime and size
   * match the stored row, since file systems keep mtimes coarsely (Linux: the kernel tick, a few ms; FAT: 2 s) and a
   * rewrite of the same length can leave both unchanged (Git's "racily clean" case). The hash decides: an unchanged
   * one re-indexes nothing. A full walk (warm start) trusts mtime and size.
   */
  named?: ReadonlySet<string>;
}

/** A cold index commits after about this many bytes of notes: few, large FTS segments, bounded pending pages. */
const COLD_COMMIT_BYTES = 4 * 1024 * 1024;
/**
 * Below this many bytes of notes to parse (512 KB), one parse worker does the whole pass (see `apply`): a second worker
 * is a V8 isolate of its own that boots, loads the parser and JIT-compiles it again (≈ 0.4 s of CPU), which a small
 * vault does not pay back. Above it the pool's workers all parse. Round 6 had raised this to 8 MB on 2-core machines
 * (measured under load 13–15); on a quiet 2-core machine that left the second core idle: s3k (3.2k notes, 3.3 MB)
 * cold used 1.5 cores and ran 1.25–1.34× the plain remark parse, with two workers 1.8 cores and 1.2–1.75× (median
 * ≈ 1.5×) for the same CPU ratio (≈ 1.0). Measured in docs/indexing-performance.md, round 8.
 */
export const ONE_WORKER_BYTES = 512 * 1024;

function sameResolution(
  a: Resolution,
  b: { target: string | null; resolvedBy: string | null; candidates: string[] | null },
): boolean {
  return a.path === b.target && a.by === b.resolvedBy && JSON.stringify(a.candidates) === JSON.stringify(b.candidates);
}

export class Indexer {
  readonly names = new NameTable();
  private readonly store: GraphStore;
  private readonly opts: IndexerOptions;

  constructor(store: GraphStore, opts: IndexerOptions) {
    this.store = store;
    this.opts = opts;
    for (const p of store.filePaths()) this.names.addFile(p);
    for (const { path: p, aliases } of store.allAliases()) this.names.setAliases(p, aliases);
  }

  /**
   * Turns rule 4 (alias fallback, see NameTable) on or off and re-resolves every link it may change: the unresolved
   * ones and those resolved through an alias. Returns the source paths of the links whose resolution changed.
   */
  setAliasResolution(on: boolean): string[] {
    this.names.aliasResolution = on;
    return this.reresolveAliasLinks();
  }

  /**
   * Re-resolves the links rule 4 (aliases) may decide, unresolved or alias-resolved, against the name table; returns
   * the changed sources.
   */
  reresolveAliasLinks(): string[] {
    const store = this.store;
    const sources = new Set<string>();
    store.transaction(() => {
      // rule 4 can only decide a link whose name is an alias's (its target key is an alias key, so their last
      // segments agree): of those, the unresolved and the alias-resolved ones. Every other link's resolution rests on
      // paths alone, which each pass keeps in step. (Re-resolving every unresolved link was 16 % of a 10k warm start.)
      const names = this.names.aliasNames();
      const links = names.length
        ? store.linksByTargetName(names).filter((l) => l.resolvedBy === 'alias' || l.target === null)
        : [];
      const targets = new Set<string>();
      for (const l of links) {
        const r = this.names.resolve(l.source, l.targetText, l.kind === 'markdown');
        if (sameResolution(r, l)) continue;
        store.setResolution(l.id, r);
        sources.add(l.source);
        if (r.path) targets.add(r.path);
      }
      if (sources.size) store.recheckAnchors({ sources: [...sources], targets: [...targets] });
    });
    return [...sources].sort();
  }

  /** Resolves one parsed link with the current name table. */
  resolveLink(source: string, l: Pick<LinkFact, 'target' | 'kind'>): Resolution {
    return this.names.resolve(source, l.target, l.kind === 'markdown');
  }

  private linkInputs(note: ParsedNote): LinkInput[] {
    return note.links.map((l) => ({
      kind: l.kind,
      raw: l.raw,
      targetText: l.target,
      targetName: lastSegment(targetKey(l.target)),
      heading: l.heading,
      block: l.block,
      alias: l.alias,
      line: l.line,
      context: l.context,
      relation: l.relation,
      resolution: this.resolveLink(note.path, l),
    }));
  }

  /**
   * Throws `VaultError` when the vault folder is gone (renamed, deleted, unmounted): its files then look deleted,
   * and applying that would empty the index. Checked before every pass; the index stays as it was.
   */
  private requireRoot(): void {
    const rootStat = this.opts.fs.stat(this.opts.root);
    if (rootStat?.kind !== 'dir') throw new VaultError(`Vault folder not found: ${this.opts.root}`, this.opts.root);
  }

  /** Full walk: cold index on an empty store, warm start otherwise. */
  async sync(): Promise<ApplyResult & { cold: boolean }> {
    this.requireRoot();
    const cold = this.store.isEmpty();
    // a cold index starts its first parse worker now, so that its start-up overlaps the scan
    if (cold) this.opts.pool.warmUp(1);
    const scan = scanVault(this.opts.fs, this.opts.root);
    const stats = this.store.fileStats();
    const present = new Set<string>();
    for (const f of scan.files) present.add(f.path);
    for (const d of scan.folders) present.add(d.path);
    const deleted = [...stats.keys()].filter((p) => !present.has(p));
    const result = await this.apply({
      files: scan.files,
      folders: scan.folders,
      deleted,
      stored: (p) => stats.get(p) ?? null,
      scanProblems: scan.problems,
      cold,
    });
    return { ...result, cold };
  }

  /** Re-indexes vault-relative paths (files or folders; missing = deleted; see changed-paths.ts). */
  async update(paths: string[]): Promise<ApplyResult> {
    // events from a watcher still attached to a renamed vault folder name its files at the old path: not deletions
    this.requireRoot();
    const { store } = this;
    const named = new Set(paths);
    const changes = changesAt({ store, fs: this.opts.fs, root: this.opts.root }, named);
    return this.apply({
      ...changes,
      named,
      stored: (p) => store.fileStat(p),
      scanProblems: null,
      cold: false,
    });
  }

  private async apply(cs: ChangeSet): Promise<ApplyResult> {
    const { store, names } = this;
    const changed: string[] = [];
    const deleted: string[] = [];
    const relinked = new Set<string>();
    const affected = new Set<string>();
    const reparsed: string[] = [];
    /** Link names of aliases registered or dropped in this pass. */
    const aliasNames = new Set<string>();
    const vanished: ProblemRow[] = [];
    let parsed = 0;
    let bytes = 0;

    const tasks: ParseTask[] = [];
    const fileRows = new Map<string, FileRow>();
    const retries = new Set<string>();
    const removeStored = (p: string, row: FileRow) => {
      if (row.kind === 'note') store.deleteNote(p);
      store.deleteFile(p);
      for (const k of names.removeFile(p)) affected.add(k);
      deleted.push(p);
    };

    // a cold index runs in bulk-load mode from the start (see GraphStore.bulk)
    if (cs.cold) store.bulk(true);
    store.transaction(() => {
      for (const p of cs.deleted) {
        const row = cs.stored(p);
        if (row) removeStored(p, row);
      }
      for (const d of cs.folders) {
        const row = cs.stored(d.path);
        if (row?.kind === 'folder') continue;
        if (row) removeStored(d.path, row);
        store.upsertFile({
          path: d.path,
          diskPath: d.diskPath !== d.path ? d.diskPath : null,
          kind: 'folder',
          mtimeMs: null,
          size: null,
          hash: null,
        });
      }
      for (const f of cs.files) {
        let row = cs.stored(f.path);
        if (row && row.kind !== f.kind) {
          removeStored(f.path, row);
          row = null;
        }
        const fileRow: FileRow = {
          path: f.path,
          diskPath: f.diskPath !== f.path ? f.diskPath : null,
          kind: f.kind,
          mtimeMs: f.mtimeMs,
          size: f.size,
          hash: row?.hash ?? null,
        };
        // the same file only if it is still the same name on disk (a Unicode twin may have taken over the index path)
        const same =
          row !== null && row.mtimeMs === f.mtimeMs && row.size === f.size && (row.diskPath ?? row.path) === f.diskPath;
        const racy = same && cs.named?.has(f.path) === true;
        if (!row) affected.add(names.addFile(f.path));
        if (f.kind === 'attachment') {
          if (!same) {
            store.upsertFile(fileRow);
            changed.push(f.path);
          }
        } else if (!same || racy || (row?.hash === null && f.size <= MAX_NOTE_BYTES)) {
          // same mtime/size but never read (unreadable last time): try again, quietly if it still fails; racy: the
          // hash decides (an unchanged one re-indexes nothing)
          if (same && row?.hash === null) retries.add(f.path);
          fileRows.set(f.path, fileRow);
          // every pass lists its new notes at once, unread (hash null), as Obsidian's file list knows the vault's
          // files before its metadata cache is built: the file tree and the quick switcher open any note while the
          // vault is parsed, and the file list changes only here and when the pass ends (the renderer fetches it
          // then, not while the notes are parsed). The row gets the hash when the note is written (a pass cut short
          // retries it, see above).
          if (cs.cold || !row) store.upsertFile(fileRow);
          tasks.push({
            path: f.path,
            absPath: path.join(this.opts.root, f.diskPath),
            size: f.size,
            oldHash: row?.hash ?? null,
          });
        }
      }
    });

    let done = 0;
    let sinceCommit = 0;
    /** Cold index: paths whose problems were written in this pass. */
    const problemPaths = new Set<string>();
    const write = (results: ParseResult[]) => {
      // notes that vanished while being read, because the whole vault folder did: keep them (the pass stops here)
      if (results.some((r) => r.status === 'missing')) this.requireRoot();
      // a cold index writes each batch as it arrives into bulk mode's open transaction (results never queue up on
      // this thread) and commits every COLD_COMMIT_BYTES; other passes write each batch in a transaction of its own
      const inTransaction = cs.cold ? (fn: () => void) => fn() : (fn: () => void) => store.transaction(fn);
      inTransaction(() => {
        for (const r of results) {
          const fileRow = fileRows.get(r.path) as FileRow;
          if (r.status === 'missing') {
            const row = cs.stored(r.path);
            if (row) removeStored(r.path, row);
            else {
              // listed unread at the pass's start
              store.deleteFile(r.path);
              for (const k of names.removeFile(r.path)) affected.add(k);
            }
            vanished.push({ path: r.path, kind: 'missing', message: 'deleted while being indexed', line: null });
            continue;
          }
          if (r.status === 'parsed' && r.hash === null && retries.has(r.path)) continue;
          store.upsertFile({ ...fileRow, hash: r.hash });
          if (r.status === 'unchanged') continue;
          for (const k of names.setAliases(r.path, r.note.aliases)) {
            affected.add(k);
            aliasNames.add(k);
          }
          store.writeNote(r.note, this.linkInputs(r.note));
          // a cold index starts with no problems stored: only a note with some (or written before in this pass, which
          // a requeued chunk can do) needs the delete-and-insert
          if (!cs.cold || r.note.problems.length || problemPaths.has(r.path)) {
            store.setFileProblems(r.path, r.note.problems);
            if (cs.cold) problemPaths.add(r.path);
          }
          changed.push(r.path);
          reparsed.push(r.path);
          if (r.bytes > 0) parsed++;
          bytes += r.bytes;
        }
      });
      done += results.length;
      if (cs.cold) {
        for (const r of results) sinceCommit += r.status === 'parsed' ? r.bytes : 0;
        if (sinceCommit >= COLD_COMMIT_BYTES) {
          sinceCommit = 0;
          store.bulkCommit();
          // the committed pages and the batches' buffers are free now: hand them back (the peak RSS of a cold index)
          releaseFreedMemory();
        }
      }
      this.opts.onProgress?.(done, tasks.length);
    };
    let completed = false;
    try {
      if (tasks.length) this.opts.onProgress?.(0, tasks.length);
      let taskBytes = 0;
      for (const t of tasks) taskBytes += t.size;
      // a pass under 512 KB is not worth a second worker's start-up
      const one = taskBytes < ONE_WORKER_BYTES;
      await this.opts.pool.parse(tasks, write, { workers: one ? 1 : undefined });
      if (cs.cold) store.restoreIndexes();

      store.transaction(() => {
        // cold: links were resolved against the full path set as they were written; only the alias fallback (aliases
        // arrive with the notes, so a link written before a later note's alias picked the wrong note or missed the
        // ambiguity) and links to files that vanished mid-way remain
        const reresolve = cs.cold
          ? [
              ...store.unresolvedLinks(),
              ...(aliasNames.size
                ? store.linksByTargetName([...aliasNames]).filter((l) => l.resolvedBy === 'alias')
                : []),
              ...(vanished.length ? store.linksByTargetName(vanished.map((v) => lastSegment(targetKey(v.path)))) : []),
            ]
          : store.linksByTargetName([...affected]);
        const newTargets = new Set<string>();
        for (const l of reresolve) {
          const r = names.resolve(l.source, l.targetText, l.kind === 'markdown');
          if (sameResolution(r, l)) continue;
          store.setResolution(l.id, r);
          relinked.add(l.source);
          if (r.path) newTargets.add(r.path);
        }
        if (cs.cold) store.recheckAnchors(null);
        else if (reparsed.length || newTargets.size)
          store.recheckAnchors({ sources: reparsed, targets: [...reparsed, ...newTargets] });
        if (cs.scanProblems) store.setScanProblems([...cs.scanProblems, ...vanished]);
      });
      completed = true;
    } finally {
      if (cs.cold) store.bulk(false, completed);
    }
    for (const p of changed) relinked.delete(p);
    return { changed, deleted, relinked: [...relinked], parsed, bytes };
  }
}
