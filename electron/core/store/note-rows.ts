/**
 * Notes as the queries read them from the index database: counts, one note or all with their aliases, tags,
 * headings and blocks, tag lookups, graph nodes, problems and orphans. Part of `SqliteStore` (sqlite-store.ts).
 */
import type Database from 'better-sqlite3';
import type { NoteDetail, ProblemRow } from './graph-store.ts';

type Stmt = Database.Statement;

/** Note read statements; `stmt` is the store's cached `prepare`. */
export class NoteRows {
  private readonly stmt: (sql: string) => Stmt;

  constructor(stmt: (sql: string) => Stmt) {
    this.stmt = stmt;
  }

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
}
