/**
 * Full-text search over the index database: title/alias substring matches, trigram FTS5 matching of user terms
 * (1–2 character terms through the trigram vocabulary, long terms verified by a substring scan), note texts and
 * bodies for snippets, unlinked-mention candidates. Part of `SqliteStore` (sqlite-store.ts).
 */
import type Database from 'better-sqlite3';

import type { MatchedText, SearchText } from './graph-store.ts';

type Stmt = Database.Statement;

/** A title/alias match: `aliases` is the note's lower-cased aliases, one a line. */
type NameRow = { id: number; path: string; title: string; aliases: string };

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

/** Search statements; `stmt` is the store's cached `prepare`. */
export class TextSearch {
  private readonly stmt: (sql: string) => Stmt;
  /** `nameRows`' copy, with the change counters it was read at. */
  private names: { key: string; rows: NameRow[]; titles: string[]; aliases: string[] } | null = null;

  constructor(stmt: (sql: string) => Stmt) {
    this.stmt = stmt;
  }

  /**
   * Notes whose lower-cased title or aliases contain `needle`, the first `limit` by id: a scan of an in-memory copy
   * of those columns (`nameRows`), as `instr` over the `notes` table was (40 % of a search's CPU on 10k notes).
   */
  searchNames(needle: string, limit: number): NameRow[] {
    const out: NameRow[] = [];
    if (limit <= 0) return out;
    const { rows, titles, aliases } = this.nameRows();
    for (let i = 0; i < rows.length; i++) {
      if (!titles[i].includes(needle) && !aliases[i].includes(needle)) continue;
      out.push(rows[i]);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * The id, path, title and lower-cased title and aliases of every note, by id, read again after any write on this
   * connection (`total_changes()`) or another (`PRAGMA data_version`). About 300 bytes a note (3 MB for 10k notes).
   */
  private nameRows(): { rows: NameRow[]; titles: string[]; aliases: string[] } {
    const key = `${this.stmt('SELECT total_changes()').pluck().get()}:${this.stmt('PRAGMA data_version').pluck().get()}`;
    if (this.names?.key === key) return this.names;
    const all = this.stmt(
      'SELECT id, path, title, title_lc AS titleLc, aliases_lc AS aliases FROM notes ORDER BY id',
    ).all() as (NameRow & {
      titleLc: string;
    })[];
    const names = {
      key,
      rows: all.map((r) => ({ id: r.id, path: r.path, title: r.title, aliases: r.aliases })),
      titles: all.map((r) => r.titleLc),
      aliases: all.map((r) => r.aliases),
    };
    this.names = names;
    return names;
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

  /** The WHERE clause over `note_fts` (aliased `f`) for `terms`, and the terms a substring scan must verify. */
  private condition(terms: string[]): { where: string; args: unknown[]; verify: string[] } | null {
    const conds = terms.map((t) => this.termCondition(t));
    if (conds.length === 0 || conds.some((c) => c.none)) return null;
    const match = conds
      .filter((c) => c.match)
      .map((c) => c.match)
      .join(' AND ');
    const likes = conds.filter((c) => c.like).map((c) => c.like as { pattern: string; escaped: boolean });
    const verify = conds.filter((c) => c.verify !== undefined).map((c) => c.verify as string);
    const where: string[] = [];
    const args: unknown[] = [];
    if (match) {
      where.push('f.note_fts MATCH ?');
      args.push(match);
    }
    for (const l of likes) {
      where.push(
        l.escaped
          ? `(f.title LIKE ? ESCAPE '\\' OR f.aliases LIKE ? ESCAPE '\\' OR f.body LIKE ? ESCAPE '\\'
              OR f.frontmatter LIKE ? ESCAPE '\\')`
          : `(f.title LIKE ? OR f.aliases LIKE ? OR f.body LIKE ? OR f.frontmatter LIKE ?)`,
      );
      args.push(l.pattern, l.pattern, l.pattern, l.pattern);
    }
    return { where: where.join(' AND '), args, verify };
  }

  matchNotes(terms: string[], limit: number): number[] {
    const cond = this.condition(terms);
    if (!cond) return [];
    const { where, args, verify } = cond;
    if (verify.length === 0) {
      return this.stmt(`SELECT rowid FROM note_fts f WHERE ${where} LIMIT ?`)
        .pluck()
        .all(...args, limit) as number[];
    }
    // terms of 4+ characters: their trigrams narrow the notes, a linear substring scan of each (streamed) decides
    const out: number[] = [];
    const rows = this.stmt(`SELECT rowid, title, aliases, body, frontmatter FROM note_fts f WHERE ${where}`).iterate(
      ...args,
    ) as IterableIterator<{ rowid: number; title: string; aliases: string; body: string; frontmatter: string }>;
    for (const r of rows) {
      const text = `${r.title}\n${r.aliases}\n${r.body}\n${r.frontmatter}`.toLowerCase();
      if (!verify.every((v) => text.includes(v))) continue;
      out.push(r.rowid);
      if (out.length >= limit) {
        rows.return?.();
        break;
      }
    }
    return out;
  }

  /**
   * `noteTexts(matchNotes(terms, limit))` in one pass: the same notes, each body read once and lower-cased once
   * (`bodyLc`, for ranking). A term is verified on the lower-cased title, aliases and body one by one, which is the
   * same as on their `\n`-joined text (lower-casing never looks across a line break, and a term without one cannot
   * span it); a term holding a line break is checked on the joined text.
   */
  matchTexts(terms: string[], limit: number): MatchedText[] {
    const cond = this.condition(terms);
    if (!cond || limit <= 0) return [];
    const { where, args, verify } = cond;
    const out: MatchedText[] = [];
    // no LIMIT in the SQL (the loop stops at `limit`): one cached statement per WHERE shape, whatever the limit
    const sql = verify.length
      ? `SELECT f.rowid AS id, n.path, n.title, f.body, f.frontmatter, f.title AS ftsTitle, f.aliases AS ftsAliases
          FROM note_fts f JOIN notes n ON n.id = f.rowid WHERE ${where}`
      : `SELECT f.rowid AS id, n.path, n.title, f.body, f.frontmatter FROM note_fts f JOIN notes n ON n.id = f.rowid
          WHERE ${where}`;
    const rows = this.stmt(sql).iterate(...args) as IterableIterator<{
      id: number;
      path: string;
      title: string;
      body: string;
      frontmatter: string;
      ftsTitle?: string;
      ftsAliases?: string;
    }>;
    for (const r of rows) {
      const bodyLc = r.body.toLowerCase();
      if (verify.length) {
        const titleLc = (r.ftsTitle as string).toLowerCase();
        const aliasesLc = (r.ftsAliases as string).toLowerCase();
        let fmLc: string | undefined;
        const inFrontmatter = (v: string) => {
          if (r.frontmatter === '') return false;
          if (fmLc === undefined) fmLc = r.frontmatter.toLowerCase();
          return fmLc.includes(v);
        };
        const holds = (v: string) =>
          v.includes('\n')
            ? `${titleLc}\n${aliasesLc}\n${bodyLc}\n${r.frontmatter.toLowerCase()}`.includes(v)
            : bodyLc.includes(v) || titleLc.includes(v) || aliasesLc.includes(v) || inFrontmatter(v);
        if (!verify.every(holds)) continue;
      }
      out.push({ id: r.id, path: r.path, title: r.title, body: r.body, bodyLc, frontmatter: r.frontmatter });
      if (out.length >= limit) {
        rows.return?.();
        break;
      }
    }
    return out;
  }

  ftsTerm(term: string): string | 'all' | 'none' {
    const c = this.termCondition(term);
    if (c.none) return 'none';
    return c.match ?? 'all';
  }

  ftsIds(match: string, limit: number): number[] {
    return this.stmt(`SELECT rowid FROM note_fts f WHERE f.note_fts MATCH ? LIMIT ?`)
      .pluck()
      .all(match, limit) as number[];
  }

  scanTexts(match: string | null, ids: ReadonlySet<number> | null, visit: (r: SearchText) => boolean): void {
    const cols = `n.id, n.path, n.title, f.aliases, f.body, f.frontmatter, n.frontmatter_lines AS frontmatterLines`;
    if (ids && (match === null || ids.size <= 500)) {
      // a small set (tags, properties): read it by id, in slices, without the text index
      const all = [...ids].sort((a, b) => a - b);
      const st = this.stmt(`SELECT ${cols} FROM notes n JOIN note_fts f ON f.rowid = n.id
        WHERE n.id IN (SELECT value FROM json_each(?)) ORDER BY n.id`);
      for (let i = 0; i < all.length; i += 500) {
        for (const r of st.all(JSON.stringify(all.slice(i, i + 500))) as SearchText[]) if (!visit(r)) return;
      }
      return;
    }
    const rows = (
      match === null
        ? this.stmt(`SELECT ${cols} FROM notes n JOIN note_fts f ON f.rowid = n.id ORDER BY n.id`).iterate()
        : this.stmt(`SELECT ${cols} FROM note_fts f JOIN notes n ON n.id = f.rowid WHERE f.note_fts MATCH ?`).iterate(
            match,
          )
    ) as IterableIterator<SearchText>;
    for (const r of rows) {
      if (ids && !ids.has(r.id)) continue;
      if (!visit(r)) {
        rows.return?.();
        return;
      }
    }
  }

  propertyValues(key: string): { id: number; value: string }[] {
    const k = key.normalize('NFC').toLowerCase();
    if (k === 'tags' || k === 'tag') {
      return this.stmt(`SELECT note_id AS id, json_quote(tag) AS value FROM tags`).all() as never;
    }
    if (k === 'aliases' || k === 'alias') {
      return this.stmt(`SELECT note_id AS id, json_quote(alias) AS value FROM aliases`).all() as never;
    }
    return this.stmt(`SELECT note_id AS id, value FROM properties WHERE key = ? COLLATE NOCASE`).all(key) as never;
  }

  noteTexts(ids: number[]): { id: number; path: string; title: string; body: string; frontmatter: string }[] {
    if (!ids.length) return [];
    return this.stmt(`SELECT n.id, n.path, n.title, f.body, f.frontmatter FROM notes n JOIN note_fts f ON f.rowid = n.id
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
}
