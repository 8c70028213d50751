/**
 * The quick switcher's search (pure, no React): fuzzysort over every note's title, aliases, pinyin initials and
 * vault path, one result per note, recent notes boosted.
 *
 * Cost per keystroke is bounded (a 1–2 character query matches nearly every note of a big vault):
 * 1. narrowing: a query that extends the previous one is matched only against the previous query's matches (a
 *    target that holds `abc` in order holds `ab` in order);
 * 2. prefilter: a plain subsequence test per query word on folded strings (lower case, accents removed, as fuzzysort
 *    folds them), which keeps every target fuzzysort can match;
 * 3. cap: when more than {@link CANDIDATE_CAP} targets match, only that many are scored by fuzzysort, picked by a
 *    cheap rank (per word: prefix < word start < substring < subsequence by its gap; then shorter strings), plus the
 *    recent notes' targets. fuzzysort ranks exactly those kinds of matches highest, so the best results survive.
 */
import fuzzysort, { type Prepared } from 'fuzzysort';
import { pinyinInitials, resetPinyinBudget } from './pinyin-initials.ts';

export const SWITCHER_MAX_QUERY = 200;
export const SWITCHER_LIMIT = 50;
/** Performance measure name of one search pass (see tests/e2e/measure-switcher.ts). */
export const SWITCHER_MEASURE = 'atlas-switcher-search';
/** Most targets scored by fuzzysort per keystroke. */
export const CANDIDATE_CAP = 1500;

export interface SwitcherNote {
  path: string;
  title: string;
  aliases: string[];
}

export interface Target {
  note: SwitcherNote;
  /** What is matched: the title, an alias, the path, or pinyin initials of the title or an alias. */
  kind: 'title' | 'alias' | 'path' | 'pinyin';
  /** The string shown for the match (the alias, or for pinyin the title/alias it spells). */
  shown: string;
  prepared: Prepared;
  /** The matched string folded (lower case, accents removed) for the prefilter. */
  fold: string;
}

/** Lower case without combining accents (NFKD), as fuzzysort compares characters. */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The target of `note` matching `text` (shown as `shown`). */
export function target(note: SwitcherNote, kind: Target['kind'], shown: string, text: string): Target {
  return { note, kind, shown, prepared: fuzzysort.prepare(text), fold: fold(text) };
}

/** Appends the targets of one note to `out` (its title, pinyin initials, aliases and path). */
export function addNoteTargets(note: SwitcherNote, out: Target[]): void {
  out.push(target(note, 'title', note.title, note.title));
  const titlePy = pinyinInitials(note.title);
  if (titlePy) out.push(target(note, 'pinyin', note.title, titlePy));
  for (const a of note.aliases) {
    out.push(target(note, 'alias', a, a));
    const py = pinyinInitials(a);
    if (py) out.push(target(note, 'pinyin', a, py));
  }
  // The path without `.md`: `concepts/chan` finds concepts/channel.md.
  out.push(target(note, 'path', note.path, note.path.replace(/\.md$/i, '')));
}

/** Sorts targets into search order, shortest first (stable: equal lengths keep the vault's order). */
export function sortTargets(targets: Target[]): Target[] {
  return targets.sort((a, b) => a.fold.length - b.fold.length);
}

/** Builds the prepared targets for the notes (once per vault change), shortest first. */
export function switcherTargets(notes: readonly SwitcherNote[]): Target[] {
  const out: Target[] = [];
  resetPinyinBudget();
  for (const note of notes) addNoteTargets(note, out);
  return sortTargets(out);
}

/** Ranking bonus of a recently opened note (added to fuzzysort's 0..1 score), by its place in `recent`. */
function recentBonus(rank: number): number {
  return rank < 0 ? 0 : 0.15 * (1 - rank / 50);
}
/**
 * Bonus of a title or alias that is exactly the query (folded): it comes first, above a longer title that starts
 * with it and above recent notes (Obsidian lists an exact name first: `协程` finds the note aliased 协程 before
 * 协程泄露).
 */
const EXACT_BONUS = 0.5;
/** Kind preference for equal scores: a title hit beats an alias, an alias the path. */
const KIND_BONUS: Record<Target['kind'], number> = { title: 0.02, alias: 0.01, pinyin: 0.005, path: 0 };

