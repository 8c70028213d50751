/**
 * The one store of the graph view's kept state in the renderer: settings and the global graph's positions, loaded
 * once per page from `api.graphViewState()` and written back (debounced) with `api.saveGraphViewState`. The global
 * graph tab and the local graph share it, so a control changed in one is seen by the other.
 */
import { useEffect, useState } from 'react';
import type { GraphPositions } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { readSettings, type GraphSettings } from './settings.ts';

/** Delay before a changed setting is written, ms. */
const SETTINGS_SAVE_MS = 400;
/** Delay before changed positions are written, ms (a drag or a layout produces many changes). */
const POSITIONS_SAVE_MS = 1500;

let settings: GraphSettings = readSettings(null);
let positions: GraphPositions = {};
let loaded: Promise<void> | null = null;
const listeners = new Set<() => void>();
let settingsTimer: ReturnType<typeof setTimeout> | undefined;
let positionsTimer: ReturnType<typeof setTimeout> | undefined;

/** Loads the kept state (once); resolves even when the backend fails (defaults are used then). */
export function loadViewState(): Promise<void> {
  loaded ??= api.graphViewState().then(
    (s) => {
      settings = readSettings(s.settings);
      positions = s.positions;
      for (const l of listeners) l();
    },
    () => undefined,
  );
  return loaded;
}

export function currentSettings(): GraphSettings {
  return settings;
}

/** Kept positions of the global graph (model coordinates by node id). */
export function keptPositions(): GraphPositions {
  return positions;
}

/** Changes settings (shallow merge) and schedules the write. */
export function updateSettings(patch: Partial<GraphSettings>): void {
  settings = { ...settings, ...patch };
  for (const l of listeners) l();
  clearTimeout(settingsTimer);
  settingsTimer = setTimeout(() => {
    void api.saveGraphViewState({ settings: settings as unknown as Record<string, unknown> }).catch(() => undefined);
  }, SETTINGS_SAVE_MS);
}

/**
 * Sets the kept positions of `nodes` (model coordinates) in place and schedules the write: O(nodes), not a copy of
 * every kept position (one saved note at 10,000 notes).
 */
export function keepPositionsOf(nodes: Iterable<{ id: string; x: number; y: number }>): void {
  for (const n of nodes) positions[n.id] = [n.x, n.y];
  schedulePositions();
}

function schedulePositions(): void {
  clearTimeout(positionsTimer);
  positionsTimer = setTimeout(() => {
    void api.saveGraphViewState({ positions }).catch(() => undefined);
  }, POSITIONS_SAVE_MS);
}

/** The settings, re-rendering on change; `ready` once the kept state has been read. */
export function useGraphSettings(): { settings: GraphSettings; ready: boolean } {
  const [, bump] = useState(0);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const l = () => bump((n) => n + 1);
    listeners.add(l);
    let live = true;
    void loadViewState().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
      listeners.delete(l);
    };
  }, []);
  return { settings, ready };
}
