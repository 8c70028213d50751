import type { LearningPlan, PlanStep, ProgressState } from '../../../electron/shared/api.ts';

/** The plan with each step's state taken from `progress` (vault path → state). */
export function withProgress(plan: LearningPlan, progress: Record<string, ProgressState>): LearningPlan {
  return { ...plan, steps: plan.steps.map((s) => ({ ...s, state: progress[s.path] ?? null })) };
}

/**
 * A re-computed plan for the same target, keeping the steps the user already ticked in the shown plan: the backend
 * drops learned notes from a plan, but a checklist whose ticked items vanish on every vault change could not be
 * unticked. Each kept step goes back before the next step of the old order that is still in the plan.
 */
export function keepLearned(shown: LearningPlan | null, fresh: LearningPlan): LearningPlan {
  if (!shown || shown.target !== fresh.target) return fresh;
  const freshPaths = new Set(fresh.steps.map((s) => s.path));
  const kept = shown.steps.filter((s) => s.state === 'learned' && !freshPaths.has(s.path));
  if (kept.length === 0) return fresh;
  const steps: PlanStep[] = [...fresh.steps];
  for (const k of kept) {
    const oldIdx = shown.steps.indexOf(k);
    const after = shown.steps.slice(oldIdx + 1).find((s) => steps.some((x) => x.path === s.path));
    const at = after ? steps.findIndex((x) => x.path === after.path) : steps.length - 1;
    steps.splice(Math.max(0, at), 0, { ...k, neededBy: k.neededBy.filter((p) => freshPaths.has(p)) });
  }
  return { ...fresh, steps };
}
