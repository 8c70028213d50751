/**
 * The quick switcher's search: narrowed, prefiltered and capped, it ranks as the full fuzzysort pass does (the same
 * best scores), typing on narrows from the previous matches, and recent notes keep their place. A small pool of
 * matches handed to the renderer's thread answers the next keys exactly as the worker's memo would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CANDIDATE_CAP,
  LOCAL_POOL_MAX,
  newSearchMemo,
  poolOf,
  poolTargets,
  queryKey,
  searchNotes,
  switcherTargets,
  type SwitcherNote,
} from './switcher-search.ts';

const WORDS = ['replica', 'bucket', 'as', 'channel', 'scheduler', 'mutex', 'heap', 'stack', 'lock', 'queue'];
const ZH = ['清扫', '指针', '通道', '调度器', '互斥锁'];
/** Like `npm run gen-vault`: `Concept 00042 heap` and `概念 00043 通道` in area folders, a few aliases. */
function vault(n: number): SwitcherNote[] {
  const out: SwitcherNote[] = [];
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(5, '0');
    const zh = i % 3 === 0;
    const title = zh ? `概念 ${id} ${ZH[i % ZH.length]}` : `Concept ${id} ${WORDS[i % WORDS.length]}`;
    const aliases = i % 10 === 0 ? [`alias ${id}`] : i === 4243 ? ['Café crème'] : [];
    out.push({ path: `area-${i % 8}/part-${i % 50}/${title}.md`, title, aliases });
  }
  return out;
}

const notes = vault(10_000);
const targets = switcherTargets(notes);
const paths = (r: ReturnType<typeof searchNotes>) => r.map((x) => x.note.path);
/** The ranking as scores (notes with equal scores may come in any order). */
const scores = (r: ReturnType<typeof searchNotes>) => r.map((x) => x.score.toFixed(6));

test('typing a query key by key (narrowed, capped) ranks as the full pass', () => {
  for (const query of ['concpt 00001 at', '概念 0424', 'cafe', 'area-3/p']) {
    const memo = newSearchMemo();
    for (let i = 1; i <= query.length; i++) {
      const q = query.slice(0, i);
      const full = searchNotes(q, targets, notes, [], 5, { prefilter: false });
      const fast = searchNotes(q, targets, notes, [], 5, { memo });
      assert.deepEqual(scores(fast), scores(full), `query ${JSON.stringify(q)}`);
    }
  }
});

test('the note typed is found first; accents fold as in fuzzysort; a miss finds nothing', () => {
  assert.equal(searchNotes('Concept 05131', targets, notes, [])[0].note.path, notes[5131].path);
  assert.equal(searchNotes('cafe creme', targets, notes, [])[0].note.path, notes[4243].path);
  assert.deepEqual(searchNotes('zzqx', targets, notes, []), []);
});

test('recent notes rank as in the full pass; a smaller cap still keeps them', () => {
  const recent = [notes[7777].path, notes[4242].path];
  for (const q of ['c', 'st', '通']) {
    const full = searchNotes(q, targets, notes, recent, 10, { prefilter: false });
    const fast = searchNotes(q, targets, notes, recent, 10, { memo: newSearchMemo() });
    assert.deepEqual(scores(fast), scores(full), `query ${q}`);
    assert.deepEqual(
      paths(fast).filter((p) => recent.includes(p)),
      paths(full).filter((p) => recent.includes(p)),
    );
  }
  const tiny = searchNotes('a', targets, notes, recent, 50, { cap: 20 });
  assert.ok(recent.every((p) => paths(tiny).includes(p)));
  assert.ok(CANDIDATE_CAP <= 2000);
});

test('a pool of few matches, rebuilt from plain data, answers every extending query exactly as the memo does', () => {
  const byPath = new Map(notes.map((n) => [n.path, n]));
  const recent = [notes[4201].path, notes[17].path];
  let pooled = 0;
  for (const query of ['concpt 00001 at', '概念 0424', 'cafe', 'area-3/p', 'conc 4 heap', 'gn 00']) {
    // the worker's side: a memo over every target
    const memo = newSearchMemo();
    let pool: { key: string; memo: ReturnType<typeof newSearchMemo> } | null = null;
    for (let i = 1; i <= query.length; i++) {
      const q = query.slice(0, i);
      const worker = searchNotes(q, targets, notes, recent, 20, { memo });
      if (pool && queryKey(q).startsWith(pool.key)) {
        const local = searchNotes(q, pool.memo.targets!, notes, recent, 20, { memo: pool.memo });
        pool.key = queryKey(q);
        pooled++;
        assert.deepEqual(
          local.map((r) => [r.note.path, r.score, r.target?.kind, r.target?.shown, [...r.indexes]]),
          worker.map((r) => [r.note.path, r.score, r.target?.kind, r.target?.shown, [...r.indexes]]),
          `query ${JSON.stringify(q)}`,
        );
      } else {
        const wire = poolOf(memo);
        if (wire) {
          assert.ok(wire.length <= LOCAL_POOL_MAX);
          // crosses to the renderer as plain data
          const t = poolTargets(structuredClone(wire), byPath)!;
          pool = { key: memo.key, memo: { targets: t, key: memo.key, matches: t } };
        }
      }
    }
  }
  assert.ok(pooled >= 5, `the pool answered ${pooled} keys`);
  // too many matches: no pool; a note not in the renderer's list: no pool
  const wide = newSearchMemo();
  searchNotes('c', targets, notes, [], 20, { memo: wide });
  assert.equal(poolOf(wide), null);
  const narrow = newSearchMemo();
  searchNotes('concept 00042', targets, notes, [], 20, { memo: narrow });
  const wire = poolOf(narrow)!;
  assert.ok(wire.length > 0);
  assert.equal(poolTargets(wire, new Map()), null);
});

test('a title or alias that is exactly the query comes first, above longer titles and recent notes', () => {
  const few: SwitcherNote[] = [
    { path: 'concurrency/协程泄露.md', title: '协程泄露', aliases: [] },
    { path: 'concurrency/goroutine.md', title: 'goroutine', aliases: ['协程', 'go routine'] },
    { path: 'concurrency/协程池.md', title: '协程池', aliases: [] },
  ];
  const t = switcherTargets(few);
  const recent = ['concurrency/协程泄露.md', 'concurrency/协程池.md'];
  assert.equal(searchNotes('协程', t, few, recent)[0].note.path, 'concurrency/goroutine.md');
  assert.equal(searchNotes('GOROUTINE', t, few, recent)[0].note.path, 'concurrency/goroutine.md');
  // not exact: the recent note that starts with it still leads
  assert.equal(searchNotes('协程泄', t, few, recent)[0].note.path, 'concurrency/协程泄露.md');
});
