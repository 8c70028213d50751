/**
 * `LearningEngine`: the `LearningService` over the index's queries (a `LearningSource`, i.e. a `VaultQuery`). Builds the learning graph once per `index.version`
 * and answers plan / connection / next up / curated paths / prerequisite report from it; progress lives in
 * `<vault>/.atlas/progress.json` (see progress.ts).
 */
import type {
  ConnectionPath,
  CuratedPath,
  LearningPlan,
  NextUp,
  PathHop,
  PrerequisiteReport,
  ProgressState,
} from '../model.ts';
import type { LearningService, LearningSource } from './engine-types.ts';
import { findConnection } from './connection.ts';
import { computeCuratedPaths } from './curated.ts';
import { buildLearningGraph, type LearningGraph } from './graph.ts';
import { computeNextUp } from './next-up.ts';
import { computePlan } from './plan.ts';
import { ProgressStore } from './progress.ts';
import type { ReviewSignals } from '../model.ts';

/** A note argument that names no note (`not-found`) or a bad argument (`invalid-argument`); matches ApiError codes. */
export class LearningError extends Error {
  readonly code: 'not-found' | 'invalid-argument';
  constructor(code: 'not-found' | 'invalid-argument', message: string) {
    super(message);
    this.name = 'LearningError';
    this.code = code;
  }
}

const LEARNED = 1;
const LEARNING = 2;

/** Default number of next-up suggestions. */
export const NEXT_UP_LIMIT = 20;

/** The contract's `ConnectionPath` of a `connectionDetail` result (drops the per-hop source and line). */
export function toConnectionPath(r: { hops: PathHop[]; message?: string }): ConnectionPath {
  return r.message === undefined
    ? { hops: r.hops.map(({ from, to, kind, relation, context }) => ({ from, to, kind, relation, context })) }
    : { hops: [], message: r.message };
}

export class LearningEngine implements LearningService {
  readonly index: LearningSource;
  readonly store: ProgressStore;
  #graph: LearningGraph | null = null;
  #version = -1;
  /** Duration of the last graph build, ms. */
  lastBuildMs = 0;
  /**
   * Flashcard review (practice, #15), when composed with a review engine: a learned note whose cards are failing
   * (marked for re-study) is not learned for next up and plans, and learned prerequisites of a plan's target that
   * are fading (below `REVIEW_FIRST_RETENTION`) come first in the plan as "review first" steps.
   */
  reviewSignals: (() => ReviewSignals) | null = null;

  constructor(index: LearningSource) {
    this.index = index;
    this.store = new ProgressStore(index.vaultRoot);
  }

  /** The learning graph of the current index version (rebuilt when `index.version` changed). */
  graph(): LearningGraph {
    const version = this.index.version;
    if (this.#graph === null || version !== this.#version) {
      const t0 = performance.now();
      this.#graph = buildLearningGraph(this.index.notes(), this.index.links());
      this.#version = version;
      this.lastBuildMs = performance.now() - t0;
    }
    return this.#graph;
  }

  /**
   * The node id of a note argument: a vault path or a name resolved like a link (`VaultQuery.resolveNote`, which
   * covers titles and aliases such as `协程`). Throws `LearningError('not-found')`.
   */
  resolve(arg: string): number {
    const g = this.graph();
    const trimmed = arg.trim();
    if (trimmed === '') throw new LearningError('invalid-argument', 'a note name or path is required');
    const direct = g.ids.get(trimmed.normalize('NFC'));
    if (direct !== undefined) return direct;
    const resolved = this.index.resolveNote(trimmed);
    const id = resolved === null ? undefined : g.ids.get(resolved);
    if (id === undefined) throw new LearningError('not-found', `no note named "${arg}"`);
    return id;
  }

