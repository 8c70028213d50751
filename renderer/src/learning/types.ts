/**
 * The seam between the app frame (renderer/src/App.tsx, graph view) and the learning panel
 * (renderer/src/learning/LearningPanel.tsx).
 */
import type { LearningPlan, ProgressState } from '../../../electron/shared/api.ts';

export interface LearningPanelProps {
  /** Path of the note in the active editor tab, or null. */
  currentPath: string | null;
  /** Opens a note in the editor (e.g. clicking a plan step or previous/next of a curated path). */
  onOpenNote(path: string): void;
  /** Called whenever the plan the panel shows changes (null when none); the graph highlights it in order. */
  onPlanChange(plan: LearningPlan | null): void;
}

/** What the graph view is told about learning, kept in App state. */
export interface LearningOverlay {
  plan: LearningPlan | null;
  /** Progress per note path, updated live from the `progress-changed` event. */
  progress: Record<string, ProgressState>;
}
