/**
 * Property text is searchable (Obsidian's search matches the whole file, frontmatter included): a term only in the
 * frontmatter finds the note in both searches (the pane's `searchAll`, with the property's file line, and `search`,
 * whose snippet is the property line), `-exclude` sees it too, 1–2 character Chinese terms work on it, and unlinked
 * mentions never report text inside the frontmatter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('a term only in the frontmatter is found; its line is the property line; mentions stay body-only', async () => {
  const { root, db, work } = tempVault();
  writeVault(root, 'Kevin Kelly.md', 'Writer and editor.\n');
  writeVault(
    root,
    'books/What Technology Wants.md',
    '---\nauthor: "[[Kevin Kelly]]"\nyear: 2010\n作者: 凯文\n---\n# Notes\n\nThe technium grows.\n',
  );
  writeVault(root, 'Essay.md', '---\nreviewer: Kevin Kelly\n---\nAs Kevin Kelly wrote, tools want things.\n');
  writeVault(root, 'Plain.md', 'Nothing about him here.\n');
  const index = await openIndex(root, db);
  try {
    await index.sync();
    const q = queryOf(index);

    // the search pane: the property-only hit, at file line 2 (after `---`)
    const r = q.searchAll('technium kevin');
    assert.deepEqual(
      r.notes.map((n) => n.path),
      ['books/What Technology Wants.md'],
    );
    const hits = q.searchAll('kevin');
    const book = hits.notes.find((n) => n.path === 'books/What Technology Wants.md');
    assert.ok(book, 'the note naming Kevin only in a property is found');
    assert.deepEqual(book.matches, [{ line: 2, text: 'author: "[[Kevin Kelly]]"', ranges: [[11, 16]] }]);
    // frontmatter lines first, then the body, in file order
    const essay = hits.notes.find((n) => n.path === 'Essay.md');
    assert.deepEqual(
      essay?.matches.map((m) => m.line),
      [2, 4],
    );
    assert.deepEqual(
      q.searchAll('凯文').notes.map((n) => [n.path, n.matches[0]?.line]),
      [['books/What Technology Wants.md', 4]],
    );
    // -exclude reads the frontmatter too
    assert.deepEqual(
      q.searchAll('technium -2010').notes.map((n) => n.path),
      [],
    );

    // search (CLI, API): found, the snippet is the property line
    const s = q.search('kelly');
    const sBook = s.find((h) => h.path === 'books/What Technology Wants.md');
    assert.equal(sBook?.snippet, 'author: "[[Kevin Kelly]]"');
    assert.equal(s.find((h) => h.path === 'Essay.md')?.snippet, 'As Kevin Kelly wrote, tools want things.');
    assert.deepEqual(
      q.search('凯文').map((h) => [h.path, h.snippet]),
      [['books/What Technology Wants.md', '作者: 凯文']],
    );

    // unlinked mentions of Kevin Kelly: the body's line only, never the frontmatter's
    assert.deepEqual(
      q.mentions('Kevin Kelly.md').map((m) => [m.source, m.line]),
      [['Essay.md', 4]],
    );
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('an edited frontmatter is searched by its new text, the old text no longer finds the note', async () => {
  const { root, db, work } = tempVault();
  writeVault(root, 'a.md', '---\nstatus: drafting\n---\nbody\n');
  const index = await openIndex(root, db);
  try {
    await index.sync();
    const q = queryOf(index);
    assert.equal(q.searchAll('drafting').total, 1);
    writeVault(root, 'a.md', '---\nstatus: published\n---\nbody\n');
    await index.update(['a.md']);
    assert.equal(q.searchAll('drafting').total, 0);
    assert.equal(q.searchAll('published').total, 1);
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
