/**
 * The editor's DocumentStore (renderer/src/documents/document-store.ts) over the real service on a temp vault: real
 * files, real hashes, real `conflict` refusals. "Another program" writes with node:fs. Covers every path of the save
 * and conflict workflow: autosave, queued saves, own writes, silent reloads, edits equal to disk, conflicts from a
 * disk change and from a refused save, keep mine (and the disk changing again), load disk, close, failed writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentStore, type DocumentApi, type TextBuffer } from '../../renderer/src/documents/document-store.ts';
import { openService } from '../services/helpers.ts';

/** A plain text buffer (the app's holds a CodeMirror state). */
class StringBuffer implements TextBuffer {
  text: string;
  replaced = 0;
  constructor(text: string) {
    this.text = text;
  }
  read(): string {
    return this.text;
  }
  replace(text: string): void {
    this.text = text;
    this.replaced++;
  }
}

const NOTE = 'concurrency/goroutine.md';

async function setup(opts: { autosaveMs?: number; api?: (api: DocumentApi) => DocumentApi } = {}) {
  const ctx = await openService();
  const errors: unknown[] = [];
  const api = opts.api ? opts.api(ctx.service.api) : ctx.service.api;
  const store = new DocumentStore<StringBuffer>(api, {
    autosaveMs: opts.autosaveMs ?? 60_000,
    onError: (e) => errors.push(e),
  });
  const file = (rel: string) => path.join(ctx.vault.root, rel);
  const disk = (rel = NOTE) => fs.readFileSync(file(rel), 'utf8');
  const writeByOther = (text: string, rel = NOTE) => fs.writeFileSync(file(rel), text);
  const buf = await store.open(NOTE, (t) => new StringBuffer(t));
  /** Types into the buffer as the editor does: change the text, then tell the store. */
  const type = (text: string, rel = NOTE) => {
    const b = store.buffer(rel) as StringBuffer;
    b.text = text;
    store.edited(rel);
  };
  return { ctx, store, errors, disk, writeByOther, buf, type, close: () => ctx.close() };
}

/** Resolves when `cond()` holds after a store change. */
function until(store: DocumentStore<StringBuffer>, cond: () => boolean): Promise<void> {
  if (cond()) return Promise.resolve();
  return new Promise((resolve) => {
    const off = store.subscribe(() => {
      if (cond()) {
        off();
        resolve();
      }
    });
  });
}

