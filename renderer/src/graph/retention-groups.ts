/**
 * The retention heat-map of the graph (practice, #15): with "Retention heat-map" on in Graph controls › Groups, each
 * note with flashcards is coloured by its cards' predicted retention (FSRS retrievability now, `api.retention()`),
 * in the buckets of `RETENTION_GROUPS` (re-study, under 70 %, 70–90 %, 90 % or more, not reviewed yet), and the
 * "Graph legend" lists the buckets in use. The buckets become ordinary graph groups with explicit members (`ids`)
 * and a legend label, so the canvas colours them as it colours query groups (`data(group)`). The hook that fetches
 * the data is `useRetentionGroups` in review/retention.ts.
 */
import type { NoteRetention } from '../../../electron/shared/api.ts';
import { RETENTION_GROUPS, retentionGroup } from '../review/retention-buckets.ts';
import type { GraphGroup } from './settings.ts';

/** One graph group per retention bucket (legend order, worst first), with the notes in it. */
export function retentionGraphGroups(retention: Record<string, NoteRetention> | null): GraphGroup[] {
  const members = new Map<string, Set<string>>(RETENTION_GROUPS.map((g) => [g.id, new Set<string>()]));
  for (const [path, r] of Object.entries(retention ?? {})) {
    const g = retentionGroup(r);
    if (g) members.get(g.id)?.add(path);
  }
  return RETENTION_GROUPS.map((g) => ({
    query: `retention:${g.id}`,
    color: g.colour,
    label: g.label,
    ids: members.get(g.id),
  }));
}
