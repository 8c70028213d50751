import type { LearningPanelProps } from './types.ts';

/** The learning panel (region "Learning"): plan checklist, next up, curated paths. Filled in by the learning issue. */
export function LearningPanel(_props: LearningPanelProps) {
  return <section aria-label="Learning"><h2>Learning</h2></section>;
}