test('open reads the note once; an edit marks it dirty and autosaves with the disk hash', async () => {
  const s = await setup({ autosaveMs: 20 });
  try {
    const original = s.disk();
    assert.equal(s.buf.read(), original);
    assert.equal(await s.store.open(NOTE, () => assert.fail('opened twice')), s.buf);
    s.type(`${original}\nmore`);
    assert.ok(s.store.getSnapshot().dirty.has(NOTE));
    await until(s.store, () => !s.store.getSnapshot().dirty.has(NOTE));
    assert.equal(s.disk(), `${original}\nmore`);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('saves asked for while one runs are queued: the last text reaches the disk, one write at a time', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  const s = await setup({
    api: (api) => ({
      readNote: (p) => api.readNote(p),
      writeNote: async (p, c, h) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          return await api.writeNote(p, c, h);
        } finally {
          inFlight--;
        }
      },
    }),
  });
  try {
    s.type('one');
    const first = s.store.save(NOTE);
    s.type('two');
    void s.store.save(NOTE);
    s.type('three');
    void s.store.save(NOTE);
    await first;
    assert.equal(s.disk(), 'three');
    assert.equal(maxInFlight, 1);
    assert.equal(s.store.getSnapshot().dirty.has(NOTE), false);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('the app’s own write coming back as vault-changed neither reloads nor conflicts', async () => {
  const s = await setup();
  try {
    s.type('mine');
    await s.store.save(NOTE);
    await s.store.diskChanged([NOTE]);
    assert.equal(s.buf.replaced, 0);
    assert.deepEqual(s.store.getSnapshot().conflicts, []);
  } finally {
    await s.close();
  }
});

test('a disk change under a clean document reloads it silently (not an edit: nothing is saved)', async () => {
  const s = await setup({ autosaveMs: 10 });
  try {
    s.writeByOther('from another program');
    await s.store.diskChanged([NOTE]);
    assert.equal(s.buf.read(), 'from another program');
    assert.equal(s.store.getSnapshot().dirty.size, 0);
    // the next edit is based on the new disk version: no conflict
    s.type('from another program, edited');
    await s.store.save(NOTE);
    assert.equal(s.disk(), 'from another program, edited');
    assert.deepEqual(s.store.getSnapshot().conflicts, []);
  } finally {
    await s.close();
  }
});

test('edits equal to the new disk text make the document clean without a dialog', async () => {
  const s = await setup();
  try {
    s.type('same text');
    s.writeByOther('same text');
    await s.store.diskChanged(null);
    assert.deepEqual(s.store.getSnapshot().conflicts, []);
    assert.equal(s.store.getSnapshot().dirty.has(NOTE), false);
    s.type('same text, then more');
    await s.store.save(NOTE);
    assert.equal(s.disk(), 'same text, then more');
  } finally {
    await s.close();
  }
});

test('a disk change under unsaved edits raises a conflict; nothing is written while it is open', async () => {
  const s = await setup({ autosaveMs: 5 });
  try {
    s.type('my edits');
    s.writeByOther('their edits');
    await s.store.diskChanged([NOTE]);
    assert.deepEqual(
      s.store.getSnapshot().conflicts.map((c) => [c.path, c.diskContent]),
      [[NOTE, 'their edits']],
    );
    s.type('my edits, more');
    await s.store.save(NOTE);
    await s.store.flush();
    assert.equal(s.disk(), 'their edits');
    assert.ok(s.store.getSnapshot().dirty.has(NOTE));
  } finally {
    await s.close();
  }
});

test('a save refused with conflict (disk changed, no event yet) raises the conflict and writes nothing', async () => {
  const s = await setup();
  try {
    s.writeByOther('their edits');
    s.type('my edits');
    await s.store.save(NOTE);
    assert.equal(s.disk(), 'their edits');
    const [c] = s.store.getSnapshot().conflicts;
    assert.equal(c.diskContent, 'their edits');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test('a disk change seen while a refused save is raising the conflict settles once the conflict is shown', async () => {
  // The race of a short autosave on a busy machine: `diskChanged` reads the changed note; meanwhile the autosave's
  // write is refused and its conflict waits for its own read. Both must settle only once the conflict is raised. Made
  // deterministic by holding the reads: the disk change's until the save's read has started, the save's until the
  // disk change has seen its answer.
  const gate = () => {
    let started: () => void = () => {};
    let open: () => void = () => {};
    let answered: () => void = () => {};
    const g = {
      started: new Promise<void>((r) => {
        started = r;
      }),
      opened: new Promise<void>((r) => {
        open = r;
      }),
      answered: new Promise<void>((r) => {
        answered = r;
      }),
    };
    return { g, started: () => started(), answered: () => answered(), open: () => open() };
  };
  const disk = gate();
  const save = gate();
  let reads = 0;
  const s = await setup({
    api: (api) => ({
      writeNote: (p, text, hash) => api.writeNote(p, text, hash),
      readNote: async (p) => {
        // the first read is `open`'s; then the disk change's, then the refused save's
        const n = reads++;
        const held = n === 1 ? disk : n === 2 ? save : null;
        if (!held) return api.readNote(p);
        held.started();
        await held.g.opened;
        const note = await api.readNote(p);
        held.answered();
        return note;
      },
    }),
  });
  try {
    s.type('my edits');
    s.writeByOther('their edits');
    const seen = s.store.diskChanged([NOTE]).then(() => s.store.getSnapshot().conflicts.map((c) => c.path));
    await disk.g.started;
    const saving = s.store.save(NOTE);
    await save.g.started;
    disk.open();
    await disk.g.answered;
    // one turn of the event loop (not a wait for time): what `diskChanged` does with its answer happens first
    await new Promise((r) => setImmediate(r));
    save.open();
    assert.deepEqual(await seen, [NOTE], 'diskChanged settled before the conflict was raised');
    await saving;
    assert.deepEqual(
      s.store.getSnapshot().conflicts.map((c) => [c.path, c.diskContent]),
      [[NOTE, 'their edits']],
    );
    assert.equal(s.disk(), 'their edits');
  } finally {
    await s.close();
  }
});

test('keep my version saves over the disk version the user saw', async () => {
  const s = await setup();
  try {
    s.type('my edits');
    s.writeByOther('their edits');
    await s.store.diskChanged([NOTE]);
    await s.store.resolveConflict(NOTE, true);
    assert.equal(s.disk(), 'my edits');
    assert.deepEqual(s.store.getSnapshot().conflicts, []);
    assert.equal(s.store.getSnapshot().dirty.has(NOTE), false);
  } finally {
    await s.close();
  }
});

test('keep my version when the disk changed yet again asks again instead of overwriting', async () => {
  const s = await setup();
  try {
    s.type('my edits');
    s.writeByOther('their edits');
    await s.store.diskChanged([NOTE]);
    s.writeByOther('their second edits');
    await s.store.resolveConflict(NOTE, true);
    assert.equal(s.disk(), 'their second edits');
    assert.deepEqual(
      s.store.getSnapshot().conflicts.map((c) => c.diskContent),
      ['their second edits'],
    );
    await s.store.resolveConflict(NOTE, true);
    assert.equal(s.disk(), 'my edits');
  } finally {
    await s.close();
  }
});

test('load disk version drops the edits and takes the disk text as the new base', async () => {
  const s = await setup();
  try {
    s.type('my edits');
    s.writeByOther('their edits');
    await s.store.diskChanged([NOTE]);
    await s.store.resolveConflict(NOTE, false);
    assert.equal(s.buf.read(), 'their edits');
    assert.equal(s.store.getSnapshot().dirty.has(NOTE), false);
    s.type('their edits + mine');
    await s.store.save(NOTE);
    assert.equal(s.disk(), 'their edits + mine');
  } finally {
    await s.close();
  }
});

test('a note deleted on disk under unsaved edits is never silently recreated', async () => {
  const s = await setup();
  try {
    s.type('my edits');
    fs.rmSync(path.join(s.ctx.vault.root, NOTE));
    await s.store.diskChanged([NOTE]);
    assert.equal(s.buf.read(), 'my edits', 'the edits stay');
    await s.store.save(NOTE);
    assert.equal(fs.existsSync(path.join(s.ctx.vault.root, NOTE)), false);
    assert.ok(s.errors.length >= 1, 'the user is told');
    assert.ok(s.store.getSnapshot().dirty.has(NOTE));
  } finally {
    await s.close();
  }
});

test('close saves unsaved edits, then forgets the document; reopening during the close keeps it', async () => {
  const s = await setup();
  try {
    s.type('closing text');
    await s.store.close(NOTE);
    assert.equal(s.disk(), 'closing text');
    assert.equal(s.store.has(NOTE), false);
    const b = await s.store.open(NOTE, (t) => new StringBuffer(t));
    assert.equal(b.read(), 'closing text');
    b.text = 'again';
    s.store.edited(NOTE);
    const closing = s.store.close(NOTE);
    await s.store.open(NOTE, () => assert.fail('must reuse the open document'));
    await closing;
    assert.equal(s.store.has(NOTE), true);
  } finally {
    await s.close();
  }
});

test('a failed write (not a conflict) is reported and the note stays dirty', async () => {
  const s = await setup({
    api: (api) => ({
      readNote: (p) => api.readNote(p),
      writeNote: async () => Promise.reject(Object.assign(new Error('disk full'), { code: 'io' })),
    }),
  });
  try {
    s.type('unsaved');
    await s.store.save(NOTE);
    assert.equal(s.errors.length, 1);
    assert.ok(s.store.getSnapshot().dirty.has(NOTE));
    assert.notEqual(s.disk(), 'unsaved');
  } finally {
    await s.close();
  }
});

test('a CRLF note is edited with \n line breaks and saved with CRLF again; opening it does not make it dirty', async () => {
  const t = await setup();
  try {
    const rel = 'crlf.md';
    t.writeByOther('# CRLF\r\n\r\nline one\r\nline two\r\n', rel);
    await t.ctx.service.api.readNote(rel);
    const b = await t.store.open(rel, (x) => new StringBuffer(x));
    assert.equal(b.text, '# CRLF\n\nline one\nline two\n', 'the buffer gets \\n breaks');
    assert.equal(t.store.getSnapshot().dirty.has(rel), false);
    await t.store.save(rel);
    assert.equal(t.disk(rel), '# CRLF\r\n\r\nline one\r\nline two\r\n', 'an unedited note is not written');
    t.type('# CRLF\n\nline one\nline 2\nline three\n', rel);
    await t.store.save(rel);
    assert.equal(t.disk(rel), '# CRLF\r\n\r\nline one\r\nline 2\r\nline three\r\n', 'saved with CRLF');
    // another program writes it with the same text: nothing to do, no conflict
    t.writeByOther('# CRLF\r\n\r\nline one\r\nline 2\r\nline three\r\n', rel);
    await t.store.diskChanged([rel]);
    assert.deepEqual(t.store.getSnapshot().conflicts, []);
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});
