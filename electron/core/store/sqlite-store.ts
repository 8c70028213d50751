/**
 * `GraphStore` on better-sqlite3: WAL mode, prepared statements, batched transactions.
 *
 * `SqliteStore.open` never fails on a bad database file: a file that is corrupt, unreadable, of another schema
 * version (`PRAGMA user_version`) or built for another vault is deleted and rebuilt empty (markdown is the source of
 * truth). If even that fails (e.g. the cache folder is read-only) the index lives in memory for this session.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ParsedNote, ProblemFact } from '../model.ts';
import type { ResolvedBy } from '../model.ts';
import type { Resolution } from '../resolve/name-table.ts';
import { blockKey, headingKey } from '../resolve/keys.ts';
import { CardTable } from './card-store.ts';
import { BULK_DEFERRED_INDEXES, DEFERRED_INDEX_SQL, SCHEMA_SQL, SCHEMA_VERSION } from './schema.ts';
import type {
  BacklinkRow,
  EdgeRow,
  FileRow,
  GraphStore,
  LinkInput,
  LinkToResolve,
  NoteDetail,
  ProblemRow,
  StoredLink,
} from './graph-store.ts';

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

function likeEscape(term: string): { pattern: string; escaped: boolean } {
  if (!/[%_\\]/.test(term)) return { pattern: `%${term}%`, escaped: false };
  return { pattern: `%${term.replace(/[%_\\]/g, (c) => '\\' + c)}%`, escaped: true };
}

/**
 * Longest prefix of a term (code points) whose trigrams are sent to FTS5; every term of 4+ code points is then
 * checked by a substring scan (`matchNotes`). Bounds the cost of every query that takes user text (search, unlinked
 * mentions of a long alias).
 */
export const MAX_FTS_TERM = 64;

function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

interface LinkDbRow {
  id: number;
  source: string;
  kind: StoredLink['kind'];
  raw: string;
  target_text: string;
  heading: string | null;
  block: string | null;
  alias: string | null;
  line: number;
  context: string;
  relation: string | null;
  target: string | null;
  resolved_by: ResolvedBy | null;
  candidates: string | null;
  anchor_ok: number | null;
}

function toStoredLink(r: LinkDbRow): StoredLink {
  return {
    id: r.id,
    source: r.source,
    kind: r.kind,
    raw: r.raw,
    targetText: r.target_text,
    heading: r.heading,
    block: r.block,
    alias: r.alias,
    line: r.line,
    context: r.context,
    relation: r.relation,
    target: r.target,
    resolvedBy: r.resolved_by,
    candidates: r.candidates ? (JSON.parse(r.candidates) as string[]) : null,
    anchorOk: r.anchor_ok === null ? null : r.anchor_ok === 1,
  };
}