  /** Throws `LearningError('not-found')` if the target or a known note is not found; `ProgressFileError` if progress is damaged. */
  plan(target: string, known: string[] = []): LearningPlan {
    const g = this.graph();
    const t = this.resolve(target);
    const state = this.#states(g);
    for (const k of known) state[this.resolve(k)] = LEARNED;
    const signals = this.reviewSignals?.() ?? null;
    const learned = state.map((s) => (s === LEARNED ? 1 : 0));
    if (signals)
      for (const p of signals.restudy) {
        const id = g.ids.get(p);
        if (id !== undefined) learned[id] = 0;
      }
    const r = computePlan(g, t, learned);
    const review = signals ? reviewFirst(g, t, learned, signals) : [];
    let totalMin = 0;
    const reviewSteps = review.map((id) => {
      const n = g.nodes[id];
      return {
        path: n.path,
        title: n.title,
        level: n.level,
        estimateMin: n.estimateMin,
        estimated: n.estimated,
        neededBy: [],
        state: 'learned' as const,
        review: true,
        retention: signals?.retention.get(n.path) ?? null,
      };
    });
    const planSteps = r.order.map((id, i) => {
      const n = g.nodes[id];
      const s: ProgressState | null = state[id] === LEARNED ? 'learned' : state[id] === LEARNING ? 'learning' : null;
      if (s !== 'learned') totalMin += n.estimateMin;
      return {
        path: n.path,
        title: n.title,
        level: n.level,
        estimateMin: n.estimateMin,
        estimated: n.estimated,
        neededBy: r.neededBy[i].map((d) => g.nodes[d].path),
        state: s,
        ...(signals?.restudy.has(n.path) ? { review: true, retention: signals.retention.get(n.path) ?? null } : {}),
      };
    });
    const steps = [...reviewSteps, ...planSteps];
    return {
      target: g.nodes[t].path,
      steps,
      totalMin,
      cycles: r.cycles.map((c) => c.map((id) => g.nodes[id].path)),
      unresolved: r.unresolved,
    };
  }

