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
}

export interface LearningPlan {
  target: string;
  steps: PlanStep[];
  totalMin: number;
  cycles: string[][];
  unresolved: string[];
}

export interface PathHop { from: string; to: string; kind: string; relation: string | null; context: string }
export interface ConnectionPath { hops: PathHop[]; message?: string }

export interface NextUp { path: string; title: string; unlocks: number }

export interface CuratedPath { path: string; title: string; steps: { path: string | null; raw: string; title: string }[] }
