/**
 * The contract of the learning-path engine (learning issue), implemented in electron/core/learning by
 * `LearningEngine`, used by the app services (AtlasApi's plan/connection/nextUp/progress/setProgress/curatedPaths),
 * the `atlas` CLI (plan, path, next, learn, check) and the benchmarks.
 */
import type { ConnectionPath, CuratedPath, LearningPlan, NextUp, PrerequisiteReport, ProgressState } from '../model.ts';
import type { VaultQuery } from '../query/vault-query.ts';

/** What the learning engine reads of the index: its notes and links, name resolution, and the version to cache by. */
export type LearningSource = Pick<VaultQuery, 'vaultRoot' | 'version' | 'notes' | 'links' | 'resolveNote'>;

export interface LearningService {
  /** Plan for `target` (a vault path or a name resolved like a link); `known` adds to the learned notes. Throws if target is not found. */
  plan(target: string, known?: string[]): LearningPlan;
  connection(from: string, to: string): ConnectionPath;
  nextUp(limit?: number): NextUp[];
  curatedPaths(): CuratedPath[];
  prerequisiteReport(): PrerequisiteReport;
  /** Progress read from `<vault>/.atlas/progress.json`. */
  progress(): Record<string, ProgressState>;
  /** Marks a note (null clears); writes `.atlas/progress.json` atomically. */
  setProgress(path: string, state: ProgressState | null): void;
}
