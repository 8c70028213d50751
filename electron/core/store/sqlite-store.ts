/**
 * `GraphStore` on better-sqlite3: WAL mode, prepared statements, batched transactions.
 *
 * `SqliteStore.open` never fails on a bad database file: a file that is corrupt, unreadable, of another schema
 * version (`PRAGMA user_version`) or built for another vault is deleted and rebuilt empty (markdown is the source of
 * truth). If even that fails (e.g. the cache folder is read-only) the index lives in memory for this session.
 *
 * This module owns the connection (open, pragmas, bulk load, transactions) and the `files` table; the statements of
 * the other tables are in note-writes.ts, link-rows.ts, note-rows.ts, text-search.ts and card-store.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ParsedNote } from '../model.ts';
import { CardTable } from './card-store.ts';
import type { FileRow, GraphStore } from './graph-store.ts';
import { LinkRows } from './link-rows.ts';
import { NoteRows } from './note-rows.ts';
import { NoteWrites } from './note-writes.ts';
import { BULK_DEFERRED_INDEXES, DEFERRED_INDEX_SQL, SCHEMA_SQL, SCHEMA_VERSION } from './schema.ts';
import { TextSearch } from './text-search.ts';

type DB = Database.Database;
type Stmt = Database.Statement;

/** True for SQLite errors that mean the database file itself is damaged or not a database. */
export function isCorruptionError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|CANTOPEN|IOERR)/.test(code);
}

/** True for SQLite errors that mean another connection holds a lock (worth retrying later). */
export function isBusyError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/**
 * Busy timeout of an open database, ms: a write waits at most this long for another connection's lock, then fails
 * with SQLITE_BUSY and the engine retries it in the background (`AtlasIndex`) instead of stalling its thread for
 * better-sqlite3's default 5 s.
 */
export const BUSY_TIMEOUT_MS = 250;

/** SQLite page cache of a session, KiB (`PRAGMA cache_size` = minus this). */
const CACHE_KIB = 32000;
/**
 * Page cache during a cold index's bulk load, KiB. The load writes each page about once (no journal, commits every
 * few MB), so a large cache only holds pages that are not read again: 8 MB instead of 32 cut the process's malloc'd
 * memory at the peak by ~24 MB at the same CPU, and 2 MB instead of 8 another ~15 MB on 10k notes (the end of the
 * load, secondary indexes and the anchor re-check, filled the cache: that was the peak), again at the same CPU
 * (issue 13, docs/indexing-performance.md).
 */
const BULK_CACHE_KIB = 2000;

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      fs.rmSync(file + suffix, { force: true });
    } catch {
      // best effort: a leftover side file is recreated by SQLite
    }
  }
}

export class SqliteStore implements GraphStore {
  readonly file: string;
  /** True when this session fell back to an in-memory database. */
  readonly inMemory: boolean;
  /** Why the database was rebuilt on open, if it was ('corrupt', 'unreadable', 'schema', 'vault', 'incomplete', 'busy'). */
  readonly rebuiltBecause: string | null;
  private readonly db: DB;
  private readonly stmts = new Map<string, Stmt>();
  /**
   * Bulk-load mode of a cold index (`bulk(true)`): the store started empty, so `writeNote` inserts without first
   * looking the note up and deleting its old rows (a path written twice still takes the replacing path).
   */
  private bulkLoad = false;
  /** The flashcards of the indexed notes (card-store.ts). */
  readonly cards = new CardTable((sql) => this.stmt(sql));
  private readonly writes = new NoteWrites(
    (sql) => this.stmt(sql),
    this.cards,
    () => this.bulkLoad,
  );
  private readonly linkRows = new LinkRows((sql) => this.stmt(sql));
  private readonly noteRows = new NoteRows((sql) => this.stmt(sql));
  private readonly search = new TextSearch((sql) => this.stmt(sql));

  /** Created by this open without a journal (see `connect`); the journal comes on before any other transaction. */
  private journalOff: boolean;

