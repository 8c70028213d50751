/**
 * Search with 1–2 character queries (Chinese above all: the trigram index cannot match under 3 characters, so these
 * go through the trigram vocabulary, or a LIKE scan when a term starts over 300 trigrams; text-search.ts): what they
 * find, the order (title, alias, prefix, substring, then body hits by score), the caps; the in-memory copy of titles
 * and aliases staying in step with saves; `matchTexts` = `noteTexts(matchNotes())`; snippets cut from a prefix of a
 * long body equal to those cut from the whole body.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeSnippet, SNIPPET_MAX } from '../../../electron/core/query/snippet.ts';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

async function vault(extra: Record<string, string> = {}) {
  const { root, db } = tempVault();
  const files: Record<string, string> = {
    '锁.md': '锁是一种同步原语。\n',
    '加锁.md': '---\naliases: [锁]\n---\n进入临界区之前先加锁。\n',
    '锁竞争.md': '多个线程争用同一把锁。\n',
    'zh/互斥锁.md': '互斥锁保护共享数据。\n',
    'body-once.md': '这里只提到锁一次。\n',
    'body-many.md': '锁，锁，锁：这篇笔记反复说锁。\n',
    'other.md': '没有那个字。Nothing here.\n',
    'go.md': 'Go has goroutines.\n',
    ...extra,
  };
  for (const [rel, text] of Object.entries(files)) writeVault(root, rel, text);
  const index = await openIndex(root, db);
  await index.sync();
  return { index, root, query: queryOf(index) };
}

test('a 1-character Chinese query: titles and aliases first (exact, alias, prefix, substring), then bodies by hits', async () => {
  const { index, query } = await vault();
  const hits = query.search('锁');
  assert.deepEqual(
    hits.map((h) => h.path),
    ['锁.md', '加锁.md', '锁竞争.md', 'zh/互斥锁.md', 'body-many.md', 'body-once.md'],
  );
  assert.ok(hits.every((h) => h.snippet.includes('锁')));
  // a 2-character query: the note whose title holds it, then the bodies
  assert.deepEqual(
    query.search('竞争').map((h) => h.path),
    ['锁竞争.md'],
  );
  assert.deepEqual(
    query.search('共享').map((h) => h.path),
    ['zh/互斥锁.md'],
  );
  // both characters must be adjacent; each term of a multi-term query must occur
  assert.deepEqual(query.search('锁数'), []);
  assert.deepEqual(
    query.search('锁 数据').map((h) => h.path),
    ['zh/互斥锁.md'],
  );
  assert.deepEqual(
    query.search('go').map((h) => h.path),
    ['go.md'],
  );
  assert.deepEqual(query.search('无'), []);
  index.close();
});

test('short queries are capped: at most `limit` hits, names before bodies', async () => {
  const extra: Record<string, string> = {};
  for (let i = 0; i < 70; i++) extra[`many/n${String(i).padStart(2, '0')}.md`] = `第${i}篇：锁。\n`;
  const { index, query } = await vault(extra);
  const all = query.search('锁');
  assert.equal(all.length, 50);
  assert.deepEqual(
    all.slice(0, 4).map((h) => h.path),
    ['锁.md', '加锁.md', '锁竞争.md', 'zh/互斥锁.md'],
  );
  assert.deepEqual(
    query.search('锁', 3).map((h) => h.path),
    ['锁.md', '加锁.md', '锁竞争.md'],
  );
  assert.deepEqual(query.search('锁', 0), []);
  index.close();
});

test('a 1-character term that starts over 300 trigrams (the LIKE scan) finds what the vocabulary would', async () => {
  // 320 distinct trigrams "锁X。" in one note
  const wide = Array.from({ length: 320 }, (_, i) => `锁${String.fromCodePoint(0x4e00 + i)}。`).join('');
  const { index, query } = await vault({ 'wide.md': `${wide}\n` });
  const paths = query.search('锁').map((h) => h.path);
  assert.deepEqual(paths.slice(0, 4), ['锁.md', '加锁.md', '锁竞争.md', 'zh/互斥锁.md']);
  assert.deepEqual(paths.slice(4).sort(), ['body-many.md', 'body-once.md', 'wide.md']);
  index.close();
});

test('title and alias matches follow saves, renames and deletions', async () => {
  const { index, root, query } = await vault();
  const names = ['锁.md', '加锁.md', '锁竞争.md', 'zh/互斥锁.md'];
  assert.deepEqual(
    query.search('锁').map((h) => h.path),
    [...names, 'body-many.md', 'body-once.md'],
  );
  // a new title with the query as prefix ranks among the names (by title length), not among the bodies
  writeVault(root, '锁屏.md', '---\naliases: [屏幕锁]\n---\n手机的屏。\n');
  await index.update(['锁屏.md']);
  assert.deepEqual(
    query.search('锁').map((h) => h.path),
    ['锁.md', '加锁.md', '锁屏.md', '锁竞争.md', 'zh/互斥锁.md', 'body-many.md', 'body-once.md'],
  );
  assert.deepEqual(
    query.search('屏幕锁').map((h) => h.path),
    ['锁屏.md'],
  );
  writeVault(root, '锁屏.md', '---\naliases: [息屏]\n---\n现在只有息屏。\n');
  await index.update(['锁屏.md']);
  assert.deepEqual(query.search('屏幕锁'), []);
  assert.deepEqual(
    query.search('息屏').map((h) => h.path),
    ['锁屏.md'],
  );
  fs.renameSync(path.join(root, '锁屏.md'), path.join(root, '黑屏.md'));
  await index.update(['锁屏.md', '黑屏.md']);
  assert.deepEqual(
    query.search('屏').map((h) => h.path),
    ['黑屏.md'],
  );
  fs.rmSync(path.join(root, '黑屏.md'));
  await index.update(['黑屏.md']);
  assert.deepEqual(query.search('屏'), []);
  assert.deepEqual(
    query.search('锁').map((h) => h.path),
    [...names, 'body-many.md', 'body-once.md'],
  );
  index.close();
});

test('matchTexts gives the notes and bodies of noteTexts(matchNotes()), with the body lower-cased', async () => {
  const { index } = await vault({
    'greek.md': 'ΟΔΟΣ and ΣΑΣ in capitals.\n',
    'mixed.md': 'Goroutines and CHANNELS; 锁.\n',
  });
  const store = index.graphStore;
  for (const terms of [['锁'], ['同步原语'], ['goroutines'], ['channels', '锁'], ['οδος'], ['σας'], ['g'], ['zzzz']]) {
    const want = store
      .noteTexts(store.matchNotes(terms, 100))
      .map((r) => ({ ...r, bodyLc: r.body.toLowerCase() }))
      .sort((a, b) => a.id - b.id);
    const got = store.matchTexts(terms, 100).sort((a, b) => a.id - b.id);
    assert.deepEqual(got, want, terms.join(' '));
  }
  assert.equal(store.matchTexts(['锁'], 2).length, 2);
  index.close();
});

/** The snippet computed on the whole body (makeSnippet's definition; makeSnippet may decide from a prefix). */
function wholeSnippet(body: string, needles: string[], max = SNIPPET_MAX): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const lower = text.toLowerCase();
  const n = needles.find((x) => x && lower.includes(x));
  if (n === undefined) return text.slice(0, max - 1).trimEnd() + '…';
  const at = lower.indexOf(n);
  const room = max - 2;
  let start = Math.max(0, at - Math.floor((room - n.length) / 3));
  let end = Math.min(text.length, start + room);
  start = Math.max(0, end - room);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start++;
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}

