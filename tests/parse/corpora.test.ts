/**
 * The parser on real vaults (shared/corpora, shared/seeds beside the repository; skipped when absent):
 * every file parses without a parser failure, mentionText keeps the file's lines, and a few known facts hold.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeNote, parseNote } from '../../electron/core/parse/index.ts';
import type { ParsedNote } from '../../electron/core/model.ts';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function parseAll(dir: string, ext: string): Map<string, ParsedNote> {
  const out = new Map<string, ParsedNote>();
  for (const f of files(dir, ext)) {
    const path = relative(dir, f).split('\\').join('/');
    const d = decodeNote(readFileSync(f));
    assert.notEqual(d.text, null, path);
    const note = parseNote(path, d.text!);
    assert.ok(!note.problems.some((p) => p.kind === 'parse'), `${path}: ${JSON.stringify(note.problems)}`);
    const lines = d.text!.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').length;
    assert.equal(note.mentionText.split('\n').length, lines, `${path}: mentionText lines`);
    for (const l of note.links) {
      assert.ok(l.line >= 1 && l.line <= lines, `${path}: link line ${l.line}`);
      assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(l.target), `${path}: external target ${l.target}`);
    }
    out.set(path, note);
  }
  return out;
}

const kepano = join(shared, 'corpora/kepano-obsidian');
describe('kepano-obsidian', { skip: !existsSync(kepano) && 'shared/corpora not present' }, () => {
  test('all notes parse; property links from categories lists; embeds of .base files', () => {
    const notes = parseAll(kepano, '.md');
    assert.ok(notes.size > 50);
    const book = notes.get('Templates/Book Template.md')!;
    assert.deepEqual(book.links.map((l) => [l.kind, l.target, l.line, l.relation]), [['property', 'Books', 3, 'categories']]);
    assert.deepEqual(book.tags, ['to-read']);
    const books = notes.get('Categories/Books.md')!;
    assert.deepEqual(books.links.map((l) => [l.kind, l.raw, l.target]), [['embed', '![[Books.base]]', 'Books.base']]);
    const withProps = [...notes.values()].filter((n) => n.links.some((l) => l.kind === 'property'));
    assert.ok(withProps.length > 20, `${withProps.length} notes with property links`);
  });
});

const foam = join(shared, 'corpora/foam-docs');
describe('foam-docs', { skip: !existsSync(foam) && 'shared/corpora not present' }, () => {
  test('all notes parse; links in code spans inside a table are not links', () => {
    const notes = parseAll(foam, '.md');
    assert.ok(notes.size > 50);
    const m = notes.get('user/recipes/migrating-from-obsidian.md')!;
    const inTable = m.links.filter((l) => l.line >= 17 && l.line <= 25).map((l) => l.target);
    assert.deepEqual(inTable, ['wikilinks', 'embeds', 'block-anchors', 'backlinking', 'graph-view', 'daily-notes', 'templates', 'tags', 'note-properties']);
    assert.ok(!m.tags.includes('tag'));
    const gist = notes.get('user/recipes/write-your-notes-in-github-gist.md')!;
    assert.ok(!gist.links.some((l) => l.target === 'link' || l.target === 'links'), JSON.stringify(gist.links.map((l) => l.raw)));
  });
});

const seeds = join(shared, 'seeds');
describe('Chinese seed notes', { skip: !existsSync(seeds) && 'shared/seeds not present' }, () => {
  test('all parse as markdown: Chinese headings, CJK counts, no wiki links', () => {
    const notes = parseAll(seeds, '.txt');
    assert.equal(notes.size, 5);
    for (const [path, n] of notes) {
      assert.ok(n.cjkChars > 300, `${path}: ${n.cjkChars} CJK`);
      assert.ok(!n.links.some((l) => l.kind === 'wiki' || l.kind === 'embed'), path);
    }
    assert.ok([...notes.values()].reduce((a, n) => a + n.headings.length, 0) > 300);
    assert.ok([...notes.values()].some((n) => n.links.some((l) => l.target === 'img/image1.png')));
    assert.ok([...notes.values()].some((n) => n.headings.some((h) => /[\u4e00-\u9fff]/.test(h.text))));
  });
});