const LINK_COLUMNS = `l.id, s.path AS source, l.kind, l.raw, l.target_text, l.heading, l.block, l.alias, l.line,
  l.context, l.relation, l.target, l.resolved_by, l.candidates, l.anchor_ok`;

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

  // ---------- notes ----------

  private noteId(p: string): number | undefined {
    return this.stmt(`SELECT id FROM notes WHERE path = ?`).pluck().get(p) as number | undefined;
  }

  private deleteChildren(id: number): void {
    for (const table of ['aliases', 'tags', 'headings', 'blocks', 'properties']) {
      this.stmt(`DELETE FROM ${table} WHERE note_id = ?`).run(id);
    }
    this.stmt(`DELETE FROM links WHERE source_id = ?`).run(id);
    this.stmt(`DELETE FROM note_text WHERE note_id = ?`).run(id);
    this.stmt(`DELETE FROM note_fts WHERE rowid = ?`).run(id);
    this.cards.delete(id);
  }

  private insertNoteRow(note: ParsedNote, titleLc: string, aliasesLc: string, props: string): number {
    return Number(
      this.stmt(`INSERT INTO notes (path, title, title_lc, aliases_lc, properties, words, cjk_chars,
        frontmatter_lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
        note.path,
        note.title,
        titleLc,
        aliasesLc,
        props,
        note.words,
        note.cjkChars,
        note.frontmatterLines,
      ).lastInsertRowid,
    );
  }

  writeNote(note: ParsedNote, links: LinkInput[]): void {
    const aliasesLc = note.aliases.map((a) => a.normalize('NFC').toLowerCase()).join('\n');
    const props = JSON.stringify(note.properties ?? {});
    const titleLc = note.title.normalize('NFC').toLowerCase();
    let id: number | undefined;
    let fresh = false;
    if (this.bulkLoad) {
      // cold index: the note cannot be there yet (a path delivered twice falls through to the replacing path)
      try {
        id = this.insertNoteRow(note, titleLc, aliasesLc, props);
        fresh = true;
      } catch (e) {
        if ((e as { code?: unknown })?.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
      }
    }
    if (id === undefined) id = this.noteId(note.path);
    if (id === undefined) {
      id = this.insertNoteRow(note, titleLc, aliasesLc, props);
    } else if (!fresh) {
      this.deleteChildren(id);
      this.stmt(`UPDATE notes SET title = ?, title_lc = ?, aliases_lc = ?, properties = ?, words = ?, cjk_chars = ?,
        frontmatter_lines = ? WHERE id = ?`).run(
        note.title,
        titleLc,
        aliasesLc,
        props,
        note.words,
        note.cjkChars,
        note.frontmatterLines,
        id,
      );
    }
    const insAlias = this.stmt(`INSERT INTO aliases (note_id, pos, alias, alias_lc) VALUES (?, ?, ?, ?)`);
    for (const [i, a] of note.aliases.entries()) insAlias.run(id, i, a, a.normalize('NFC').toLowerCase());
    const insTag = this.stmt(`INSERT INTO tags (note_id, tag, tag_lc) VALUES (?, ?, ?)`);
    for (const t of note.tags) insTag.run(id, t, t.normalize('NFC').toLowerCase());
    const insHeading = this.stmt(`INSERT INTO headings (note_id, level, text, line, key) VALUES (?, ?, ?, ?, ?)`);
    for (const h of note.headings) insHeading.run(id, h.level, h.text, h.line, headingKey(h.text));
    const insBlock = this.stmt(`INSERT INTO blocks (note_id, block_id, line, key) VALUES (?, ?, ?, ?)`);
    for (const b of note.blocks) insBlock.run(id, b.id, b.line, blockKey(b.id));
    const insProp = this.stmt(`INSERT INTO properties (note_id, key, value) VALUES (?, ?, ?)`);
    for (const [k, v] of Object.entries(note.properties ?? {})) insProp.run(id, k, JSON.stringify(v ?? null));
    const insLink = this.stmt(`INSERT INTO links (source_id, kind, raw, target_text, target_name, heading, heading_key,
      block, block_key, alias, line, context, relation, target, resolved_by, candidates, anchor_ok)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`);
    for (const l of links) {
      const heading = l.heading === '' ? null : l.heading;
      const block = l.block === '' ? null : l.block;
      insLink.run(
        id,
        l.kind,
        l.raw,
        l.targetText,
        l.targetName,
        heading,
        heading === null ? null : headingKey(heading),
        block,
        block === null ? null : blockKey(block),
        l.alias,
        l.line,
        l.context,
        l.relation,
        l.resolution.path,
        l.resolution.by,
        l.resolution.candidates ? JSON.stringify(l.resolution.candidates) : null,
      );
    }
    this.stmt(`INSERT INTO note_text (note_id, mention_text) VALUES (?, ?)`).run(id, note.mentionText);
    this.stmt(`INSERT INTO note_fts (rowid, title, aliases, body) VALUES (?, ?, ?, ?)`)
      // two trailing characters: a 1–2 character term is found through the trigrams it starts (see `termCondition`),
      // so even the body's last character must start one
      .run(id, note.title, note.aliases.join('\n'), note.body + '\n\n');
    this.cards.write(id, note, fresh);
  }

  deleteNote(p: string): void {
    const id = this.noteId(p);
    if (id === undefined) return;
    this.deleteChildren(id);
    this.stmt(`DELETE FROM notes WHERE id = ?`).run(id);
  }

  setFileProblems(p: string, problems: ProblemFact[]): void {
    this.stmt(`DELETE FROM problems WHERE path = ? AND source = 'file'`).run(p);
    const ins = this.stmt(`INSERT INTO problems (path, source, kind, message, line) VALUES (?, 'file', ?, ?, ?)`);
    for (const pr of problems) ins.run(p, pr.kind, pr.message, pr.line ?? null);
  }

  setScanProblems(problems: ProblemRow[]): void {
    this.stmt(`DELETE FROM problems WHERE source = 'scan'`).run();
    const ins = this.stmt(`INSERT INTO problems (path, source, kind, message, line) VALUES (?, 'scan', ?, ?, ?)`);
    for (const pr of problems) ins.run(pr.path, pr.kind, pr.message, pr.line ?? null);
  }

  // ---------- resolution ----------

  allAliases(): { path: string; aliases: string[] }[] {
    const rows = this.stmt(
      `SELECT n.path, a.alias FROM aliases a JOIN notes n ON n.id = a.note_id ORDER BY n.path, a.pos`,
    ).all() as { path: string; alias: string }[];
    const out = new Map<string, string[]>();
    for (const r of rows) {
      let list = out.get(r.path);
      if (!list) {
        list = [];
        out.set(r.path, list);
      }
      list.push(r.alias);
    }
    return [...out].map(([p, aliases]) => ({ path: p, aliases }));
  }

  private toResolve(
    rows: {
      id: number;
      source: string;
      kind: StoredLink['kind'];
      target_text: string;
      target: string | null;
      resolved_by: ResolvedBy | null;
      candidates: string | null;
    }[],
  ): LinkToResolve[] {
    return rows.map((r) => ({
      id: r.id,
      source: r.source,
      kind: r.kind,
      targetText: r.target_text,
      target: r.target,
      resolvedBy: r.resolved_by,
      candidates: r.candidates ? (JSON.parse(r.candidates) as string[]) : null,
    }));
  }

  linksByTargetName(names: string[]): LinkToResolve[] {
    if (names.length === 0) return [];
    return this.toResolve(
      this.stmt(`SELECT l.id, s.path AS source, l.kind, l.target_text, l.target, l.resolved_by,
      l.candidates FROM links l JOIN notes s ON s.id = l.source_id
      WHERE l.target_name IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...new Set(names)])) as never,
    );
  }

  unresolvedLinks(): LinkToResolve[] {
    return this.toResolve(
      this.stmt(`SELECT l.id, s.path AS source, l.kind, l.target_text, l.target, l.resolved_by,
      l.candidates FROM links l JOIN notes s ON s.id = l.source_id WHERE l.target IS NULL`).all() as never,
    );
  }

  setResolution(id: number, r: Resolution): void {
    this.stmt(`UPDATE links SET target = ?, resolved_by = ?, candidates = ? WHERE id = ?`).run(
      r.path,
      r.by,
      r.candidates ? JSON.stringify(r.candidates) : null,
      id,
    );
  }

  recheckAnchors(scope: { sources?: string[]; targets?: string[] } | null): void {
    const set = `UPDATE links SET anchor_ok = CASE
      WHEN target IS NULL THEN NULL
      WHEN block_key IS NOT NULL THEN (SELECT count(*) > 0 FROM notes n JOIN blocks b ON b.note_id = n.id
        WHERE n.path = links.target AND b.key = links.block_key)
      ELSE (SELECT count(*) > 0 FROM notes n JOIN headings h ON h.note_id = n.id
        WHERE n.path = links.target AND h.key = links.heading_key) END
      * (CASE WHEN EXISTS (SELECT 1 FROM notes n WHERE n.path = links.target) THEN 1 ELSE NULL END)
      WHERE (heading_key IS NOT NULL OR block_key IS NOT NULL)`;
    if (!scope) {
      this.stmt(set).run();
      return;
    }
    if (scope.sources?.length) {
      this.stmt(`${set} AND source_id IN (SELECT id FROM notes WHERE path IN (SELECT value FROM json_each(?)))`).run(
        JSON.stringify(scope.sources),
      );
    }
    if (scope.targets?.length) {
      this.stmt(`${set} AND target IN (SELECT value FROM json_each(?))`).run(JSON.stringify(scope.targets));
    }
  }

  // ---------- queries ----------

  counts(): { notes: number; files: number; links: number; problems: number } {
    return this.stmt(`SELECT (SELECT count(*) FROM notes) AS notes,
      (SELECT count(*) FROM files WHERE kind <> 'folder') AS files, (SELECT count(*) FROM links) AS links,
      (SELECT count(*) FROM problems) AS problems`).get() as {
      notes: number;
      files: number;
      links: number;
      problems: number;
    };
  }

  private detail(row: {
    id: number;
    path: string;
    title: string;
    properties: string;
    words: number;
    cjk_chars: number;
    frontmatter_lines: number;
  }): NoteDetail {
    const id = row.id;
    return {
      id,
      path: row.path,
      title: row.title,
      properties: JSON.parse(row.properties) as Record<string, unknown>,
      words: row.words,
      cjkChars: row.cjk_chars,
      frontmatterLines: row.frontmatter_lines,
      aliases: this.stmt(`SELECT alias FROM aliases WHERE note_id = ? ORDER BY pos`).pluck().all(id) as string[],
      tags: this.stmt(`SELECT tag FROM tags WHERE note_id = ? ORDER BY rowid`).pluck().all(id) as string[],
      headings: this.stmt(`SELECT level, text, line FROM headings WHERE note_id = ? ORDER BY line`).all(
        id,
      ) as NoteDetail['headings'],
      blocks: this.stmt(`SELECT block_id FROM blocks WHERE note_id = ? ORDER BY line`).pluck().all(id) as string[],
    };
  }

  note(p: string): NoteDetail | null {
    const row = this.stmt(
      `SELECT id, path, title, properties, words, cjk_chars, frontmatter_lines FROM notes WHERE path = ?`,
    ).get(p);
    return row ? this.detail(row as never) : null;
  }

  notePaths(): string[] {
    return this.stmt(`SELECT path FROM notes ORDER BY path`).pluck().all() as string[];
  }

  allNotes(): NoteDetail[] {
    const group = <T>(sql: string): Map<number, T[]> => {
      const m = new Map<number, T[]>();
      for (const r of this.stmt(sql).all() as ({ note_id: number } & T)[]) {
        let list = m.get(r.note_id);
        if (!list) {
          list = [];
          m.set(r.note_id, list);
        }
        list.push(r);
      }
      return m;
    };
    const aliases = group<{ alias: string }>(`SELECT note_id, alias FROM aliases ORDER BY note_id, pos`);
    const tags = group<{ tag: string }>(`SELECT note_id, tag FROM tags ORDER BY note_id, rowid`);
    const headings = group<{ level: number; text: string; line: number }>(
      `SELECT note_id, level, text, line FROM headings ORDER BY note_id, line`,
    );
    const blocks = group<{ block_id: string }>(`SELECT note_id, block_id FROM blocks ORDER BY note_id, line`);
    const rows = this.stmt(
      `SELECT id, path, title, properties, words, cjk_chars, frontmatter_lines FROM notes ORDER BY path`,
    ).all() as {
      id: number;
      path: string;
      title: string;
      properties: string;
      words: number;
      cjk_chars: number;
      frontmatter_lines: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      path: r.path,
      title: r.title,
      properties: JSON.parse(r.properties) as Record<string, unknown>,
      words: r.words,
      cjkChars: r.cjk_chars,
      frontmatterLines: r.frontmatter_lines,
      aliases: (aliases.get(r.id) ?? []).map((a) => a.alias),
      tags: (tags.get(r.id) ?? []).map((t) => t.tag),
      headings: (headings.get(r.id) ?? []).map((h) => ({ level: h.level, text: h.text, line: h.line })),
      blocks: (blocks.get(r.id) ?? []).map((b) => b.block_id),
    }));
  }

  backlinks(target: string): BacklinkRow[] {
    return this.stmt(`SELECT s.path AS source, l.line, l.kind, l.context FROM links l JOIN notes s ON s.id = l.source_id
      WHERE l.target = @target AND s.path <> @target ORDER BY s.path, l.line, l.id`).all({ target }) as BacklinkRow[];
  }

  outgoing(source: string): StoredLink[] {
    return (
      this.stmt(`SELECT ${LINK_COLUMNS} FROM notes s JOIN links l ON l.source_id = s.id WHERE s.path = ?
      ORDER BY l.line, l.id`).all(source) as LinkDbRow[]
    ).map(toStoredLink);
  }

  links(filter: { relation?: string; resolved?: boolean; source?: string } = {}): StoredLink[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.relation !== undefined) {
      where.push('l.relation = ?');
      args.push(filter.relation);
    }
    if (filter.resolved === true) where.push('l.target IS NOT NULL');
    if (filter.resolved === false) where.push('l.target IS NULL');
    if (filter.source !== undefined) {
      where.push('s.path = ?');
      args.push(filter.source);
    }
    const sql = `SELECT ${LINK_COLUMNS} FROM links l JOIN notes s ON s.id = l.source_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY s.path, l.line, l.id`;
    return (this.stmt(sql).all(...args) as LinkDbRow[]).map(toStoredLink);
  }

  tagPairs(): { path: string; tag: string }[] {
    return this.stmt(
      `SELECT n.path, t.tag FROM tags t JOIN notes n ON n.id = t.note_id ORDER BY n.path, t.rowid`,
    ).all() as { path: string; tag: string }[];
  }

  problems(): ProblemRow[] {
    return this.stmt(`SELECT path, kind, message, line FROM problems ORDER BY path, line, kind`).all() as ProblemRow[];
  }

  orphans(): string[] {
    return this.stmt(`SELECT n.path FROM notes n
      WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.source_id = n.id AND (l.target IS NULL OR l.target <> n.path))
        AND NOT EXISTS (SELECT 1 FROM links l WHERE l.target = n.path AND l.source_id <> n.id)
      ORDER BY n.path`)
      .pluck()
      .all() as string[];
  }

  searchNames(needle: string, limit: number): { id: number; path: string; title: string; aliases: string }[] {
    return this.stmt(`SELECT id, path, title, aliases_lc AS aliases FROM notes
      WHERE instr(title_lc, @needle) > 0 OR instr(aliases_lc, @needle) > 0 LIMIT @limit`).all({
      needle,
      limit,
    }) as never;
  }

  /**
   * The FTS5 condition for one lower-cased term (see `matchNotes`). The index keeps no trigram positions
   * (`detail=none`, schema.ts), so a term of 4+ code points is matched by its distinct trigrams ANDed (of its first
   * `MAX_FTS_TERM` code points: an FTS5 query costs memory per trigram, and a 100,000-character alias once took 37 s
   * and 10 GB) and then verified by a plain substring scan (`verify`); a 3-character term is one trigram; a 1–2
   * character term is an OR of the trigrams it starts (the vocabulary), or a LIKE scan when over 300 do.
   */
  private termCondition(term: string): {
    match: string | null;
    like: { pattern: string; escaped: boolean } | null;
    verify?: string;
    none?: true;
  } {
    const chars = [...term];
    if (chars.length > 3) {
      const grams = new Set<string>();
      const n = Math.min(chars.length, MAX_FTS_TERM);
      for (let i = 0; i + 3 <= n; i++) grams.add(chars.slice(i, i + 3).join(''));
      return { match: [...grams].map(ftsPhrase).join(' AND '), like: null, verify: term };
    }
    if (chars.length === 3) return { match: ftsPhrase(term), like: null };
    const grams = this.stmt(`SELECT term FROM note_fts_vocab WHERE term >= ? AND term < ? LIMIT 301`)
      .pluck()
      .all(term, term + '\u{10FFFF}') as string[];
    if (grams.length === 0) return { match: null, like: null, none: true };
    if (grams.length > 300) return { match: null, like: likeEscape(term) };
    return { match: `(${grams.map(ftsPhrase).join(' OR ')})`, like: null };
  }

  matchNotes(terms: string[], limit: number): number[] {
    const conds = terms.map((t) => this.termCondition(t));
    if (conds.length === 0 || conds.some((c) => c.none)) return [];
    const match = conds
      .filter((c) => c.match)
      .map((c) => c.match)
      .join(' AND ');
    const likes = conds.filter((c) => c.like).map((c) => c.like as { pattern: string; escaped: boolean });
    const verify = conds.filter((c) => c.verify !== undefined).map((c) => c.verify as string);
    const where: string[] = [];
    const args: unknown[] = [];
    if (match) {
      where.push('note_fts MATCH ?');
      args.push(match);
    }
    for (const l of likes) {
      where.push(
        l.escaped
          ? `(title LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')`
          : `(title LIKE ? OR aliases LIKE ? OR body LIKE ?)`,
      );
      args.push(l.pattern, l.pattern, l.pattern);
    }
    if (verify.length === 0) {
      return this.stmt(`SELECT rowid FROM note_fts WHERE ${where.join(' AND ')} LIMIT ?`)
        .pluck()
        .all(...args, limit) as number[];
    }
    // terms of 4+ characters: their trigrams narrow the notes, a linear substring scan of each (streamed) decides
    const out: number[] = [];
    const rows = this.stmt(`SELECT rowid, title, aliases, body FROM note_fts WHERE ${where.join(' AND ')}`).iterate(
      ...args,
    ) as IterableIterator<{ rowid: number; title: string; aliases: string; body: string }>;
    for (const r of rows) {
      const text = `${r.title}\n${r.aliases}\n${r.body}`.toLowerCase();
      if (!verify.every((v) => text.includes(v))) continue;
      out.push(r.rowid);
      if (out.length >= limit) {
        rows.return?.();
        break;
      }
    }
    return out;
  }

  noteTexts(ids: number[]): { id: number; path: string; title: string; body: string }[] {
    if (!ids.length) return [];
    return this.stmt(`SELECT n.id, n.path, n.title, f.body FROM notes n JOIN note_fts f ON f.rowid = n.id
      WHERE n.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as never;
  }

  frontmatterLines(ids: number[]): Map<number, number> {
    if (!ids.length) return new Map();
    const rows = this.stmt(
      `SELECT id, frontmatter_lines AS n FROM notes WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as { id: number; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  body(id: number): string {
    return (this.stmt(`SELECT body FROM note_fts WHERE rowid = ?`).pluck().get(id) as string | undefined) ?? '';
  }

  mentionCandidates(
    terms: string[],
    exceptPath: string,
  ): { id: number; path: string; mentionText: string; frontmatterLines: number }[] {
    const ids = new Set<number>();
    for (const term of terms)
      for (const id of this.matchNotes([term.normalize('NFC').toLowerCase()], 1_000_000)) ids.add(id);
    if (ids.size === 0) return [];
    return this.stmt(`SELECT n.id, n.path, t.mention_text AS mentionText, n.frontmatter_lines AS frontmatterLines
      FROM notes n JOIN note_text t ON t.note_id = n.id WHERE n.id IN (SELECT value FROM json_each(?)) AND n.path <> ?
      ORDER BY n.path`).all(JSON.stringify([...ids]), exceptPath) as never;
  }

  notesWithTag(tag: string): string[] {
    return this.taggedNotes(tag).map((n) => n.path);
  }

  taggedNotes(tag: string): { id: number; path: string; title: string; tags: string[] }[] {
    const t = tag.replace(/^#/, '').replace(/\/+$/, '').normalize('NFC').toLowerCase();
    if (!t) return [];
    // `t` itself, or `t/…` as a range ('0' follows '/'): both are lookups in the tags_lc index, not a scan
    const rows = this.stmt(`SELECT n.id, n.path, n.title, (SELECT json_group_array(a.tag) FROM (SELECT tag FROM tags
        WHERE note_id = n.id ORDER BY rowid) a) AS tags
      FROM notes n WHERE n.id IN (SELECT note_id FROM tags WHERE tag_lc = @t OR (tag_lc >= @t || '/' AND tag_lc < @t || '0'))
      ORDER BY n.path`).all({ t }) as { id: number; path: string; title: string; tags: string }[];
    return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
  }

  graphNotes(
    paths?: string[],
  ): { path: string; title: string; tags: string[]; aliases: string[]; properties: Record<string, unknown> }[] {
    const rows = (
      paths
        ? this.stmt(
            `SELECT id, path, title, properties FROM notes WHERE path IN (SELECT value FROM json_each(?)) ORDER BY path`,
          ).all(JSON.stringify(paths))
        : this.stmt(`SELECT id, path, title, properties FROM notes ORDER BY path`).all()
    ) as { id: number; path: string; title: string; properties: string }[];
    const tags = new Map<number, string[]>();
    const tagRows = (
      paths
        ? this.stmt(
            `SELECT t.note_id, t.tag FROM tags t JOIN notes n ON n.id = t.note_id WHERE n.path IN (SELECT value FROM json_each(?)) ORDER BY t.rowid`,
          ).all(JSON.stringify(paths))
        : this.stmt(`SELECT note_id, tag FROM tags ORDER BY rowid`).all()
    ) as { note_id: number; tag: string }[];
    for (const t of tagRows) {
      let list = tags.get(t.note_id);
      if (!list) {
        list = [];
        tags.set(t.note_id, list);
      }
      list.push(t.tag);
    }
    const aliases = new Map<number, string[]>();
    for (const a of (paths
      ? this.stmt(
          `SELECT a.note_id, a.alias FROM aliases a JOIN notes n ON n.id = a.note_id WHERE n.path IN (SELECT value FROM json_each(?)) ORDER BY a.note_id, a.pos`,
        ).all(JSON.stringify(paths))
      : this.stmt(`SELECT note_id, alias FROM aliases ORDER BY note_id, pos`).all()) as {
      note_id: number;
      alias: string;
    }[]) {
      let list = aliases.get(a.note_id);
      if (!list) {
        list = [];
        aliases.set(a.note_id, list);
      }
      list.push(a.alias);
    }
    return rows.map((r) => ({
      path: r.path,
      title: r.title,
      tags: tags.get(r.id) ?? [],
      aliases: aliases.get(r.id) ?? [],
      properties: JSON.parse(r.properties) as Record<string, unknown>,
    }));
  }

  edgeRows(sources?: string[]): EdgeRow[] {
    if (sources)
      return this.stmt(`SELECT s.path AS source, l.target, l.target_text AS targetText, l.kind, l.relation,
          CASE WHEN f.kind = 'note' AND NOT EXISTS (SELECT 1 FROM notes t WHERE t.path = l.target) THEN NULL
            ELSE f.kind END AS targetKind
        FROM notes s JOIN links l ON l.source_id = s.id LEFT JOIN files f ON f.path = l.target
        WHERE s.path IN (SELECT value FROM json_each(?))
        ORDER BY s.path, l.line, l.id`).all(JSON.stringify(sources)) as EdgeRow[];
    return this.stmt(`SELECT s.path AS source, l.target, l.target_text AS targetText, l.kind, l.relation, f.kind AS targetKind
      FROM links l JOIN notes s ON s.id = l.source_id LEFT JOIN files f ON f.path = l.target
      ORDER BY s.path, l.line, l.id`).all() as EdgeRow[];
  }

  checkLinks(): StoredLink[] {
    return (
      this.stmt(`SELECT ${LINK_COLUMNS} FROM links l JOIN notes s ON s.id = l.source_id
      WHERE l.target IS NULL OR l.candidates IS NOT NULL OR l.anchor_ok = 0 ORDER BY s.path, l.line, l.id`).all() as LinkDbRow[]
    ).map(toStoredLink);
  }
}
