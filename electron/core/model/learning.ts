/**
 * Learning paths: progress states, learning plans, connections, next up, curated paths.
 *
 * Domain types of the core (runtime-neutral, types only), re-exported unchanged by the API contract
 * (electron/shared/api.ts). Paths are vault-relative with `/` separators; lines are 1-based; durations ms.
 */

export type ProgressState = 'learned' | 'learning';

export interface PlanStep {
  path: string;
  title: string;
  level: number | null;
  estimateMin: number;
  /** True when estimateMin was derived from the note's length rather than an `estimate` property. */
  estimated?: boolean;
  /** Later steps of this plan that list this step as a prerequisite. */
  neededBy: string[];
  state?: ProgressState | null;
  /** A learned prerequisite whose flashcards are failing or fading: "review first" (practice, #15). */
  review?: boolean;
  /** Mean retention of the step's reviewed cards (0–1), when it has any. */
  retention?: number | null;
}

export interface LearningPlan {
  target: string;
  steps: PlanStep[];
  totalMin: number;
  cycles: string[][];
  unresolved: string[];
}

export interface PathHop {
  from: string;
  to: string;
  kind: string;
  relation: string | null;
  context: string;
  /** The note the link is written in: `from` for an outgoing link, `to` when the hop follows a backlink (app API). */
  source?: string;
  /** 1-based line of the link in `source` (app API). */
  line?: number;
}
export interface ConnectionPath {
  hops: PathHop[];
  message?: string;
}

export interface NextUp {
  path: string;
  title: string;
  unlocks: number;
  /** Marked learned, but its flashcards are failing: re-study it (practice, #15). */
  restudy?: boolean;
}

export interface CuratedPath {
  path: string;
  title: string;
  steps: { path: string | null; raw: string; title: string }[];
}
