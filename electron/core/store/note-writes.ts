/**
 * The write side of the notes in the index database: a parsed note's row and its children (aliases, tags, headings,
 * blocks, properties, links, mention text, full text, cards) replaced in one go, and the problems of files and of the
 * scan. Part of `SqliteStore` (sqlite-store.ts), which owns the connection and the transactions.
 */
import type Database from 'better-sqlite3';
import type { ParsedNote, ProblemFact } from '../model.ts';
import { blockKey, headingKey } from '../resolve/keys.ts';
import type { CardTable } from './card-store.ts';
import type { LinkInput, ProblemRow } from './graph-store.ts';

type Stmt = Database.Statement;

/**
 * Note and problem writes; `stmt` is the store's cached `prepare`, `bulkLoad` tells whether a cold index's bulk load
 * runs (`SqliteStore.bulk`).
 */
export class NoteWrites {
  private readonly stmt: (sql: string) => Stmt;
  private readonly cards: CardTable;
  private readonly bulkLoad: () => boolean;

  constructor(stmt: (sql: string) => Stmt, cards: CardTable, bulkLoad: () => boolean) {
    this.stmt = stmt;
    this.cards = cards;
    this.bulkLoad = bulkLoad;
  }

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
    if (this.bulkLoad()) {
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
    this.stmt(`INSERT INTO note_fts (rowid, title, aliases, body, frontmatter) VALUES (?, ?, ?, ?, ?)`)
      // two trailing characters: a 1–2 character term is found through the trigrams it starts (see `termCondition`),
      // so even the body's (and the frontmatter's) last character must start one
      .run(
        id,
        note.title,
        note.aliases.join('\n'),
        note.body + '\n\n',
        note.frontmatter ? note.frontmatter + '\n\n' : '',
      );
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
}