  private constructor(db: DB, file: string, inMemory: boolean, rebuiltBecause: string | null, created = true) {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.journalOff = created;
    this.db = db;
    this.file = file;
    this.inMemory = inMemory;
    this.rebuiltBecause = rebuiltBecause;
  }

  /** Opens (or creates, or rebuilds) the index database of `vaultRoot` at `file`. `fresh` forces a rebuild. */
  static open(file: string, vaultRoot: string, fresh = false): SqliteStore {
    let reason: string | null = fresh ? 'requested' : null;
    // no file yet (a first index): create it at once; probing would create and fsync it only to delete it again
    if (!fresh && fs.existsSync(file)) {
      let db: DB | null = null;
      try {
        db = SqliteStore.connect(file);
        const version = db.pragma('user_version', { simple: true }) as number;
        if (version === SCHEMA_VERSION) {
          const root = db.prepare(`SELECT value FROM meta WHERE key = 'vaultRoot'`).pluck().get();
          const building = db.prepare(`SELECT value FROM meta WHERE key = 'building'`).pluck().get();
          if (root === vaultRoot && building === undefined) return new SqliteStore(db, file, false, null, false);
          reason = building !== undefined ? 'incomplete' : 'vault';
        } else reason = version === 0 ? null : 'schema';
        db.close();
      } catch (e) {
        try {
          db?.close();
        } catch {
          // already unusable
        }
        const code = (e as { code?: unknown })?.code;
        // another process holds the database (after better-sqlite3's 5 s busy timeout): never delete it from under
        // that process; index in memory for this session instead
        if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
          return new SqliteStore(SqliteStore.create(':memory:', vaultRoot), file, true, 'busy');
        }
        reason = typeof code === 'string' && code.startsWith('SQLITE') ? 'corrupt' : 'unreadable';
      }
    }
    removeDbFiles(file);
    try {
      return new SqliteStore(SqliteStore.create(file, vaultRoot), file, false, reason);
    } catch {
      return new SqliteStore(SqliteStore.create(':memory:', vaultRoot), file, true, reason);
    }
  }

  /**
   * Opens `file` with the session's pragmas. `creating`: a new, empty database that a cold index fills next — no
   * journal and no syncs until `bulk(false)` switches to WAL (a crash before then leaves a database without the
   * finished index, which the next open rebuilds or indexes cold).
   */
  private static connect(file: string, creating = false): DB {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      db.pragma(creating ? 'journal_mode = OFF' : 'journal_mode = WAL');
      db.pragma(creating ? 'synchronous = OFF' : 'synchronous = NORMAL');
      db.pragma('temp_store = MEMORY');
      db.pragma(`cache_size = -${CACHE_KIB}`);
      // checkpoints run in idle time (see `checkpoint`); this high mark only bounds the WAL if idle never comes
      db.pragma('wal_autocheckpoint = 20000');
    } catch (e) {
      db.close();
      throw e;
    }
    return db;
  }

  private static create(file: string, vaultRoot: string): DB {
    const db = SqliteStore.connect(file, true);
    db.transaction(() => {
      db.exec(SCHEMA_SQL);
      db.prepare(`INSERT INTO meta (key, value) VALUES ('vaultRoot', ?)`).run(vaultRoot);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    return db;
  }

  private stmt(sql: string): Stmt {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  isEmpty(): boolean {
    return this.stmt(`SELECT count(*) FROM files`).pluck().get() === 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  bulk(on: boolean, completed = true): void {
    if (!this.db.open) return;
    if (on) {
      if (this.db.inTransaction) return;
      // marked first, so that a crash mid-way leaves a database that the next open rebuilds
      this.db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('building', '1')`).run();
      this.db.pragma('journal_mode = OFF');
      this.db.pragma('synchronous = OFF');
      this.db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
      // Building the secondary indexes once at the end is cheaper than updating them row by row.
      for (const name of BULK_DEFERRED_INDEXES) this.db.exec(`DROP INDEX IF EXISTS ${name}`);
      this.bulkLoad = true;
      // one long transaction, committed every few MB by `bulkCommit` (a nested `transaction` joins it)
      this.db.exec('BEGIN');
      return;
    }
    // committed even when not completed: without a journal there is no rollback, and the `building` mark stays
    if (this.bulkLoad && this.db.inTransaction) this.db.exec('COMMIT');
    this.bulkLoad = false;
    this.db.pragma(`cache_size = -${CACHE_KIB}`);
    if (this.db.inTransaction) return;
    this.restoreIndexes();
    this.journalOn();
    // the bulk load filled the page cache with pages written once; give that memory back
    this.db.pragma('shrink_memory');
    if (completed) this.db.prepare(`DELETE FROM meta WHERE key = 'building'`).run();
  }

  /** WAL and normal syncs, the mode of every session after a cold index (rollbacks work again). */
  private journalOn(): void {
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.journalOff = false;
  }

  bulkCommit(): void {
    if (this.bulkLoad && this.db.open && this.db.inTransaction) {
      this.db.exec('COMMIT');
      this.db.exec('BEGIN');
    }
  }

  restoreIndexes(): void {
    if (!this.db.open) return;
    for (const sql of DEFERRED_INDEX_SQL) this.db.exec(sql);
  }

  warmUpWrites(note: ParsedNote): void {
    if (!this.db.open || this.db.inTransaction) return;
    if (this.journalOff) this.journalOn();
    const rollback = new Error('rollback');
    try {
      this.db.transaction(() => {
        this.writeNote(note, []);
        this.setFileProblems(note.path, []);
        throw rollback;
      })();
    } catch (e) {
      if (e !== rollback) throw e;
    }
  }

  checkpoint(truncate = false): void {
    if (this.db.open && !this.db.inTransaction) this.db.pragma(`wal_checkpoint(${truncate ? 'TRUNCATE' : 'PASSIVE'})`);
  }

  transaction<T>(fn: () => T): T {
    // a new database is written without a journal only by the cold index's bulk load; anything else may roll back
    if (this.journalOff && !this.bulkLoad && !this.db.inTransaction) this.journalOn();
    return this.db.transaction(fn)();
  }

  // ---------- files ----------

  fileStats(): Map<string, FileRow> {
    const rows = this.stmt(
      `SELECT path, disk_path AS diskPath, kind, mtime AS mtimeMs, size, hash FROM files`,
    ).all() as FileRow[];
    return new Map(rows.map((r) => [r.path, r]));
  }

  fileStat(p: string): FileRow | null {
    return (
      (this.stmt(
        `SELECT path, disk_path AS diskPath, kind, mtime AS mtimeMs, size, hash FROM files WHERE path = ?`,
      ).get(p) as FileRow | undefined) ?? null
    );
  }

  filePaths(): string[] {
    return this.stmt(`SELECT path FROM files WHERE kind <> 'folder'`).pluck().all() as string[];
  }

  pathsUnder(folder: string): string[] {
    if (folder === '') return this.stmt(`SELECT path FROM files`).pluck().all() as string[];
    return this.stmt(`SELECT path FROM files WHERE path = ? OR (path > ? AND path < ?)`)
      .pluck()
      .all(folder, folder + '/', folder + '0') as string[];
  }

  upsertFile(r: FileRow): void {
    this.stmt(`INSERT INTO files (path, disk_path, kind, mtime, size, hash) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (path) DO UPDATE SET disk_path = excluded.disk_path, kind = excluded.kind, mtime = excluded.mtime,
      size = excluded.size, hash = excluded.hash`).run(r.path, r.diskPath, r.kind, r.mtimeMs, r.size, r.hash);
  }

  deleteFile(p: string): void {
    this.stmt(`DELETE FROM files WHERE path = ?`).run(p);
    this.stmt(`DELETE FROM problems WHERE path = ? AND source = 'file'`).run(p);
  }

  // ---------- notes (note-writes.ts) ----------

  readonly writeNote: GraphStore['writeNote'] = (note, links) => this.writes.writeNote(note, links);
  readonly deleteNote: GraphStore['deleteNote'] = (p) => this.writes.deleteNote(p);
  readonly setFileProblems: GraphStore['setFileProblems'] = (p, problems) => this.writes.setFileProblems(p, problems);
  readonly setScanProblems: GraphStore['setScanProblems'] = (problems) => this.writes.setScanProblems(problems);

  // ---------- resolution and links (link-rows.ts) ----------

  readonly allAliases: GraphStore['allAliases'] = () => this.linkRows.allAliases();
  readonly linksByTargetName: GraphStore['linksByTargetName'] = (names) => this.linkRows.linksByTargetName(names);
  readonly unresolvedLinks: GraphStore['unresolvedLinks'] = () => this.linkRows.unresolvedLinks();
  readonly setResolution: GraphStore['setResolution'] = (id, r) => this.linkRows.setResolution(id, r);
  readonly recheckAnchors: GraphStore['recheckAnchors'] = (scope) => this.linkRows.recheckAnchors(scope);
  readonly backlinks: GraphStore['backlinks'] = (target) => this.linkRows.backlinks(target);
  readonly outgoing: GraphStore['outgoing'] = (source) => this.linkRows.outgoing(source);
  readonly links: GraphStore['links'] = (filter) => this.linkRows.links(filter);
  readonly edgeRows: GraphStore['edgeRows'] = (sources) => this.linkRows.edgeRows(sources);
  readonly checkLinks: GraphStore['checkLinks'] = () => this.linkRows.checkLinks();

  // ---------- notes as read (note-rows.ts) ----------

  readonly counts: GraphStore['counts'] = () => this.noteRows.counts();
  readonly note: GraphStore['note'] = (p) => this.noteRows.note(p);
  readonly notePaths: GraphStore['notePaths'] = () => this.noteRows.notePaths();
  readonly allNotes: GraphStore['allNotes'] = () => this.noteRows.allNotes();
  readonly tagPairs: GraphStore['tagPairs'] = () => this.noteRows.tagPairs();
  readonly problems: GraphStore['problems'] = () => this.noteRows.problems();
  readonly orphans: GraphStore['orphans'] = () => this.noteRows.orphans();
  readonly notesWithTag: GraphStore['notesWithTag'] = (tag) => this.noteRows.notesWithTag(tag);
  readonly taggedNotes: GraphStore['taggedNotes'] = (tag) => this.noteRows.taggedNotes(tag);
  readonly graphNotes: GraphStore['graphNotes'] = (paths) => this.noteRows.graphNotes(paths);

  // ---------- full text (text-search.ts) ----------

  readonly searchNames: GraphStore['searchNames'] = (needle, limit) => this.search.searchNames(needle, limit);
  readonly matchNotes: GraphStore['matchNotes'] = (terms, limit) => this.search.matchNotes(terms, limit);
  readonly matchTexts: GraphStore['matchTexts'] = (terms, limit) => this.search.matchTexts(terms, limit);
  readonly noteTexts: GraphStore['noteTexts'] = (ids) => this.search.noteTexts(ids);
  readonly frontmatterLines: GraphStore['frontmatterLines'] = (ids) => this.search.frontmatterLines(ids);
  readonly body: GraphStore['body'] = (id) => this.search.body(id);
  readonly ftsTerm: GraphStore['ftsTerm'] = (term) => this.search.ftsTerm(term);
  readonly ftsIds: GraphStore['ftsIds'] = (match, limit) => this.search.ftsIds(match, limit);
  readonly scanTexts: GraphStore['scanTexts'] = (match, ids, visit) => this.search.scanTexts(match, ids, visit);
  readonly propertyValues: GraphStore['propertyValues'] = (key) => this.search.propertyValues(key);
  readonly mentionCandidates: GraphStore['mentionCandidates'] = (terms, exceptPath) =>
    this.search.mentionCandidates(terms, exceptPath);
}
