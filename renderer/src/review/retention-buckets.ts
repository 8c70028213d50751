/**
 * The retention buckets of the graph's heat-map and their legend labels and colours (practice, #15), runtime-neutral
 * (no client, so tests and the graph's pure modules can import it).
 */
import type { NoteRetention } from '../../../electron/shared/api.ts';

export interface RetentionGroup {
  id: 'restudy' | 'weak' | 'fading' | 'strong' | 'unreviewed';
  label: string;
  colour: string;
}

/** Legend groups, worst first. Colours: a red→amber→green ramp readable in light and dark themes. */
export const RETENTION_GROUPS: readonly RetentionGroup[] = [
  { id: 'restudy', label: 'Re-study (cards failing)', colour: '#c62828' },
  { id: 'weak', label: 'Retention under 70 %', colour: '#ef6c00' },
  { id: 'fading', label: 'Retention 70–90 %', colour: '#f9a825' },
  { id: 'strong', label: 'Retention 90 % or more', colour: '#2e7d32' },
  { id: 'unreviewed', label: 'Cards not reviewed yet', colour: '#78909c' },
];

/** The group of a note's review state; null for a note without cards or review state (leave it uncoloured). */
export function retentionGroup(r: NoteRetention | undefined): RetentionGroup | null {
  if (!r) return null;
  const id: RetentionGroup['id'] = r.restudy
    ? 'restudy'
    : r.retention === null
      ? 'unreviewed'
      : r.retention < 0.7
        ? 'weak'
        : r.retention < 0.9
          ? 'fading'
          : 'strong';
  return RETENTION_GROUPS.find((g) => g.id === id) ?? null;
}
