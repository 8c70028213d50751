/**
 * Which note the first screen opens. Obsidian reopens the last workspace and, with its Homepage plugin, a configured
 * home note; a vault opened for the first time without one shows our Welcome screen (recent notes, the largest hubs:
 * workspace/WelcomeScreen.tsx), never some note picked for the user — on a big vault that was a 5,000-row surprise.
 */
import type { FileEntry, GraphData } from '../../../electron/shared/api.ts';

/** Root note names that make a note the home note (case-insensitive, `.md`). */
const HOME_NAME = /^(home|index|readme|start|首页|目录)\.md$/i;
/** Tags that make a root note the home note (a "map of content"). */
const HOME_TAG = /^(home|moc)$/i;

/**
 * The note the first screen opens, or null for the Welcome screen:
 * 1. the `homeNote` setting (a vault path, `.md` optional) when that note exists;
 * 2. a root note named home/index/readme/start/首页/目录;
 * 3. a root note tagged `home` or `moc`;
 * 4. else null (also for a vault without notes).
 */
export function pickStartNote(files: FileEntry[], graph: GraphData | null, homeNote = ''): string | null {
  const notes = files.filter((f) => f.kind === 'note').map((f) => f.path);
  const wanted = homeNote.trim().replace(/^\/+/, '');
  if (wanted) {
    const exact = notes.find((p) => p === wanted || p === `${wanted}.md`);
    if (exact) return exact;
  }
  return (
    notes.find((p) => HOME_NAME.test(p)) ??
    graph?.nodes.find((n) => n.kind === 'note' && !n.id.includes('/') && n.tags.some((t) => HOME_TAG.test(t)))?.id ??
    null
  );
}
