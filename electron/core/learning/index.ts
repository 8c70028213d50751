/** The learning-path engine: learning plans, connections, next up, curated paths and progress over the index's queries (`VaultQuery`). */
export { createLearningService, LearningEngine, LearningError, NEXT_UP_LIMIT, toConnectionPath } from './service.ts';
export { ProgressFileError, ProgressStore } from './progress.ts';
export { buildLearningGraph, type LearningGraph, type LearningNode, type LearningLink } from './graph.ts';
export { computePlan, type PlanResult } from './plan.ts';
export { findConnection, type ConnectionHop } from './connection.ts';
export { computeNextUp } from './next-up.ts';
export { computeCuratedPaths } from './curated.ts';
export type { LearningService, LearningSource } from './engine-types.ts';
export type { PrerequisiteReport } from '../model.ts';