test('snippets of long bodies equal those cut from the whole body (spaces, surrogates, capital sigma)', () => {
  const parts = ['a', 'B', ' ', '\n', '\t  ', '锁', '文', 'Σ', 'σ', '😀', 'İ', '\u3000', 'x'];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < 1500; i++) {
    const n = Math.floor(rnd() * 12000);
    let body = '';
    // mostly plain letters and spaces, so that needles are often found early
    for (let j = 0; j < n; j++) body += parts[Math.floor(rnd() * (rnd() < 0.95 ? 7 : parts.length))];
    const at = Math.floor(rnd() * body.length);
    const needles = [
      body
        .slice(at, at + 1 + Math.floor(rnd() * 3))
        .toLowerCase()
        .replace(/\s+/g, ' '),
      'b 锁',
    ];
    if (rnd() < 0.2) needles.unshift('');
    assert.equal(makeSnippet(body, needles), wholeSnippet(body, needles), JSON.stringify({ i, needles }));
  }
  // a capital sigma is final (ς) in the prefix, whose end falls in the apostrophes, and not final (σ) in the whole body
  const sigma = `${'ab '.repeat(100)}ΑΣ${"'".repeat(600)}Α${' tail'.repeat(300)}`;
  assert.equal(makeSnippet(sigma, ["ς'"]), wholeSnippet(sigma, ["ς'"]));
  assert.equal(makeSnippet(sigma, ["σ'"]), wholeSnippet(sigma, ["σ'"]));
  const long = `${'前文'.repeat(2000)} 目标词 ${'后文'.repeat(2000)}`;
  const hit = makeSnippet(long, ['目标词']);
  assert.ok(hit.startsWith('…') && hit.endsWith('…') && hit.includes('目标词') && hit.length <= SNIPPET_MAX, hit);
});