/** Does a word start at `i` of `s` (after a space, `/`, `-`, `_` or `.`)? */
function wordStart(s: string, i: number): boolean {
  const c = s.charCodeAt(i - 1);
  return c === 32 || c === 47 || c === 45 || c === 95 || c === 46;
}

/** Highest rank of one query word (a subsequence with a gap of 12 characters or more). */
const WORST_WORD = 15;

/**
 * How well `word` occurs in `s`, cheaply: 0 prefix, 1 at a word start, 2 inside, 3 + gap (capped) as a
 * subsequence (the leftmost greedy match: its span minus the word's length); -1 when it does not occur in order.
 */
function wordRank(word: string, s: string): number {
  const i = s.indexOf(word);
  if (i === 0) return 0;
  if (i > 0) return wordStart(s, i) ? 1 : 2;
  let j = s.indexOf(word[0]);
  if (j === -1) return -1;
  const start = j;
  for (let k = 1; k < word.length; k++) {
    j = s.indexOf(word[k], j + 1);
    if (j === -1) return -1;
  }
  return Math.min(WORST_WORD, 3 + (j + 1 - start - word.length));
}

/** The query's words, folded (fuzzysort matches space-separated words independently). */
function words(q: string): string[] {
  return fold(q).split(/\s+/).filter(Boolean);
}

interface Matches {
  /** Every target where each query word occurs in order (a superset of fuzzysort's matches), in pool order. */
  targets: Target[];
  /** The same targets by cheap rank (index = rank), each list in pool order. */
  byRank: Target[][];
  /** The matches of recent notes. */
  recent: Target[];
}

function matching(ws: readonly string[], pool: readonly Target[], recent: ReadonlySet<string>): Matches {
  const targets: Target[] = [];
  const byRank: Target[][] = [];
  const recentHits: Target[] = [];
  const nw = ws.length;
  const anyRecent = recent.size > 0;
  for (let i = 0; i < pool.length; i++) {
    const t = pool[i];
    const f = t.fold;
    let rank = 0;
    let k = 0;
    for (; k < nw; k++) {
      const r = wordRank(ws[k], f);
      if (r < 0) break;
      rank += r;
    }
    if (k < nw) continue;
    targets.push(t);
    if (anyRecent && recent.has(t.note.path)) recentHits.push(t);
    else {
      const list = byRank[rank];
      if (list) list.push(t);
      else byRank[rank] = [t];
    }
  }
  return { targets, byRank, recent: recentHits };
}

/**
 * At most `cap` of the matches, best rank first (shorter strings first within a rank: the pool is sorted by
 * length), plus every match of a recent note.
 */
function capped(m: Matches, cap: number): Target[] {
  if (m.targets.length <= cap) return m.targets;
  const out: Target[] = m.recent.slice();
  for (const list of m.byRank) {
    if (!list) continue;
    const room = cap + m.recent.length - out.length;
    if (room <= 0) break;
    if (list.length <= room) for (const t of list) out.push(t);
    else for (let i = 0; i < room; i++) out.push(list[i]);
  }
  return out;
}

export interface SwitcherResult {
  note: SwitcherNote;
  target: Target | null;
  indexes: readonly number[];
  /** fuzzysort's score plus the recent and kind bonuses (0 for an empty query). */
  score: number;
}

/** The previous query's matches, for narrowing (one per switcher; start with {@link newSearchMemo}). */
export interface SearchMemo {
  targets: readonly Target[] | null;
  key: string;
  matches: Target[];
}

export function newSearchMemo(): SearchMemo {
  return { targets: null, key: '', matches: [] };
}

/**
 * The key a memo narrows by: the query's folded words joined by single spaces. A query whose key starts with an
 * earlier query's key matches a subset of that query's matches (each word still occurs in order), in the same order.
 */
export function queryKey(query: string): string {
  return words(query.trim().slice(0, SWITCHER_MAX_QUERY)).join(' ');
}

/** Most targets of a narrowed pool handed from the worker to the renderer's thread (see {@link poolOf}). */
export const LOCAL_POOL_MAX = 5000;

