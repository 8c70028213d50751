/**
 * The `cards` table of the vault index: the flashcards of every note that has them (`noteHasCards`), parsed with
 * the one grammar's card parser (electron/core/markdown/cards.ts) when the note is written to the index, so the CLI
 * and the app read the same cards. Rows belong to `notes.id` and are replaced with the note.
 *
 * The card options (which tags mark card notes, cloze variants) are the index's; when they change, `reparseAll`
 * rebuilds the table from the note bodies already stored (no file is read again).
 */
import type Database from 'better-sqlite3';
import type { ParsedNote } from '../model.ts';
import { noteHasCards, parseCards, type CardFact, type CardKind, type CardOptions } from '../markdown/cards.ts';

type Stmt = Database.Statement;

/** The DDL, appended to the index schema (schema.ts); its index is deferred during a cold index like the others. */
export const CARDS_SQL = `
CREATE TABLE cards (
  id TEXT PRIMARY KEY,
  note_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  reversed INTEGER NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  line INTEGER NOT NULL,
  end_line INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX cards_note ON cards (note_id, line);
`;

/** A stored card (see `CardFact`). */
export type CardRow = CardFact;

interface CardDbRow {
  id: string;
  note: string;
  kind: CardKind;
  reversed: number;
  question: string;
  answer: string;
  line: number;
  end_line: number;
}

const COLUMNS = `c.id, n.path AS note, c.kind, c.reversed, c.question, c.answer, c.line, c.end_line`;

function toRow(r: CardDbRow): CardRow {
  return {
    id: r.id,
    note: r.note,
    kind: r.kind,
    reversed: r.reversed === 1,
    question: r.question,
    answer: r.answer,
    line: r.line,
    endLine: r.end_line,
  };
}

/** Card statements over the index database; `stmt` is the store's cached `prepare`. */
export class CardTable {
  /** Card options of this index (default: `#flashcards`, `==highlight==` clozes). */
  options: CardOptions = {};
  private readonly stmt: (sql: string) => Stmt;

  constructor(stmt: (sql: string) => Stmt) {
    this.stmt = stmt;
  }

  /**
   * Replaces the cards of note `noteId` with those parsed from `note` (none unless the note has cards). `fresh`: the
   * note row was just inserted, so it has no cards to delete (a cold index).
   */
  write(
    noteId: number,
    note: Pick<ParsedNote, 'path' | 'body' | 'frontmatterLines' | 'tags' | 'properties'>,
    fresh = false,
  ): void {
    if (!fresh) this.delete(noteId);
    if (!noteHasCards(note.tags, note.properties ?? {}, this.options.tags)) return;
    const ins = this.stmt(`INSERT OR IGNORE INTO cards (id, note_id, kind, reversed, question, answer, line, end_line)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const c of parseCards(note.path, note.body, note.frontmatterLines, this.options)) {
      ins.run(c.id, noteId, c.kind, c.reversed ? 1 : 0, c.question, c.answer, c.line, c.endLine);
    }
  }

  delete(noteId: number): void {
    this.stmt(`DELETE FROM cards WHERE note_id = ?`).run(noteId);
  }

  /** Every card, by note path then line. */
  all(): CardRow[] {
    return (
      this.stmt(
        `SELECT ${COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id ORDER BY n.path, c.line, c.reversed`,
      ).all() as CardDbRow[]
    ).map(toRow);
  }

  /** The cards of one note (vault path), by line. */
  ofNote(path: string): CardRow[] {
    return (
      this.stmt(`SELECT ${COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id WHERE n.path = ?
      ORDER BY c.line, c.reversed`).all(path) as CardDbRow[]
    ).map(toRow);
  }

  get(id: string): CardRow | null {
    const r = this.stmt(`SELECT ${COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.id = ?`).get(id) as
      | CardDbRow
      | undefined;
    return r ? toRow(r) : null;
  }

  count(): number {
    return this.stmt(`SELECT count(*) FROM cards`).pluck().get() as number;
  }

  /**
   * Sets the card options of this index. When they differ from those the stored cards were parsed with (kept in
   * `meta`), re-parses every stored note's cards (`reparseAll`), so a changed card tag needs no re-index.
   */
  configure(options: CardOptions): void {
    const key = JSON.stringify({
      tags: options.tags ?? null,
      h: options.clozeHighlight ?? null,
      b: options.clozeBold ?? null,
      c: options.clozeCurly ?? null,
    });
    this.options = options;
    const stored = this.stmt(`SELECT value FROM meta WHERE key = 'cardOptions'`).pluck().get() as string | undefined;
    if (stored === key) return;
    const hasNotes = this.stmt(`SELECT count(*) FROM notes`).pluck().get() as number;
    if (stored !== undefined || hasNotes > 0) this.reparseAll(options);
    this.stmt(`INSERT OR REPLACE INTO meta (key, value) VALUES ('cardOptions', ?)`).run(key);
  }

  /**
   * Re-parses every stored note's cards with `options` (after the card tag setting changed), from the bodies the
   * full-text table keeps. Run inside a transaction.
   */
  reparseAll(options: CardOptions): void {
    this.options = options;
    this.stmt(`DELETE FROM cards`).run();
    const rows = this.stmt(`SELECT n.id, n.path, n.properties, n.frontmatter_lines AS fm, f.body,
        (SELECT json_group_array(tag) FROM tags t WHERE t.note_id = n.id) AS tags
      FROM notes n JOIN note_fts f ON f.rowid = n.id`).all() as {
      id: number;
      path: string;
      properties: string;
      fm: number;
      body: string;
      tags: string;
    }[];
    for (const r of rows) {
      const tags = JSON.parse(r.tags) as string[];
      const properties = JSON.parse(r.properties) as Record<string, unknown>;
      if (!noteHasCards(tags, properties, options.tags)) continue;
      this.write(r.id, { path: r.path, body: r.body.replace(/\n\n$/, ''), frontmatterLines: r.fm, tags, properties });
    }
  }
}
