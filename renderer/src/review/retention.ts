/**
 * Retention heat-map data for the graph (practice, #15; the graph view owns the drawing and the "Graph legend").
 *
 * Hooks for the graph: `useRetentionGroups(on)` (the heat-map as graph groups, graph/retention-groups.ts) over
 * `useRetention()`, which gives `api.retention()` (per note with cards: mean FSRS retention
 * 0–1 or null, card and due counts, re-study mark), refreshed on `review-changed`; `retentionGroup(r)` buckets a
 * note into one of `RETENTION_GROUPS` (id, legend label, colour), to colour nodes and list the groups in the legend.
 */
import { useEffect, useMemo, useState } from 'react';
import type { NoteRetention } from '../../../electron/shared/api.ts';
import { useApiQuery } from '../backend/query.ts';
import { api, on } from '../client.ts';
import { retentionGraphGroups } from '../graph/retention-groups.ts';
import type { GraphGroup } from '../graph/settings.ts';

export { RETENTION_GROUPS, retentionGroup, type RetentionGroup } from './retention-buckets.ts';

/**
 * Review state per note path (null until the first answer, and while `enabled` is false: nothing is fetched then),
 * fetched through the query cache: again when the index changes (backend/query.ts keys answers by the index version)
 * and after every grade (`review-changed`).
 */
export function useRetention(enabled = true): Record<string, NoteRetention> | null {
  const [grades, setGrades] = useState(0);
  useEffect(() => on('review-changed', () => setGrades((t) => t + 1)), []);
  const { data, error } = useApiQuery(enabled ? ['retention', grades] : null, () => api.retention());
  return data ?? (error ? EMPTY : null);
}

const EMPTY: Record<string, NoteRetention> = {};

/**
 * The graph's retention heat-map groups while `on` (null when off: nothing is fetched then). The same array until the
 * retention data changes (after a grade or an index change), so the graph's elements are not rebuilt on every render.
 */
export function useRetentionGroups(on: boolean): GraphGroup[] | null {
  const retention = useRetention(on);
  return useMemo(() => (on ? retentionGraphGroups(retention) : null), [on, retention]);
}