/** One target of a pool as it crosses to the renderer: the note by path, what it matches and the matched text. */
export interface PoolTarget {
  path: string;
  kind: Target['kind'];
  shown: string;
  text: string;
}

/**
 * The memo's matches (every target the last query matched, in pool order) as plain data when at most `max`, else
 * null. A query extending the memo's key searched over these targets answers exactly as over all of them (see
 * {@link queryKey}), so the renderer can answer the next keystrokes itself, in the keystroke's own frame.
 */
export function poolOf(memo: SearchMemo, max = LOCAL_POOL_MAX): PoolTarget[] | null {
  if (!memo.targets || memo.matches.length > max) return null;
  return memo.matches.map((t) => ({ path: t.note.path, kind: t.kind, shown: t.shown, text: t.prepared.target }));
}

/** The targets of a pool for the notes by path `byPath`; null when a note is not there (another note list). */
export function poolTargets(pool: readonly PoolTarget[], byPath: ReadonlyMap<string, SwitcherNote>): Target[] | null {
  const out: Target[] = [];
  for (const p of pool) {
    const note = byPath.get(p.path);
    if (!note) return null;
    out.push(target(note, p.kind, p.shown, p.text));
  }
  return out;
}

/** The notes by path, once per note list (an empty query looked up the recent notes in a new 10,000-entry map). */
const byPathCache = new WeakMap<readonly SwitcherNote[], Map<string, SwitcherNote>>();
function byPathOf(notes: readonly SwitcherNote[]): Map<string, SwitcherNote> {
  let m = byPathCache.get(notes);
  if (!m) {
    m = new Map(notes.map((n) => [n.path, n]));
    byPathCache.set(notes, m);
  }
  return m;
}

/**
 * The best-matching notes for a query: one entry per note (its best target), recent notes boosted; on an empty query
 * the recent notes, then the rest by title. With `memo`, a query extending the previous one is narrowed from its
 * matches. `prefilter: false` scores every target with fuzzysort (the full pass the switcher ran before: the
 * benchmark's baseline).
 */
export function searchNotes(
  query: string,
  targets: readonly Target[],
  notes: readonly SwitcherNote[],
  recent: readonly string[],
  limit = SWITCHER_LIMIT,
  options: { prefilter?: boolean; memo?: SearchMemo; cap?: number } = {},
): SwitcherResult[] {
  const q = query.trim().slice(0, SWITCHER_MAX_QUERY);
  const rank = new Map(recent.map((p, i) => [p, i]));
  if (!q) {
    const byPath = byPathOf(notes);
    const first = recent.map((p) => byPath.get(p)).filter((n): n is SwitcherNote => !!n);
    const seen = new Set(first.map((n) => n.path));
    const rest: SwitcherNote[] = [];
    for (const n of notes) {
      if (rest.length + first.length >= limit) break;
      if (!seen.has(n.path)) rest.push(n);
    }
    return [...first, ...rest].slice(0, limit).map((note) => ({ note, target: null, indexes: [], score: 0 }));
  }
  let pool: readonly Target[] = targets;
  if (options.prefilter !== false) {
    const ws = words(q);
    const memo = options.memo;
    const key = ws.join(' ');
    const from = memo && memo.targets === targets && key.startsWith(memo.key) ? memo.matches : targets;
    const m = matching(ws, from, new Set(rank.keys()));
    if (memo) {
      memo.targets = targets;
      memo.key = key;
      memo.matches = m.targets;
    }
    pool = capped(m, options.cap ?? CANDIDATE_CAP);
  }
  const results = fuzzysort.go(q, pool, { key: 'prepared', threshold: 0, limit: limit * 8 });
  const best = new Map<string, SwitcherResult>();
  const whole = fold(q.trim());
  for (const r of results) {
    const t = r.obj;
    const exact = t.kind !== 'path' && t.kind !== 'pinyin' && t.fold === whole ? EXACT_BONUS : 0;
    const score = r.score + recentBonus(rank.get(t.note.path) ?? -1) + KIND_BONUS[t.kind] + exact;
    const cur = best.get(t.note.path);
    if (!cur || score > cur.score) best.set(t.note.path, { note: t.note, target: t, indexes: r.indexes, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
