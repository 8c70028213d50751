/**
 * Unicode twins (issue 10, item 7): two files whose names differ only in normal form (`café.md` NFC and NFD, as a
 * Linux disk can hold) are both indexed, listed, openable and reported as `unicode-twin` problems; nothing is hidden
 * or overwritten; a link or search typed in either form finds the note; links to the shared name resolve to the
 * NFC-spelled twin (electron/core/files/unicode-names.ts). A lone NFD-named note is opened by its NFC path. Real temp
 * folders (skipped where the file system folds normal forms, as macOS does).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { diskSpelling, folderTwins, indexNames } from '../../../electron/core/files/unicode-names.ts';
import { createAtlasService } from '../../../electron/services/atlas-service.ts';
import { openIndex, queryOf, tempVault } from './helpers.ts';
import { tempDir } from '../../support/temp-dir.ts';

const NFC = 'caf\u00e9';
const NFD = 'cafe\u0301';

/** True when this file system keeps NFC and NFD names apart (Linux ext4/tmpfs; not APFS or NTFS). */
function keepsTwins(): boolean {
  const dir = tempDir('twin-probe');
  try {
    fs.writeFileSync(path.join(dir, `${NFC}.md`), '1');
    fs.writeFileSync(path.join(dir, `${NFD}.md`), '2');
    return fs.readdirSync(dir).length === 2;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const skip = keepsTwins() ? false : 'the file system folds Unicode normal forms (no twins possible)';

test('folderTwins: each twin lists the others, sorted; names without a twin are absent; linear in the folder', () => {
  const twins = folderTwins([`${NFD}.md`, `${NFC}.md`, 'plain.md', `${NFD}2.md`, '\u6982\u5ff5.md']);
  assert.deepEqual(
    [...twins.entries()],
    [
      [`${NFD}.md`, [`${NFC}.md`]],
      [`${NFC}.md`, [`${NFD}.md`]],
    ],
  );
  // a folder of 20,000 non-ASCII names without twins: one NFC form each (the per-name search it replaced was
  // quadratic: 4e8 normalisations here)
  const many = Array.from({ length: 20000 }, (_, i) => `\u6982\u5ff5 ${i}.md`);
  assert.equal(folderTwins(many).size, 0);
});

test('indexNames: the NFC-spelled twin owns the NFC name, others keep their spelling; lone names become NFC', () => {
  assert.deepEqual(
    [...indexNames([`${NFD}.md`, `${NFC}.md`, 'plain.md', `${NFD}2.md`]).entries()],
    [
      ['plain.md', 'plain.md'],
      [`${NFD}.md`, `${NFD}.md`],
      [`${NFC}.md`, `${NFC}.md`],
      [`${NFD}2.md`, `${NFC}2.md`],
    ],
  );
  // no NFC spelling on disk: the first in code-unit order takes the NFC name
  const mixed = 'A\u030a\u00e9'; // Å decomposed, é composed
  const nfd = 'A\u030ae\u0301';
  const m = indexNames([nfd, mixed]);
  const first = [nfd, mixed].sort()[0];
  assert.equal(m.get(first), 'Å\u00e9');
  assert.equal(m.get(first === nfd ? mixed : nfd), first === nfd ? mixed : nfd);
});

test('NFC and NFD twins: both indexed and reported, nothing overwritten, links resolve to the NFC one', {
  skip,
}, async () => {
  const { root, db } = tempVault();
  fs.writeFileSync(path.join(root, `${NFC}.md`), '# Composed\n\nalphaword [[other]]\n');
  fs.writeFileSync(path.join(root, `${NFD}.md`), '# Decomposed\n\nbetaword\n');
  fs.mkdirSync(path.join(root, 'sub'));
  fs.writeFileSync(path.join(root, 'sub', `${NFD}.md`), '# Lone NFD\n\nloneword\n');
  fs.writeFileSync(
    path.join(root, 'other.md'),
    `# Other\n\n[[${NFC}]] and [[${NFD}]] and [[sub/${NFD}]] and [[sub/${NFC}]]\n`,
  );
  const index = await openIndex(root, db);
  await index.sync();
  const q = queryOf(index);
  const paths = q.listFiles().map((f) => f.path);
  assert.deepEqual(paths.sort(), [`${NFD}.md`, `${NFC}.md`, 'other.md', 'sub', `sub/${NFC}.md`].sort());
  assert.deepEqual(
    q.search('alphaword').map((h) => h.path),
    [`${NFC}.md`],
  );
  assert.deepEqual(
    q.search('betaword').map((h) => h.path),
    [`${NFD}.md`],
  );
  assert.equal(q.noteInfo(`${NFD}.md`)?.headings[0]?.text, 'Decomposed');
  assert.equal(q.noteInfo(`${NFC}.md`)?.headings[0]?.text, 'Composed');
  // a link typed in either form: the NFC-spelled twin (shortest path, then code-unit order); the lone NFD note by
  // its NFC path
  assert.deepEqual(
    q.outgoing('other.md').map((l) => l.target),
    [`${NFC}.md`, `${NFC}.md`, `sub/${NFC}.md`, `sub/${NFC}.md`],
  );
  const twins = q
    .indexReport()
    .problems.filter((p) => p.kind === 'unicode-twin')
    .map((p) => [p.path, p.message]);
  assert.deepEqual(
    twins.map(([p]) => p),
    [`${NFD}.md`, `${NFC}.md`].sort(),
  );
  for (const [, message] of twins) {
    assert.match(message, /differ only in Unicode normal form/);
    assert.ok(message.includes(`"${NFC}.md" (NFC)`) && message.includes(`"${NFD}.md" (NFD)`), message);
  }
  assert.ok(twins.every(([, m]) => m.includes(`resolve to the NFC one ("${NFC}.md")`)));
  // titles typed in NFD find the NFC title in search
  assert.ok(q.search(NFD).some((h) => h.path === `${NFC}.md`));

  // an update of one twin (as the watcher sends: its disk spelling) re-indexes that twin only
  fs.writeFileSync(path.join(root, `${NFD}.md`), '# Decomposed\n\nchangedword\n');
  const u = await index.update([`${NFD}.md`]);
  assert.deepEqual(u.deleted, []);
  assert.ok(u.changed.includes(`${NFD}.md`), JSON.stringify(u));
  assert.deepEqual(
    q.search('changedword').map((h) => h.path),
    [`${NFD}.md`],
  );
  assert.deepEqual(
    q.search('alphaword').map((h) => h.path),
    [`${NFC}.md`],
  );
  // the NFC twin deleted: the NFD one takes over the NFC name (as a full walk would name it)
  fs.rmSync(path.join(root, `${NFC}.md`));
  await index.update([`${NFC}.md`]);
  assert.deepEqual(
    q
      .listFiles()
      .map((f) => f.path)
      .filter((p) => p.startsWith('caf')),
    [`${NFC}.md`],
  );
  assert.deepEqual(
    q.search('changedword').map((h) => h.path),
    [`${NFC}.md`],
  );
  assert.equal((await index.sync()).parsed, 0, 'the update left the index as a full walk has it');
  index.close();
});

test('the service opens, saves and lists both twins, and a lone NFD note by its NFC path', { skip }, async () => {
  const { root, db } = tempVault();
  fs.writeFileSync(path.join(root, `${NFC}.md`), '# Composed\n');
  fs.writeFileSync(path.join(root, `${NFD}.md`), '# Decomposed\n');
  fs.writeFileSync(path.join(root, `na\u0308ive.md`), '# Naive NFD\n');
  const service = await createAtlasService({ vaultRoot: root, dbPath: db, watch: false, workers: 0 });
  await service.ready;
  try {
    const api = service.api;
    assert.equal((await api.readNote(`${NFC}.md`)).content, '# Composed\n');
    assert.equal((await api.readNote(`${NFD}.md`)).content, '# Decomposed\n');
    // the lone NFD note is listed by its NFC path, and that path opens and saves it (keeping its name on disk)
    assert.ok((await api.listFiles()).some((f) => f.path === 'n\u00e4ive.md'));
    const naive = await api.readNote('n\u00e4ive.md');
    assert.equal(naive.content, '# Naive NFD\n');
    await api.writeNote('n\u00e4ive.md', '# Naive NFD\n\nsaved\n', naive.hash);
    assert.deepEqual(fs.readdirSync(root).sort(), [`${NFD}.md`, `${NFC}.md`, `na\u0308ive.md`].sort());
    assert.equal(fs.readFileSync(path.join(root, `na\u0308ive.md`), 'utf8'), '# Naive NFD\n\nsaved\n');
    assert.equal(diskSpelling(root, 'n\u00e4ive.md'), `na\u0308ive.md`);
    // saving one twin leaves the other as it was
    const d = await api.readNote(`${NFD}.md`);
    await api.writeNote(`${NFD}.md`, '# Decomposed\n\nedited\n', d.hash);
    assert.equal(fs.readFileSync(path.join(root, `${NFC}.md`), 'utf8'), '# Composed\n');
    assert.equal(fs.readFileSync(path.join(root, `${NFD}.md`), 'utf8'), '# Decomposed\n\nedited\n');
    // the app never makes a twin itself
    await assert.rejects(api.createNote(`na\u0308ive`, 'x'), { code: 'exists' });
    await assert.rejects(api.createNote('n\u00e4ive', 'x'), { code: 'exists' });
    assert.deepEqual(fs.readdirSync(root).sort(), [`${NFD}.md`, `${NFC}.md`, `na\u0308ive.md`].sort());
  } finally {
    await service.close();
  }
});