  /** Progress as a state per node id (0 none, LEARNED, LEARNING); entries for missing notes are skipped. */
  #states(g: LearningGraph): Uint8Array {
    const state = new Uint8Array(g.nodes.length);
    for (const [p, s] of Object.entries(this.progress())) {
      const id = g.ids.get(p);
      if (id !== undefined) state[id] = s === 'learned' ? LEARNED : LEARNING;
    }
    return state;
  }

  connection(from: string, to: string): ConnectionPath {
    return toConnectionPath(this.connectionDetail(from, to));
  }

  /**
   * `connection` with, per hop, the note that holds the link (`source`: `from` for an outgoing link, `to` when the
   * hop follows a backlink) and its 1-based line. Throws `LearningError('not-found')`.
   */
  connectionDetail(
    from: string,
    to: string,
  ): { hops: (PathHop & { source: string; line: number })[]; message?: string } {
    const g = this.graph();
    const a = this.resolve(from);
    const b = this.resolve(to);
    const hops = findConnection(g, a, b);
    if (hops === null) {
      return { hops: [], message: `no chain of links connects "${g.nodes[a].title}" and "${g.nodes[b].title}"` };
    }
    if (hops.length === 0) return { hops: [], message: 'both arguments name the same note' };
    return {
      hops: hops.map((h) => {
        const l = g.links[h.link];
        return {
          from: g.nodes[h.from].path,
          to: g.nodes[h.to].path,
          kind: l.kind,
          relation: l.relation,
          context: l.context,
          source: g.nodes[l.source].path,
          line: l.line,
        };
      }),
    };
  }

  nextUp(limit: number = NEXT_UP_LIMIT): NextUp[] {
    const g = this.graph();
    const state = this.#states(g);
    const learned = state.map((s) => (s === LEARNED ? 1 : 0));
    const restudy = this.reviewSignals?.().restudy ?? new Set<string>();
    for (const p of restudy) {
      const id = g.ids.get(p);
      if (id !== undefined) learned[id] = 0;
    }
    return computeNextUp(g, learned, limit).map((r) => ({
      path: g.nodes[r.id].path,
      title: g.nodes[r.id].title,
      unlocks: r.unlocks,
      ...(restudy.has(g.nodes[r.id].path) ? { restudy: true } : {}),
    }));
  }

  curatedPaths(): CuratedPath[] {
    const g = this.graph();
    return computeCuratedPaths(g).map((c) => ({
      path: g.nodes[c.id].path,
      title: g.nodes[c.id].title,
      steps: c.steps.map((s) => ({ path: s.id >= 0 ? g.nodes[s.id].path : null, raw: s.raw, title: s.title })),
    }));
  }

  /** Cycles over the whole prerequisite graph (members sorted by level, then title) and prerequisites that resolve to no note. */
  prerequisiteReport(): PrerequisiteReport {
    const g = this.graph();
    // Visiting nodes by rank fills each cycle's member list already sorted by level, then title.
    const byCycle = new Map<number, number[]>();
    for (const n of g.byRank) {
      const c = g.cyclic[n];
      if (c < 0) continue;
      const list = byCycle.get(c);
      if (list) list.push(n);
      else byCycle.set(c, [n]);
    }
    const cycles = [...byCycle.values(), ...g.selfPrereqs.map((n) => [n])]
      .sort((a, b) => g.rank[a[0]] - g.rank[b[0]])
      .map((c) => c.map((id) => g.nodes[id].path));
    return {
      cycles,
      missingPrerequisites: g.missing.map((m) => ({ source: g.nodes[m.source].path, raw: m.raw })),
    };
  }

  /** Throws `ProgressFileError` when the progress file is damaged (it is kept aside, see ProgressStore.read). */
  progress(): Record<string, ProgressState> {
    return this.store.read();
  }

  /**
   * Marks a note `learned` / `learning` (null clears). `notePath` is a vault path or a name resolved like a link; a
   * path already in the progress file may be cleared even when the note no longer exists.
   * Returns the vault path recorded. Throws `LearningError('not-found')`, `LearningError('invalid-argument')` for a
   * bad state, `ProgressFileError` when the progress file is damaged (nothing is written then).
   */
  setProgress(notePath: string, state: ProgressState | null): string {
    if (state !== null && state !== 'learned' && state !== 'learning') {
      throw new LearningError(
        'invalid-argument',
        `progress state must be "learned", "learning" or null, not ${JSON.stringify(state)}`,
      );
    }
    let key: string;
    if (state === null && Object.hasOwn(this.store.read(), notePath.normalize('NFC'))) key = notePath.normalize('NFC');
    else key = this.graph().nodes[this.resolve(notePath)].path;
    this.store.set(key, state);
    return key;
  }
}

/** Below this mean retention a learned prerequisite is reviewed first (see `reviewFirst`). */
export const REVIEW_FIRST_RETENTION = 0.8;

/**
 * "Review first" steps of a plan for `target` (practice, #15): notes in the target's whole prerequisite closure
 * (walked through learned notes too) that are learned (`learned[id]`) but whose cards fade (mean retention below
 * REVIEW_FIRST_RETENTION), by level then title. Failing notes are not here: they count as unlearned in the plan.
 */
function reviewFirst(g: LearningGraph, target: number, learned: Uint8Array, signals: ReviewSignals): number[] {
  const seen = new Uint8Array(g.nodes.length);
  const stack = [target];
  seen[target] = 1;
  const out: number[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    for (const p of g.prereqs[n]) {
      if (seen[p]) continue;
      seen[p] = 1;
      stack.push(p);
      const r = signals.retention.get(g.nodes[p].path);
      if (learned[p] && r !== undefined && r < REVIEW_FIRST_RETENTION) out.push(p);
    }
  }
  return out.sort((a, b) => g.rank[a] - g.rank[b]);
}

export function createLearningService(index: LearningSource): LearningEngine {
  return new LearningEngine(index);
}
