/**
 * Retention heat-map data for the graph (practice, #15; the graph view owns the drawing and the "Graph legend").
 *
 * Hook for the graph: `useRetention()` gives `api.retention()` (per note with cards: mean FSRS retention
 * 0–1 or null, card and due counts, re-study mark), refreshed on `review-changed`; `retentionGroup(r)` buckets a
 * note into one of `RETENTION_GROUPS` (id, legend label, colour), to colour nodes and list the groups in the legend.
 */
import { useEffect, useState } from 'react';
import type { NoteRetention } from '../../../electron/shared/api.ts';
import { useApiQuery } from '../backend/query.ts';
import { api, on } from '../client.ts';

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

/**
 * Review state per note path (null until the first answer), fetched through the query cache: again when the index
 * changes (backend/query.ts keys answers by the index version) and after every grade (`review-changed`).
 */
export function useRetention(): Record<string, NoteRetention> | null {
  const [grades, setGrades] = useState(0);
  useEffect(() => on('review-changed', () => setGrades((t) => t + 1)), []);
  const { data, error } = useApiQuery(['retention', grades], () => api.retention());
  return data ?? (error ? {} : null);
}
