/**
 * The prepared targets of the quick switcher and `[[` completion (switcher-search.ts), built in the note-search
 * worker (search-worker.ts) and, for a vault small enough to be searched within a keystroke's frame, on the
 * renderer's thread too (search-client.ts `SYNC_MAX_NOTES`), before either is used: whenever
 * the vault's note list changes, the targets are (re)built in idle slices (`requestIdleCallback`, a timer in a
 * worker; a slice stops after {@link SLICE_MS}), reusing the targets of every note whose title and aliases did not
 * change, and one warm-up search runs; so the first keystroke finds them ready (before this the first keystroke paid
 * for preparing ~24,000 strings of a 10,000-note vault). A search asked before the build ends finishes it at once.
 */
import type { Target } from './switcher-search.ts';
import { addNoteTargets, newSearchMemo, searchNotes, sortTargets, type SwitcherNote } from './switcher-search.ts';
import { resetPinyinBudget } from './pinyin-initials.ts';

/** Longest idle slice of building, ms. */
export const SLICE_MS = 8;

interface Build {
  notes: readonly SwitcherNote[];
  out: Target[];
  next: number;
  /** The targets of each note as last built, by path, with what they were built from. */
  reuse: Map<string, { sig: string; targets: Target[] }>;
  fresh: Map<string, { sig: string; targets: Target[] }>;
  handle: number | null;
}

let ready: { notes: readonly SwitcherNote[]; targets: Target[] } | null = null;
let byNote = new Map<string, { sig: string; targets: Target[] }>();
let building: Build | null = null;

const sigOf = (n: SwitcherNote) => `${n.title}\u0000${n.aliases.join('\u0000')}`;

/** Builds the targets of the next note of `b`; false when none is left. */
function stepOne(b: Build): boolean {
  if (b.next >= b.notes.length) return false;
  const note = b.notes[b.next++];
  const sig = sigOf(note);
  const kept = b.reuse.get(note.path);
  let targets: Target[];
  if (kept && kept.sig === sig && kept.targets[0]?.note.path === note.path) {
    targets = kept.targets;
    // the targets point at the note object they were built for: a new object with the same content is equal
    for (const t of targets) t.note = note;
  } else {
    targets = [];
    addNoteTargets(note, targets);
  }
  b.fresh.set(note.path, { sig, targets });
  for (const t of targets) b.out.push(t);
  return true;
}

function finish(b: Build): Target[] {
  while (stepOne(b));
  if (b.handle !== null) cancel(b.handle);
  const targets = sortTargets(b.out);
  ready = { notes: b.notes, targets };
  byNote = b.fresh;
  building = null;
  return targets;
}

const idle: (cb: (d: { timeRemaining(): number }) => void) => number =
  typeof requestIdleCallback === 'function'
    ? (cb) => requestIdleCallback(cb, { timeout: 2000 })
    : (cb) => setTimeout(() => cb({ timeRemaining: () => SLICE_MS }), 16) as unknown as number;
const cancel: (h: number) => void =
  typeof cancelIdleCallback === 'function' ? (h) => cancelIdleCallback(h) : (h) => clearTimeout(h);

function slice(b: Build): void {
  b.handle = idle(() => {
    b.handle = null;
    if (building !== b) return;
    const end = performance.now() + SLICE_MS;
    let n = 0;
    while (stepOne(b)) if (++n % 32 === 0 && performance.now() > end) return slice(b);
    const targets = finish(b);
    // warm-up: the first search's code paths compiled before the first keystroke (an idle slice of its own)
    idle(() => {
      if (ready?.targets === targets) searchNotes('e', targets, b.notes, [], undefined, { memo: newSearchMemo() });
    });
  });
}

/**
 * Same paths, titles and aliases in the same order? Compared in place: the list is fetched again every 3 s of a cold
 * index, and joining a 10,000-note list into one string to compare cost the UI thread ~10 ms each time.
 */
export function sameNotes(a: readonly SwitcherNote[], b: readonly SwitcherNote[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.path !== y.path || x.title !== y.title || x.aliases.length !== y.aliases.length) return false;
    for (let k = 0; k < x.aliases.length; k++) if (x.aliases[k] !== y.aliases[k]) return false;
  }
  return true;
}

/**
 * Starts building the targets of `notes` at idle (nothing to do when they are built or being built). A list with the
 * same content as the built one (the note list fetched again, e.g. after a save that changed no title) takes the
 * built targets over at once, pointed at its note objects: no rebuild, no sort (a rebuild meant the thread's targets
 * were not ready for the next keystrokes).
 */
export function prepareSwitcher(notes: readonly SwitcherNote[]): void {
  if (ready?.notes === notes || building?.notes === notes) return;
  if (ready && !building && sameNotes(ready.notes, notes)) {
    const now = new Map<SwitcherNote, SwitcherNote>();
    for (let i = 0; i < notes.length; i++) now.set(ready.notes[i], notes[i]);
    for (const t of ready.targets) t.note = now.get(t.note) ?? t.note;
    ready = { notes, targets: ready.targets };
    return;
  }
  if (building?.handle != null) cancel(building.handle);
  resetPinyinBudget();
  building = { notes, out: [], next: 0, reuse: byNote, fresh: new Map(), handle: null };
  slice(building);
}

/** The prepared targets of `notes` if they are built; null while they are being built (nothing is finished now). */
export function readyTargets(notes: readonly SwitcherNote[]): Target[] | null {
  return ready?.notes === notes ? ready.targets : null;
}

/** The prepared targets of `notes`: ready, or finished now (kept for the next call). */
export function targetsFor(notes: readonly SwitcherNote[]): Target[] {
  if (ready?.notes === notes) return ready.targets;
  if (building?.notes !== notes) prepareSwitcher(notes);
  return finish(building as Build);
}
