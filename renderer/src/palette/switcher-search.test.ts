/**
 * The quick switcher's search: the short-query prefilter (bounded candidates) finds what the full fuzzysort pass
 * finds, recent notes stay first, and the candidate set is capped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CANDIDATE_CAP,
  searchNotes,
  shortQueryCandidates,
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
    out.push({ path: `area-${i % 8}/part-${i % 50}/${title}.md`, title, aliases: i % 10 === 0 ? [`alias ${id}`] : [] });
  }
  return out;
}

const notes = vault(10_000);
const targets = switcherTargets(notes);
const paths = (r: ReturnType<typeof searchNotes>) => r.map((x) => x.note.path);
/** The ranking as scores (notes with equal scores may come in any order). */
const scores = (r: ReturnType<typeof searchNotes>) => r.map((x) => x.score.toFixed(9));

test('short queries: the prefiltered pass returns the full pass’s best notes', () => {
  for (const q of ['c', 'co', 'con', 'h', 'he', 'hea', '0', '00', '042', 'tq', '通', 'gn', 'a', 'al']) {
    const full = searchNotes(q, targets, notes, [], 10, { prefilter: false });
    const fast = searchNotes(q, targets, notes, [], 10);
    assert.deepEqual(scores(fast), scores(full), `query ${q}`);
    assert.ok(fast.length > 0, `query ${q}`);
  }
});

test('short queries: recent notes rank as in the full pass; candidates are capped', () => {
  const recent = [notes[7777].path, notes[4242].path];
  for (const q of ['c', 'st', '通']) {
    const full = searchNotes(q, targets, notes, recent, 10, { prefilter: false });
    const fast = searchNotes(q, targets, notes, recent, 10);
    assert.deepEqual(scores(fast), scores(full), `query ${q}`);
    assert.deepEqual(
      paths(fast).filter((p) => recent.includes(p)),
      paths(full).filter((p) => recent.includes(p)),
    );
  }
  const cands = shortQueryCandidates('c', targets, new Set(recent));
  assert.ok(cands && cands.length <= CANDIDATE_CAP + 10, `candidates ${cands?.length}`);
  // a query few targets hold contiguously is scored on all of them
  assert.equal(shortQueryCandidates('zq', targets, new Set()), null);
});
