/**
 * The graph view's kept state for one vault (#11): the controls in `.atlas/graph.json` (as Obsidian keeps its graph
 * settings in `.obsidian/graph.json`) and the global graph's node positions in `.atlas/graph-positions.json`.
 *
 * Why the vault and not the renderer's storage: the browser host's origin (and so its localStorage) changes with its
 * port, localStorage is capped at ~5 MB per origin for all vaults together (10,000 positions are ~0.5 MB), and the
 * same vault opened in Electron or the browser should draw the same picture.
 *
 * Both files are written with the one atomic-write module. A file that is not valid JSON of the right shape is
 * moved aside to `<name>.damaged-<UTC timestamp>` (never silently overwritten) and read as empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GraphPositions, GraphViewState } from '../shared/api.ts';
import { writeFileAtomic } from '../core/files/atomic-write.ts';

export const GRAPH_SETTINGS_FILE = '.atlas/graph.json';
export const GRAPH_POSITIONS_FILE = '.atlas/graph-positions.json';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads `file` as JSON; null when missing; a damaged file is moved aside and read as null. */
function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    moveAside(file);
    return null;
  }
}

function moveAside(file: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  try {
    fs.renameSync(file, `${file}.damaged-${stamp}`);
  } catch {
    /* gone meanwhile */
  }
}

/** The kept state of the vault at `vaultRoot` (absolute). */
export function readGraphViewState(vaultRoot: string): GraphViewState {
  const settingsFile = path.join(vaultRoot, GRAPH_SETTINGS_FILE);
  const positionsFile = path.join(vaultRoot, GRAPH_POSITIONS_FILE);
  const s = readJson(settingsFile);
  const settings = isRecord(s) ? s : null;
  if (s !== null && !settings) moveAside(settingsFile);
  const p = readJson(positionsFile);
  const positions: GraphPositions = {};
  if (isRecord(p) && isRecord(p.positions)) {
    for (const [id, xy] of Object.entries(p.positions)) {
      if (Array.isArray(xy) && xy.length === 2 && Number.isFinite(xy[0]) && Number.isFinite(xy[1]))
        positions[id] = [xy[0] as number, xy[1] as number];
    }
  } else if (p !== null) {
    moveAside(positionsFile);
  }
  return { settings, positions };
}

/** Writes the given parts of the state atomically (positions rounded to 0.1 px to keep the file small). */
export async function writeGraphViewState(vaultRoot: string, state: Partial<GraphViewState>): Promise<void> {
  if (state.settings !== undefined && state.settings !== null) {
    await writeFileAtomic(path.join(vaultRoot, GRAPH_SETTINGS_FILE), `${JSON.stringify(state.settings, null, 2)}\n`, {
      mkdirWithin: vaultRoot,
    });
  }
  if (state.positions !== undefined) {
    const rounded: GraphPositions = {};
    for (const [id, [x, y]] of Object.entries(state.positions))
      rounded[id] = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
    await writeFileAtomic(
      path.join(vaultRoot, GRAPH_POSITIONS_FILE),
      `${JSON.stringify({ version: 1, positions: rounded })}\n`,
      { mkdirWithin: vaultRoot },
    );
  }
}
