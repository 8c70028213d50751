/**
 * Full-text search over the index database: title/alias substring matches, trigram FTS5 matching of user terms
 * (1–2 character terms through the trigram vocabulary, long terms verified by a substring scan), note texts and
 * bodies for snippets, unlinked-mention candidates. Part of `SqliteStore` (sqlite-store.ts).
 */
import type Database from 'better-sqlite3';

type Stmt = Database.Statement;

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

  constructor(stmt: (sql: string) => Stmt) {
    this.stmt = stmt;
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
}
