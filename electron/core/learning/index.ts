/** The learning-path engine: learning plans, connections, next up, curated paths and progress over a `GraphIndex`. */
export { createLearningService, LearningEngine, LearningError, NEXT_UP_LIMIT, toConnectionPath } from './service.ts';
export { ProgressFileError, ProgressStore } from './progress.ts';
export { buildLearningGraph, type LearningGraph, type LearningNode, type LearningLink } from './graph.ts';
export { computePlan, type PlanResult } from './plan.ts';
export { findConnection, type ConnectionHop } from './connection.ts';
export { computeNextUp } from './next-up.ts';
export { computeCuratedPaths } from './curated.ts';
export { parseLevel, parseEstimate, estimateFromLength } from './properties.ts';
export type { LearningService, PrerequisiteReport } from './engine-types.ts';
