/**
 * The quick switcher's search (pure, no React): fuzzysort over every note's title, aliases, pinyin initials and
 * vault path, one result per note, recent notes boosted.
 *
 * Cost per keystroke is bounded: a query of up to {@link SHORT_QUERY} characters matches nearly every note of a big
 * vault, so it is scored only on a prefiltered candidate set: targets holding the query as a contiguous substring
 * (a linear `indexOf` scan over lower-cased strings), prefix hits before word-start hits before inner hits, shorter
 * strings first, at most {@link CANDIDATE_CAP} of them, plus the recent notes. fuzzysort ranks contiguous,
 * early matches in short strings highest, so the top {@link SWITCHER_LIMIT} are the ones a full pass finds. Only
 * when fewer than a screenful hold the query contiguously are all targets scored (then few match). Longer queries
 * are scored on all targets (fuzzysort rejects a non-matching target by its character mask at once).
 */
import fuzzysort, { type Prepared } from 'fuzzysort';
import { pinyinInitials, resetPinyinBudget } from './pinyin-initials.ts';

export const SWITCHER_MAX_QUERY = 200;
export const SWITCHER_LIMIT = 50;
/** Performance measure name of one search pass (see tests/e2e/measure-switcher.ts). */
export const SWITCHER_MEASURE = 'atlas-switcher-search';
/** Queries this short (characters) are scored on prefiltered candidates only. */
export const SHORT_QUERY = 3;
/** Most candidates scored for a short query. */
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
  /** The matched string, lower-cased (for the substring prefilter). */
  lower: string;
}

function target(note: SwitcherNote, kind: Target['kind'], shown: string, text: string): Target {
  return { note, kind, shown, prepared: fuzzysort.prepare(text), lower: text.toLowerCase() };
}

/** Builds the prepared targets for the notes (once per vault change), shortest first. */
export function switcherTargets(notes: readonly SwitcherNote[]): Target[] {
  const out: Target[] = [];
  resetPinyinBudget();
  for (const note of notes) {
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
  // stable: equal lengths keep the vault's order
  return out.sort((a, b) => a.lower.length - b.lower.length);
}

/** Ranking bonus of a recently opened note (added to fuzzysort's 0..1 score), by its place in `recent`. */
function recentBonus(rank: number): number {
  return rank < 0 ? 0 : 0.15 * (1 - rank / 50);
}
/** Kind preference for equal scores: a title hit beats an alias, an alias the path. */
const KIND_BONUS: Record<Target['kind'], number> = { title: 0.02, alias: 0.01, pinyin: 0.005, path: 0 };

/** Does a word start at `i` of `s` (after a space, `/`, `-`, `_` or `.`)? */
function wordStart(s: string, i: number): boolean {
  const c = s.charCodeAt(i - 1);
  return c === 32 || c === 47 || c === 45 || c === 95 || c === 46;
}

/**
 * The targets worth scoring for a short query (see the module comment), or null to score all of them.
 * Linear in the number of targets; returns at most {@link CANDIDATE_CAP} + the recent notes' targets.
 */
export function shortQueryCandidates(
  q: string,
  targets: readonly Target[],
  recent: ReadonlySet<string>,
): Target[] | null {
  const lq = q.toLowerCase();
  const starts: Target[] = [];
  const words: Target[] = [];
  const inner: Target[] = [];
  const recents: Target[] = [];
  for (const t of targets) {
    if (recent.has(t.note.path)) {
      recents.push(t);
      continue;
    }
    if (starts.length >= CANDIDATE_CAP) continue;
    const i = t.lower.indexOf(lq);
    if (i === -1) continue;
    if (i === 0) starts.push(t);
    else if (words.length < CANDIDATE_CAP && wordStart(t.lower, i)) words.push(t);
    else if (inner.length < CANDIDATE_CAP) inner.push(t);
  }
  if (starts.length + words.length + inner.length < SWITCHER_LIMIT) return null;
  const out = starts;
  for (const list of [words, inner]) {
    for (const t of list) {
      if (out.length >= CANDIDATE_CAP) break;
      out.push(t);
    }
  }
  return recents.length ? out.concat(recents) : out;
}

export interface SwitcherResult {
  note: SwitcherNote;
  target: Target | null;
  indexes: readonly number[];
  /** fuzzysort's score plus the recent and kind bonuses (0 for an empty query). */
  score: number;
}

/**
 * The best-matching notes for a query: one entry per note (its best target), recent notes boosted; on an empty query
 * the recent notes, then the rest by title. `prefilter: false` scores every target (the old full pass, kept for the
 * benchmark's baseline).
 */
export function searchNotes(
  query: string,
  targets: readonly Target[],
  notes: readonly SwitcherNote[],
  recent: readonly string[],
  limit = SWITCHER_LIMIT,
  options: { prefilter?: boolean } = {},
): SwitcherResult[] {
  const q = query.trim().slice(0, SWITCHER_MAX_QUERY);
  const rank = new Map(recent.map((p, i) => [p, i]));
  if (!q) {
    const byPath = new Map(notes.map((n) => [n.path, n]));
    const first = recent.map((p) => byPath.get(p)).filter((n): n is SwitcherNote => !!n);
    const seen = new Set(first.map((n) => n.path));
    const rest: SwitcherNote[] = [];
    for (const n of notes) {
      if (rest.length + first.length >= limit) break;
      if (!seen.has(n.path)) rest.push(n);
    }
    return [...first, ...rest].slice(0, limit).map((note) => ({ note, target: null, indexes: [], score: 0 }));
  }
  const pool =
    options.prefilter !== false && q.length <= SHORT_QUERY
      ? (shortQueryCandidates(q, targets, new Set(rank.keys())) ?? targets)
      : targets;
  const results = fuzzysort.go(q, pool, { key: 'prepared', threshold: 0, limit: limit * 8 });
  const best = new Map<string, SwitcherResult>();
  for (const r of results) {
    const t = r.obj;
    const score = r.score + recentBonus(rank.get(t.note.path) ?? -1) + KIND_BONUS[t.kind];
    const cur = best.get(t.note.path);
    if (!cur || score > cur.score) best.set(t.note.path, { note: t.note, target: t, indexes: r.indexes, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
